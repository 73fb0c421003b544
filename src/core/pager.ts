import type { Messages } from '../i18n/index.js';
import type { Block, ReplyAction } from './reply.js';

export const PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown. */
  from: number;
  to: number;
  total: number;
}

export function pageOf<T>(all: readonly T[], requested = 1, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = Math.min(Math.max(1, Math.floor(Number.isFinite(requested) ? requested : 1)), pages);
  const start = (page - 1) * size;
  const items = all.slice(start, start + size);
  return { items, page, pages, from: items.length ? start + 1 : 0, to: start + items.length, total: all.length };
}

/** How one list pages: its command, the action id its buttons carry, and what to type for page n. */
export interface PageNav {
  command: string;
  actionId: string;
  typed: (page: number) => string;
}

/**
 * "Showing 21–40 of 134" and Previous/Next buttons (value: the page number), each with what to
 * type for the same page. A list that fits on one page gets neither.
 */
export function pagerBlocks(page: Page<unknown>, nav: PageNav, m: Messages): Block[] {
  if (page.pages <= 1) return [];
  const actions: ReplyAction[] = [];
  const to = (n: number, label: string, turnsPage: 'previous' | 'next'): ReplyAction => ({ command: nav.command, id: nav.actionId, value: String(n), label, typed: nav.typed(n), turnsPage });
  if (page.page > 1) actions.push(to(page.page - 1, m.common.previousPage, 'previous'));
  if (page.page < page.pages) actions.push({ ...to(page.page + 1, m.common.nextPage, 'next'), style: 'primary' });
  return [{ type: 'context', text: m.common.showing(page.from, page.to, page.total) }, { type: 'actions', actions }];
}

/** "page 2", "p2", "第2页", "2" → 2; undefined when the words are not a page. */
export function parsePage(words: readonly string[]): number | undefined {
  const text = words.join(' ').trim().toLowerCase();
  const m = /^(?:(?:page|p|页|頁)\s*)?(?:第\s*)?(\d{1,5})\s*(?:页|頁)?$/.exec(text);
  return m ? Number(m[1]) : undefined;
}
