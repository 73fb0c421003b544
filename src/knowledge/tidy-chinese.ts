import { fullWidthPunctuation } from '../text/chinese-punctuation.js';

// YAML folds a long line into the next with a space, which is right for English and wrong
// between two Chinese characters.
const FOLDED_CJK_SPACE = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef]) (?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

// Fields that are code, not prose.
const VERBATIM_KEYS = new Set(['id', 'regex', 'locale', 'category', 'status', 'kind']);

/** Every prose string of a zh-CN file as a Chinese reader expects it: no folding spaces, full-width punctuation. */
export function tidyChinese<T>(value: T): T {
  if (typeof value === 'string') return fullWidthPunctuation(value).replace(FOLDED_CJK_SPACE, '') as T;
  if (Array.isArray(value)) return value.map(tidyChinese) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, VERBATIM_KEYS.has(k) ? v : tidyChinese(v)])) as T;
  }
  return value;
}
