import { z } from 'zod';
import { parsePage } from '../src/core/pager.js';
import type { AddressBook, PersonRef } from '../src/core/platform.js';
import { PromiseId } from '../src/promises/model.js';
import { toSimplified } from '../src/text/chinese-script.js';

const id = z
  .string({ error: 'id' })
  .transform((v) => v.toUpperCase())
  .pipe(PromiseId);
const rest = z.string({ error: 'rest' }).trim().min(1, 'rest');

/** What can follow /promise; each form is checked by its own schema so a mistake names what to type. */
export const PromiseArgs = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('help') }),
  z.object({ kind: z.literal('create'), text: rest }),
  z.object({ kind: z.literal('list'), page: z.number().int().min(1).optional() }),
  z.object({ kind: z.literal('team'), page: z.number().int().min(1).optional() }),
  z.object({ kind: z.literal('stats') }),
  z.object({ kind: z.literal('done'), id }),
  z.object({ kind: z.literal('snooze'), id }),
  z.object({ kind: z.literal('renegotiate'), id, when: rest }),
  z.object({ kind: z.literal('cancel'), id, reason: rest }),
  z.object({ kind: z.literal('handoff'), target: z.union([z.literal('all'), id]), to: rest }),
  z.object({ kind: z.literal('tz'), zone: z.string().trim().optional() }),
  z.object({ kind: z.literal('board') }),
]);
export type PromiseArgs = z.infer<typeof PromiseArgs>;

/** Sub-command words, English and Chinese, so an agent can type either. */
const VERBS: Record<string, PromiseArgs['kind']> = {
  list: 'list', ls: 'list', 列表: 'list', 我的: 'list',
  done: 'done', 完成: 'done', 已完成: 'done',
  renegotiate: 'renegotiate', reschedule: 'renegotiate', 改时间: 'renegotiate', 改期: 'renegotiate',
  handoff: 'handoff', handover: 'handoff', 交接: 'handoff', 转交: 'handoff',
  cancel: 'cancel', 取消: 'cancel',
  team: 'team', 团队: 'team', 團隊: 'team',
  stats: 'stats', 统计: 'stats', 統計: 'stats',
  tz: 'tz', timezone: 'tz', 时区: 'tz', 時區: 'tz',
  snooze: 'snooze', 稍后提醒: 'snooze',
  help: 'help', 帮助: 'help', 幫助: 'help',
  board: 'board', 看板: 'board',
};

/** Splits the typed text into the input of PromiseArgs; anything not starting with a verb is a new promise. */
export function toPromiseArgs(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'help' };
  const [first = '', ...others] = trimmed.split(/\s+/);
  // A zh-TW agent types the verbs in Traditional (轉交, 改時間, 稍後提醒): read them as Simplified.
  const kind = VERBS[first.toLowerCase()] ?? VERBS[toSimplified(first)];
  if (!kind) return { kind: 'create', text: trimmed };
  const [a, ...more] = others;
  const tail = more.join(' ') || undefined;
  switch (kind) {
    case 'done':
    case 'snooze':
      return { kind, id: a };
    case 'renegotiate':
      return { kind, id: a, when: tail };
    case 'cancel':
      return { kind, id: a, reason: tail };
    case 'handoff':
      return { kind, target: a?.toLowerCase() === 'all' ? 'all' : a, to: tail };
    case 'tz':
      return { kind, zone: a };
    case 'list':
    case 'team':
      return { kind, page: parsePage(others) };
    default:
      return { kind };
  }
}

/**
 * The colleague `text` names: a mention the adapter resolved (the text holds its `typed` form),
 * else an id the platform's address book reads as one of its people. Mention syntax never
 * reaches here; a bare name no platform can message is no colleague.
 */
export function colleagueIn(text: string, mentions: readonly PersonRef[], book: AddressBook | undefined): { userId: string; name?: string } | undefined {
  const typed = text.trim();
  const mention = mentions.find((m) => m.typed === typed);
  if (mention) return { userId: mention.address, ...(mention.name ? { name: mention.name } : {}) };
  const bare = typed.replace(/^@/, '');
  const address = book && bare ? (book.colleague ?? book.person)(bare) : undefined;
  return address ? { userId: address } : undefined;
}
