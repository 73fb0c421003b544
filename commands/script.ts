import { z } from 'zod';
import type { Clock } from '../src/core/clock.js';
import { defineCommand, type CommandDescription } from '../src/core/command.js';
import { isoDateIn } from '../src/core/dates.js';
import { localeForText } from '../src/core/text-locale.js';
import { messagesFor } from '../src/i18n/index.js';
import { hasHan } from '../src/text/chinese-script.js';
import type { KnowledgeBase, Script } from '../src/knowledge/knowledge-base.js';
import { parsePage } from '../src/core/pager.js';
import { feedbackPressed, HELPED_ACTION, NOT_HELPED_ACTION, withFeedback } from '../src/knowledge/usage-feedback.js';
import type { UsageLog } from '../src/knowledge/usage-log.js';
import {
  BROWSE_PAGE_ACTION,
  browseReply,
  draftCheckReply,
  messageReply,
  noMatchReply,
  OPEN_ACTION,
  parseOpenValue,
  scriptReply,
} from './script-replies.js';

export const MAX_QUERY_LENGTH = 1000;
const MAX_SUGGESTIONS = 25;

export const ScriptArgs = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('browse'), page: z.number().int().min(1).optional() }),
  z.object({ mode: z.literal('check'), draft: z.string().trim().min(1).max(MAX_QUERY_LENGTH) }),
  z.object({ mode: z.literal('search'), query: z.string().trim().min(1).max(MAX_QUERY_LENGTH) }),
  z.object({ mode: z.literal('more') }),
]);
export type ScriptArgs = z.infer<typeof ScriptArgs>;

const CHECK_PREFIX = /^(?:check|检查|檢查)(?:\s+|[::]\s*|$)/i;
/** Asking for more results ("more" is in a case's English title): no search has state to continue, so the answer says how to get more. */
const ASKS_FOR_MORE = /^(?:more(?:\s+(?:results|options|scripts|cases|please))?|show more|next(?:\s+page)?|更多|多一点|下一?页|下一?頁|还有吗|還有嗎|还有呢|還有呢|其他的?|其它的?)[\s?？!！.。]*$/i;

/** Reads what follows `/script`: nothing, `check <draft>`, or a search query. */
export function toScriptArgs(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return { mode: 'browse' };
  // "page 2" / "第2页" alone: the next page of the browse list, not a search.
  if (/^(?:page|p|第|页|頁)\s*\d/i.test(trimmed)) {
    const page = parsePage([trimmed]);
    if (page) return { mode: 'browse', page };
  }
  if (ASKS_FOR_MORE.test(trimmed)) return { mode: 'more' };
  const check = CHECK_PREFIX.exec(trimmed);
  if (check) return { mode: 'check', draft: trimmed.slice(check[0].length) };
  return { mode: 'search', query: trimmed };
}

export const scriptDescription: CommandDescription = {
  name: 'script',
  summary: (m) => m.script.summary,
  help: (m) => m.script.browseHint,
  argument: (m) => m.script.argument,
  suggests: true,
};

export interface ScriptDeps {
  /** The scripts as loaded now (they reload while the bot runs). */
  knowledge: () => KnowledgeBase;
  clock: Clock;
  /** Script opens, "this helped"/"didn't help" and searches with no hit (masked, anonymous), for the board. */
  usage?: UsageLog;
}

export function createScriptCommand({ knowledge, clock, usage }: ScriptDeps) {
  return defineCommand<ScriptArgs>({
    ...scriptDescription,
    args: ScriptArgs,
    toArgs: toScriptArgs,

    usage(request) {
      const args = toScriptArgs(request.text) as { mode: string; draft?: string };
      const locale = localeForText(request.text, request.user.locale, request.localeExplicit);
      const m = messagesFor(locale);
      if (args.mode === 'check' && !args.draft?.trim()) return messageReply(m.script.checkUsage);
      return messageReply(m.script.tooLong(MAX_QUERY_LENGTH));
    },

    run(args, request) {
      const kb = knowledge();
      const today = isoDateIn(clock.now(), request.user.timeZone);
      if (args.mode === 'browse') return browseReply(kb, request.user.locale, args.page);
      if (args.mode === 'more') return messageReply(messagesFor(request.user.locale).script.moreHint);

      if (args.mode === 'check') {
        // A draft is checked, and answered, in the language it is written in.
        const locale = hasHan(args.draft) ? localeForText(args.draft, request.user.locale) : 'en';
        const hits = kb.phrasebook(locale)?.findIn(args.draft) ?? [];
        return draftCheckReply(hits, locale);
      }

      const locale = localeForText(args.query, request.user.locale, request.localeExplicit);
      const id = kb.idNamedBy(args.query);
      if (id) return withFeedback(scriptReply(kb.get(id, locale)!, locale, today), id, args.query, locale, usage);

      const [best, ...rest] = kb.search(args.query, 3).map((hit) => kb.get(hit.id, locale)).filter((s): s is Script => !!s);
      if (!best) {
        void usage?.missed(args.query);
        return noMatchReply(args.query, locale);
      }
      return withFeedback(scriptReply(best, locale, today, rest), best.id, args.query, locale, usage);
    },

    suggest(text, userLocale) {
      const kb = knowledge();
      const locale = localeForText(text, userLocale);
      const ids = text.trim()
        ? kb.search(text, MAX_SUGGESTIONS, { strict: false }).map((hit) => hit.id)
        : kb.entriesByCategory().flatMap((group) => group.entries.map((entry) => entry.id)).slice(0, MAX_SUGGESTIONS);
      return ids.map((id) => ({ label: kb.get(id, locale)?.title ?? id, value: id }));
    },

    onAction(request) {
      if (request.actionId === HELPED_ACTION || request.actionId === NOT_HELPED_ACTION) return feedbackPressed(request.actionId, request.value, request.user.locale, usage);
      if (request.actionId === BROWSE_PAGE_ACTION) {
        return { ...browseReply(knowledge(), request.user.locale, Math.max(1, Number(request.value) || 1)), replacesOriginal: true };
      }
      if (request.actionId !== OPEN_ACTION) throw new Error(`unknown /script action ${request.actionId}`);
      const { id, locale: shownIn } = parseOpenValue(request.value);
      const locale = shownIn ?? request.user.locale;
      const found = knowledge().get(id, locale);
      if (!found) return messageReply(messagesFor(locale).script.notFound(id));
      return withFeedback(scriptReply(found, locale, isoDateIn(clock.now(), request.user.timeZone)), id, undefined, locale, usage);
    },
  });
}
