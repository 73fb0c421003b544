import { ConverterBuilder } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';
import { s2tw, s2twp } from './simplified-to-traditional.js';
import { taiwanGlossary, type TaiwanGlossaryFile } from './taiwan-glossary.js';

// Only the small Traditional → Simplified dictionaries are loaded as opencc-js converters: they
// normalise Taiwan or Hong Kong text so that one Simplified index serves both. Simplified →
// Traditional (zh-TW content) goes through ./simplified-to-traditional.ts, which builds a trie
// per text instead of holding OpenCC's 85 MB one.
const buildT2cn = ConverterBuilder(t2cn);
let traditionalToSimplified: ((text: string) => string) | undefined;
let hongKongToSimplified: ((text: string) => string) | undefined;

const HAN = /\p{Script=Han}/u;
const LAW_TITLE = /(《[^《》]*》)/;
const QUOTES: Record<string, string> = { '\u201c': '\u300c', '\u201d': '\u300d', '\u2018': '\u300e', '\u2019': '\u300f' };

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * zh-CN → zh-TW as a reader in Taiwan expects it: OpenCC's Taiwan phrasing (宽带 → 寬頻),
 * corrected by the project glossary (knowledge/locale/zh-TW.yaml: 权限 → 權限, 套餐 → 資費方案),
 * with 「」 quotes. Law titles 《…》 are names: characters only (《个人信息保护法》 → 《個人信息保護法》).
 */
export function toTraditional(text: string): string {
  if (!hasHan(text)) return text;
  return text
    .split(LAW_TITLE)
    .map((part, i) => (i % 2 === 1 ? s2tw(part) : localise(part)))
    .join('');
}

let glossaryPattern: { pattern: RegExp; taiwan: Map<string, string> } | undefined;

function glossaryMatcher(glossary: TaiwanGlossaryFile) {
  if (glossaryPattern) return glossaryPattern;
  const terms = [...glossary.terms].sort((a, b) => b.mainland.length - a.mainland.length);
  const escaped = terms.map((t) => t.mainland.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return (glossaryPattern = { pattern: new RegExp(`(${escaped.join('|')})`, 'u'), taiwan: new Map(terms.map((t) => [t.mainland, t.taiwan])) });
}

/** Glossary terms (longest first) are replaced as written; the text between them goes through OpenCC. */
function localise(text: string): string {
  if (!hasHan(text)) return text;
  const { pattern, taiwan } = glossaryMatcher(taiwanGlossary());
  return text
    .split(pattern)
    .map((part, i) => (i % 2 === 1 ? taiwan.get(part)! : part && s2twp(part)))
    .join('')
    .replace(/[\u201c\u201d\u2018\u2019]/g, (q) => QUOTES[q]!);
}

export function toSimplified(text: string): string {
  if (!hasHan(text)) return text;
  traditionalToSimplified ??= buildT2cn({ from: 'twp', to: 'cn' });
  hongKongToSimplified ??= buildT2cn({ from: 'hk', to: 'cn' });
  return hongKongToSimplified(traditionalToSimplified(text));
}

/** True when the text has Han characters that only exist in Traditional writing. */
export function looksTraditional(text: string): boolean {
  return hasHan(text) && toSimplified(text) !== text;
}

/**
 * Builds the conversion dictionaries now rather than on the first Traditional query, so the
 * first agent who types Traditional Chinese does not wait for them.
 */
export function warmUpChineseScript(): void {
  toSimplified('\u7e41\u9ad4');
  toTraditional('\u7b80\u4f53');
}
