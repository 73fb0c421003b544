import { z } from 'zod';
import type { Logger } from 'pino';
import { defineCommand, type CommandDescription } from '../src/core/command.js';
import { guarded, leadsOnly } from '../src/core/guards.js';
import type { LeadDirectory } from '../src/core/leads.js';
import type { Outbox, Recipient } from '../src/core/outbox.js';
import type { Timers } from '../src/core/timers.js';
import type { Locale } from '../src/i18n/locale.js';
import type { Reply } from '../src/core/reply.js';
import { capabilitiesOf, type Capabilities } from '../src/core/platform.js';
import type { CommandRequest, Requester, Platform } from '../src/core/request.js';
import { errorSummary } from '../src/calm/breathing-session.js';
import type { CalmDesk, Person } from '../src/calm/desk.js';
import { replyLocaleFor } from '../src/calm/reply-locale.js';
import { messagesFor } from '../src/i18n/index.js';
import { toSimplified } from '../src/text/chinese-script.js';
import {
  ACTIONS,
  breathingView,
  crisisReply,
  feelingReply,
  menuReply,
  withSafetyCheck,
  type LeadNote,
  type LeadRequest,
  messageReply,
  parseLocaleValue,
  statsReply,
  stoppedReply,
} from './calm-replies.js';

/** Longer text is cut here: a few words are all /calm needs, and the crisis check still sees plenty. */
export const MAX_CALM_TEXT = 4000;

export const CalmArgs = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('menu') }),
  z.object({ mode: z.literal('stats') }),
  z.object({ mode: z.literal('stop') }),
  z.object({ mode: z.literal('reset') }),
  z.object({ mode: z.literal('checkin') }),
  z.object({ mode: z.literal('breathe'), practice: z.string().regex(/^[a-z0-9-]+$/).optional() }),
  z.object({ mode: z.literal('feeling'), text: z.string().trim().min(1).max(MAX_CALM_TEXT) }),
]);
export type CalmArgs = z.infer<typeof CalmArgs>;

/** What can be typed instead of pressing a button (console), in English or Chinese. */
const KEYWORDS: Record<string, 'menu' | 'stats' | 'stop' | 'reset' | 'checkin' | 'breathe'> = {
  menu: 'menu',
  菜单: 'menu',
  stats: 'stats',
  统计: 'stats',
  stop: 'stop',
  停止: 'stop',
  停: 'stop',
  reset: 'reset',
  找组长: 'reset',
  checkin: 'checkin',
  'check-in': 'checkin',
  需要人陪: 'checkin',
  breathe: 'breathe',
  呼吸: 'breathe',
};

/** Reads what follows `/calm`: nothing (the menu), a keyword, or a few words about how the person feels. */
export function toCalmArgs(text: string): unknown {
  const trimmed = text.trim().slice(0, MAX_CALM_TEXT);
  if (!trimmed) return { mode: 'menu' };
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const keyword = KEYWORDS[toSimplified(first.toLowerCase())];
  if (keyword === 'breathe' && rest.length === 1 && /^[a-z0-9-]+$/.test(rest[0]!)) return { mode: 'breathe', practice: rest[0] };
  if (keyword && rest.length === 0) return { mode: keyword };
  return { mode: 'feeling', text: trimmed };
}

function personOf(platform: Platform, user: Requester): Person {
  return { platform, userId: user.id };
}

export const calmDescription: CommandDescription = {
  name: 'calm',
  summary: (m) => m.calm.summary,
  help: (m) => m.calm.help,
  argument: (m) => m.calm.argument,
};

export interface CalmDeps {
  desk: CalmDesk;
  /** The breathing minute's messages go out through it. */
  outbox: Outbox;
  /**
   * Sends a lead the note through the bot's durable outbox: kept before it is sent, retried if the
   * platform fails. Resolves true when it went out now, false when it is kept for a retry; rejects
   * only when it could not even be kept.
   */
  sendLeadNote: (lead: Recipient, note: LeadNote) => Promise<boolean>;
  timers: Timers;
  leads: LeadDirectory;
  log: Logger;
}

/** The use figures are for leads. */
const guards = [leadsOnly<CalmArgs>((args) => args.mode === 'stats', (request) => messageReply(messagesFor(request.user.locale).calm.stats.leadsOnly))];

