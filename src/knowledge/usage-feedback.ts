import type { Locale } from '../i18n/locale.js';
import type { Reply } from '../core/reply.js';
import { messagesFor } from '../i18n/index.js';
import { maskSensitive } from '../privacy/mask.js';
import type { UsageLog } from './usage-log.js';

export const HELPED_ACTION = 'helped';
export const NOT_HELPED_ACTION = 'not-helped';

const words = (locale: Locale) => messagesFor(locale).script.feedback;

/** The value a feedback button carries: the script, and the (masked) words that found it. */
export function feedbackValue(scriptId: string, query?: string): string {
  return JSON.stringify({ id: scriptId, ...(query ? { q: maskSensitive(query).slice(0, 150) } : {}) });
}

/** Counts the open and adds "this helped" / "didn't help" to a /script answer, when usage is recorded. */
export function withFeedback(reply: Reply, scriptId: string, query: string | undefined, locale: Locale, usage: UsageLog | undefined): Reply {
  if (!usage) return reply;
  void usage.opened(scriptId);
  // Nothing to type for them: where buttons cannot be pressed (console, CLI) degradeFor drops them.
  const w = words(locale);
  const value = feedbackValue(scriptId, query);
  reply.blocks.push({
    type: 'actions',
    actions: [
      { command: 'script', id: HELPED_ACTION, value, label: w.helped, typed: '' },
      { command: 'script', id: NOT_HELPED_ACTION, value, label: w.notHelped, typed: '' },
    ],
  });
  return reply;
}

/** A press of one of the two buttons: counted without who pressed it. */
export async function feedbackPressed(actionId: string, value: string, locale: Locale, usage: UsageLog | undefined): Promise<Reply> {
  let parsed: { id?: unknown; q?: unknown } = {};
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch {
    // An old or foreign value: nothing to count.
  }
  if (usage && typeof parsed.id === 'string') await usage.feedback(parsed.id, actionId === HELPED_ACTION, typeof parsed.q === 'string' ? parsed.q : undefined);
  return { blocks: [{ type: 'context', text: words(locale).thanks }], private: true, tone: 'success' };
}
