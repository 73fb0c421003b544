import type { Locale } from '../core/locale.js';
import { toTraditional } from '../text/chinese-script.js';
import { en, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';

export type { Messages } from './en.js';

/** Deep-converts a message tree: strings now, function results when called. */
function derive<T>(tree: T, convert: (s: string) => string): T {
  if (typeof tree === 'string') return convert(tree) as T;
  if (typeof tree === 'function') {
    const fn = tree as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => derive(fn(...args), convert)) as T;
  }
  if (tree && typeof tree === 'object') {
    return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, derive(v, convert)])) as T;
  }
  return tree;
}

const catalogs: Record<Locale, Messages> = {
  en,
  'zh-CN': zhCN,
  'zh-TW': derive(zhCN, toTraditional),
};

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}