export function createCalmCommand(deps: CalmDeps) {
  return defineCommand<CalmArgs>({
    ...calmDescription,
    args: CalmArgs,
    toArgs: toCalmArgs,

    usage(request) {
      return messageReply(messagesFor(request.user.locale).calm.tooLong(MAX_CALM_TEXT), 'warning');
    },

    run: guarded(guards, async (args: CalmArgs, request: CommandRequest) => {
      const desk = deps.desk;
      const person = personOf(request.platform, request.user);
      const userLocale = request.user.locale;
      switch (args.mode) {
        case 'stats':
          return stats(request.user, deps);
        case 'stop':
          return stop(person, userLocale, deps);
        case 'reset':
          return askLead(person, request.platform, request.user, userLocale, deps, 'reset');
        case 'checkin':
          return askLead(person, request.platform, request.user, userLocale, deps, 'checkIn');
        case 'breathe':
          return breathe(person, userLocale, args.practice, capabilitiesOf(request), deps);
        case 'menu': {
          const library = desk.library;
          if (!library) return messageReply(messagesFor(userLocale).calm.unavailable, 'warning');
          await desk.countUse();
          return menuReply(library, userLocale);
        }
        case 'feeling': {
          const locale = replyLocaleFor(args.text, userLocale);
          // Before anything else: words that suggest danger get support, not a prompt.
          const crisis = desk.crisis(args.text);
          if (crisis.kind !== 'none') {
            await desk.countUse();
            const lines = crisis.kind === 'threat' ? desk.library?.threatMessage(locale) : desk.library?.crisisMessage(locale);
            return crisisReply(crisis.kind, lines, desk.supportContact, locale);
          }
          const library = desk.library;
          if (!library) return messageReply(messagesFor(locale).calm.unavailable, 'warning');
          const id = args.text.toLowerCase();
          // A feeling id is what the console types for a button, not a new use (nor a language).
          if (library.has(id)) return feelingOrMenu(person, id, userLocale, deps);
          await desk.countUse();
          const match = desk.match(args.text);
          const answer =
            match.kind === 'feeling'
              ? feelingOrMenu(person, match.id, locale, deps)
              : menuReply(library, locale, { unsure: true, first: match.kind === 'unsure' ? match.candidates : [] });
          return crisis.checkIn ? withSafetyCheck(answer, desk.supportContact, locale) : answer;
        }
      }
    }),

    async onAction(request) {
      const { locale: shownIn, rest } = parseLocaleValue(request.value);
      const locale = shownIn ?? request.user.locale;
      const person = personOf(request.platform, request.user);
      switch (request.actionId) {
        case ACTIONS.feeling:
          return feelingOrMenu(person, rest, locale, deps);
        case ACTIONS.menu: {
          const library = deps.desk.library;
          return library ? menuReply(library, locale) : messageReply(messagesFor(locale).calm.unavailable, 'warning');
        }
        case ACTIONS.breathe:
          return breathe(person, locale, rest || undefined, capabilitiesOf(request), deps);
        case ACTIONS.stop:
          return stop(person, locale, deps);
        case ACTIONS.reset:
          return askLead(person, request.platform, request.user, locale, deps, 'reset');
        case ACTIONS.checkIn:
          return askLead(person, request.platform, request.user, locale, deps, 'checkIn');
        default:
          throw new Error(`unknown /calm action ${request.actionId}`);
      }
    },
  });
}

function feelingOrMenu(person: Person, feelingId: string, locale: Locale, deps: CalmDeps): Reply {
  const desk = deps.desk;
  const library = desk.library;
  if (!library) return messageReply(messagesFor(locale).calm.unavailable, 'warning');
  const answer = desk.answer(person, feelingId, locale);
  // A feeling retired since the button was drawn: offer the current menu.
  return answer ? feelingReply(answer, locale) : menuReply(library, locale, { unsure: true });
}

async function breathe(person: Person, locale: Locale, practiceId: string | undefined, can: Capabilities, deps: CalmDeps): Promise<Reply> {
  const b = messagesFor(locale).calm.breathing;
  const desk = deps.desk;
  if (!desk.library) return messageReply(messagesFor(locale).calm.unavailable, 'warning');
  const result = await desk.startBreathing(person, {
    locale,
    practiceId,
    view: breathingView(locale),
    outbox: deps.outbox,
    timers: deps.timers,
  });
  if (result === 'running') return messageReply(b.running);
  if (result === 'failed') return messageReply(b.failed, 'warning');
  // Where the minute is a DM that edits itself with a Stop button, say so; elsewhere it prints below.
  const inItsOwnMessage = can.directMessages && can.edits && can.buttons;
  return messageReply(inItsOwnMessage ? b.started : b.startedConsole, 'success');
}

async function stop(person: Person, locale: Locale, deps: CalmDeps): Promise<Reply> {
  const b = messagesFor(locale).calm.breathing;
  const stopped = await deps.desk.stopBreathing(person, deps.outbox, stoppedReply(locale));
  return messageReply(stopped ? b.stoppedNow : b.notRunning);
}

/**
 * Sends each lead on the platform a neutral note: this person asks for a 5-minute reset, or
 * for someone to check in on them now (from a crisis reply). Who asks and for what; nothing
 * about why, nothing they typed. The person hears how many leads have it now; a note that
 * could not go out now is kept and retried, and still arrives later.
 */
async function askLead(person: Person, platform: Platform, user: Requester, locale: Locale, deps: CalmDeps, request: LeadRequest): Promise<Reply> {
  const m = request === 'reset' ? messagesFor(locale).calm.lead : messagesFor(locale).calm.checkIn;
  const desk = deps.desk;
  const leads = await deps.leads.leadsOn(platform);
  if (!leads.length) return messageReply(m.noLead, 'warning');
  if (!desk.claimLeadNote(person, request)) return messageReply(m.tooSoon);
  const note: LeadNote = { asker: { id: user.id, ...(user.name ? { name: user.name } : {}) }, request, locale };
  const results = await Promise.allSettled(leads.map((lead) => deps.sendLeadNote(lead, note)));
  const sent = results.filter((r) => r.status === 'fulfilled' && r.value).length;
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (sent < leads.length) {
    const kept = results.filter((r) => r.status === 'fulfilled' && !r.value).length;
    deps.log.warn(
      { component: 'calm', platform, request, failed: leads.length - sent, kept, of: leads.length, ...(failure ? { err: errorSummary(failure.reason) } : {}) },
      'calm: a lead note could not be delivered now',
    );
  }
  if (sent === 0) {
    desk.releaseLeadNote(person, request);
    return messageReply(m.failed, 'error');
  }
  return sent < leads.length ? messageReply(m.partly(sent, leads.length), 'warning') : messageReply(m.sent(sent), 'success');
}

async function stats(user: Requester, deps: CalmDeps): Promise<Reply> {
  const m = messagesFor(user.locale).calm.stats;
  const desk = deps.desk;
  if (!desk.statsEnabled) return messageReply(m.off);
  return statsReply(await desk.stats(), user.locale);
}
