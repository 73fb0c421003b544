import type { Locale } from '../src/i18n/locale.js';
import { pageOf, pagerBlocks } from '../src/core/pager.js';
import { privateReply, type Block, type Reply, type ReplyAction } from '../src/core/reply.js';
import { messagesFor } from '../src/i18n/index.js';
import type { KnowledgeBase, Script } from '../src/knowledge/knowledge-base.js';
import type { PhraseHit } from '../src/knowledge/phrasebook.js';
import { isStarterPack } from '../src/knowledge/starter-pack.js';
import { toTraditional } from '../src/text/chinese-script.js';

export const OPEN_ACTION = 'open';

/** The full approved script: when, goal, steps, lines to say and never say, escalation, approval record. */
export function scriptReply(script: Script, locale: Locale, today: string, alternates: readonly Script[] = []): Reply {
  const m = messagesFor(locale);
  const l = m.script.labels;
  const blocks: Block[] = [];
  if (script.reviewBy < today) blocks.push({ type: 'context', text: `⚠ ${m.script.dueForReview(script.reviewBy)}` });
  if (script.locale !== locale) blocks.push({ type: 'context', text: m.script.fallbackLocale });
  blocks.push(
    { type: 'text', label: l.appliesWhen, text: script.appliesWhen },
    { type: 'text', label: l.goal, text: script.goal },
    { type: 'list', label: l.steps, items: script.steps, ordered: true },
    { type: 'quote', label: l.say, lines: script.say, fillIns: true },
    { type: 'list', label: l.neverSay, items: script.neverSay, marker: 'cross' },
  );
  if (script.escalate) blocks.push({ type: 'text', label: l.escalate, text: script.escalate });
  if (script.legal) {
    // The scripts cite Mainland China law; a reader in Taiwan or abroad must not take it for theirs.
    if (locale !== 'zh-CN') blocks.push({ type: 'context', text: m.script.legalScope });
    blocks.push({ type: 'text', label: l.legal, text: script.legal });
  }
  blocks.push({
    type: 'context',
    text: isStarterPack(script)
      ? m.script.starterPack(script.version)
      : m.script.approval(script.approvedBy ?? '', script.approvedOn ?? '', script.version),
  });
  if (alternates.length) {
    blocks.push({ type: 'context', text: m.script.alternatesLabel });
    blocks.push({ type: 'actions', actions: alternates.map((alt) => openAction(alt, locale, m.script.alternateButton(alt.title))) });
  }
  return privateReply(script.title, blocks, script.reviewBy < today ? 'warning' : 'info');
}

/** A button that opens a script in the locale of the reply it sits on. */
export function openAction(script: Pick<Script, 'id'>, locale: Locale, label: string): ReplyAction {
  return { command: 'script', id: OPEN_ACTION, value: `${locale}:${script.id}`, label, typed: `/script ${script.id}` };
}

export function parseOpenValue(value: string): { locale: Locale | undefined; id: string } {
  const m = /^(zh-CN|zh-TW|en):(.+)$/.exec(value);
  return m ? { locale: m[1] as Locale, id: m[2]! } : { locale: undefined, id: value };
}

export const BROWSE_PAGE_ACTION = 'browse-page';

/**
 * `/script` alone: every case and guide by category, with how to search, 20 a page; a category
 * that runs over a page boundary is named again on the next page.
 */
export function browseReply(knowledge: KnowledgeBase, locale: Locale, page = 1): Reply {
  const m = messagesFor(locale);
  const blocks: Block[] = [{ type: 'text', text: m.script.browseHint }];
  const all = knowledge.entriesByCategory().flatMap((group) => group.entries.map((entry) => ({ entry, group })));
  const shown = pageOf(all, page);
  let previous: unknown;
  for (const { entry, group } of shown.items) {
    const item = `${knowledge.get(entry.id, locale)?.title ?? entry.id} · ${entry.id}`;
    const last = blocks.at(-1);
    if (group === previous && last?.type === 'list') last.items.push(item);
    else blocks.push({ type: 'list', label: group.category?.name[locale] ?? group.categoryId, items: [item] });
    previous = group;
  }
  blocks.push(...pagerBlocks(shown, { command: 'script', actionId: BROWSE_PAGE_ACTION, typed: (n) => `/script page ${n}` }, m));
  return privateReply(m.script.browseTitle, blocks);
}

export function noMatchReply(query: string, locale: Locale): Reply {
  const m = messagesFor(locale);
  return privateReply(m.script.noMatchTitle, [{ type: 'text', text: m.script.noMatch(query) }], 'warning');
}

export function messageReply(text: string, tone: Reply['tone'] = 'warning'): Reply {
  return privateReply(undefined, [{ type: 'text', text }], tone);
}

/** `/script check`: each flagged phrase with why and the positive rewrite, in the draft's locale. */
export function draftCheckReply(hits: readonly PhraseHit[], locale: Locale): Reply {
  const m = messagesFor(locale);
  if (!hits.length) return privateReply(undefined, [{ type: 'text', text: m.script.checkClean }], 'success');
  const local = (text: string) => (locale === 'zh-TW' ? toTraditional(text) : text);
  const blocks: Block[] = hits.map((hit) => ({
    type: 'text',
    label: `${locale === 'zh-TW' ? `「${hit.found}」` : `“${hit.found}”`} · ${hit.severity === 'banned' ? m.script.checkBanned : m.script.checkNonstandard}`,
    text: `${local(hit.entry.why)}\n${m.script.checkTry(local(hit.entry.rewrite))}`,
  }));
  return privateReply(m.script.checkTitle(hits.length), blocks, 'warning');
}
