import type { Locale } from '../core/locale.js';
import { toTraditional } from '../text/chinese-script.js';
import { en, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';

export type { Messages } from './en.js';

/**
 * Deep-converts a message tree, keeping its shape: strings now, array items and object values
 * one by one, function results when called. Anything else (numbers, dates…) is kept as it is.
 */
export function derive<T>(tree: T, convert: (s: string) => string): T {
  if (typeof tree === 'string') return convert(tree) as T;
  if (typeof tree === 'function') {
    const fn = tree as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => derive(fn(...args), convert)) as T;
  }
  if (Array.isArray(tree)) return tree.map((item: unknown) => derive(item, convert)) as T;
  if (isPlainObject(tree)) {
    return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, derive(v, convert)])) as T;
  }
  return tree;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const catalogs: Record<Locale, Messages> = {
  en,
  'zh-CN': zhCN,
  'zh-TW': derive(zhCN, toTraditional),
};

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}
