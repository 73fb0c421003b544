import { stemmer } from 'stemmer';
import { hasHan } from '../text/chinese-script.js';
import { ENGLISH_STOP_WORDS } from '../text/stop-words.js';
import { normalizeAuthoredText, normalizeText } from '../text/tokenize.js';

/**
 * Short phrases ("so angry", "被客户骂了") looked for in a few typed words. Chinese phrases
 * match as substrings of the Simplified text (or, partly, by their character pairs); English
 * phrases match as runs of stemmed words, so "furious" meets "so furious" and "killing
 * myself" meets "kill myself". Stop words stay in English phrases on purpose: "had it with
 * this customer" is nothing but stop words to a search engine, yet it is how people talk.
 */
export interface TypedText {
  /** Simplified, lower-case, no whitespace: what Chinese phrases are looked for in. */
  han: string;
  hanPairs: ReadonlySet<string>;
  /** Stemmed English words in order. */
  stems: readonly string[];
  stemSet: ReadonlySet<string>;
}

export type Phrase =
  | { kind: 'han'; text: string; pairs: readonly string[] }
  | { kind: 'latin'; stems: readonly string[]; content: readonly string[] };

const WORD = /[\p{Script=Latin}\p{Nd}]+/gu;
const SPACE = /\s+/gu;

function wordsOf(normalized: string): string[] {
  return normalized.replace(/['’]/g, '').match(WORD) ?? [];
}

function pairsOf(han: string): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < han.length; i++) pairs.push(han.slice(i, i + 2));
  return pairs;
}

/** What a person typed, ready to be compared with many phrases. */
export function readTyped(text: string): TypedText {
  const normalized = normalizeText(text);
  const han = normalized.replace(SPACE, '');
  const stems = wordsOf(normalized).map((w) => stemmer(w));
  return { han, hanPairs: new Set(pairsOf(han)), stems, stemSet: new Set(stems) };
}

/** An authored phrase (zh-CN or en, from the calm files). */
export function compilePhrase(phrase: string): Phrase | undefined {
  const normalized = normalizeAuthoredText(phrase);
  if (hasHan(normalized)) {
    const text = normalizeText(normalized).replace(SPACE, '');
    return text ? { kind: 'han', text, pairs: pairsOf(text) } : undefined;
  }
  const words = wordsOf(normalized);
  if (!words.length) return undefined;
  const stems = words.map((w) => stemmer(w));
  const content = words.filter((w) => !ENGLISH_STOP_WORDS.has(w)).map((w) => stemmer(w));
  return { kind: 'latin', stems, content };
}

/** True when the whole phrase occurs in the text (Chinese: as a substring; English: as a run of words). */
export function containsPhrase(typed: TypedText, phrase: Phrase): boolean {
  if (phrase.kind === 'han') return typed.han.includes(phrase.text);
  return containsRun(typed.stems, phrase.stems);
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * How well a phrase fits the text, 0 when not at all. A whole match scores by the phrase's
 * size (a long specific phrase beats a short general one); a partial one (most Chinese
 * character pairs, or every English content word out of order) scores less.
 */
export function phraseScore(typed: TypedText, phrase: Phrase): number {
  if (phrase.kind === 'han') {
    const size = phrase.text.length;
    if (typed.han.includes(phrase.text)) return 1 + size / 2;
    if (phrase.pairs.length < 2) return 0;
    const hits = phrase.pairs.filter((p) => typed.hanPairs.has(p)).length;
    const share = hits / phrase.pairs.length;
    return hits >= 2 && share >= 0.6 ? share * (0.5 + size / 4) : 0;
  }
  const size = phrase.content.length + phrase.stems.length / 4;
  if (containsRun(typed.stems, phrase.stems)) return 1 + size / 2;
  if (!phrase.content.length) return 0;
  return phrase.content.every((s) => typed.stemSet.has(s)) ? 0.5 + size / 4 : 0;
}
