import type { Locale } from './locale.js';
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
  if (typeof tree === 'function') return convertingResult(tree as (...args: unknown[]) => unknown, convert) as T;
  if (Array.isArray(tree)) return tree.map((item: unknown) => derive(item, convert)) as T;
  if (isPlainObject(tree)) {
    return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, derive(v, convert)])) as T;
  }
  return tree;
}

const ARGUMENT = /\uE000(\d+)\uE001/g;

/**
 * A message function whose own words are converted and whose arguments are not: they are
 * already in the reader's language (a zh-TW title, a time label) or are what the person typed,
 * and converting Traditional text again would undo the glossary (權限 → 許可權).
 */
function convertingResult(fn: (...args: unknown[]) => unknown, convert: (s: string) => string) {
  return (...args: unknown[]) => {
    const marked = args.map((arg, i) => (typeof arg === 'string' ? `\uE000${i}\uE001` : arg));
    const result = derive(fn(...marked), convert);
    const unmark = (text: string) => text.replace(ARGUMENT, (_, i: string) => String(args[Number(i)]));
    return typeof result === 'string' ? unmark(result) : derive(result, unmark);
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Message results with their arguments marked repeat (a reminder, a list line), so each is
 * converted once; numbers inside make the set grow slowly, and it is emptied when large.
 */
function remembered(convert: (s: string) => string, limit = 2000): (s: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let converted = seen.get(text);
    if (converted === undefined) {
      if (seen.size >= limit) seen.clear();
      converted = convert(text);
      seen.set(text, converted);
    }
    return converted;
  };
}

const catalogs: Record<Locale, Messages> = {
  en,
  'zh-CN': zhCN,
  'zh-TW': derive(zhCN, remembered(toTraditional)),
};

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}
