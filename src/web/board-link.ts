import type { Clock } from '../core/clock.js';
import type { ReplyAction, Reply } from '../core/reply.js';
import type { ActionRequest, CommandRequest } from '../core/request.js';
import { clockTime } from '../promises/format.js';
import type { WebPerson } from './sign-in-links.js';
import { webStrings } from './web-strings.js';

/** What chat needs from the board: a one-time sign-in link for a lead. */
export interface BoardLinks {
  issue(person: WebPerson): Promise<{ url: string; expiresAt: Date }>;
}

/**
 * The private answer to `/promise board` (and the digest's "Open the board" button): a
 * one-time link for a lead; anyone else is told politely, and gets no link.
 */
export async function boardLinkReply(request: CommandRequest | ActionRequest, links: BoardLinks | undefined, clock: Clock, teamTimeZone = 'UTC'): Promise<Reply> {
  const s = webStrings(request.user.locale).chat;
  if (!request.user.isLead) return { blocks: [{ type: 'text', text: s.leadsOnly }], private: true, tone: 'info' };
  if (!links) return { blocks: [{ type: 'text', text: s.notSetUp }], private: true, tone: 'warning' };
  const { url, expiresAt } = await links.issue({
    platform: request.platform,
    userId: request.user.id,
    ...(request.user.name ? { name: request.user.name } : {}),
    locale: request.user.locale,
  });
  void clock;
  const until = clockTime(expiresAt, request.user.timeZone ?? teamTimeZone, request.user.locale);
  return {
    title: s.title,
    blocks: [
      { type: 'text', text: url },
      { type: 'context', text: s.oneTime(until) },
    ],
    private: true,
    tone: 'info',
  };
}

/** The button on the digest and App Home; pressing it asks for a link like `/promise board`. */
export function openBoardAction(locale: WebPerson['locale']): ReplyAction {
  return { command: 'promise', id: 'board', value: 'board', label: webStrings(locale).chat.button, typed: '/promise board' };
}
