import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import { normalizeAuthoredText, wordTermsOfNormalized } from './tokenize.js';
import { shippedGlossaryPath } from './taiwan-glossary.js';

export const SEARCH_SYNONYMS_FILE = 'locale/search-synonyms.yaml';

const HAN = /\p{Script=Han}/u;
const LATIN_PHRASE = /^[a-z0-9][a-z0-9 '-]*$/;

const Phrase = z
  .string()
  .min(1)
  .refine((p) => HAN.test(p) || LATIN_PHRASE.test(p), 'a phrase in Simplified Chinese, or in lower-case English')
  .refine((p) => !HAN.test(p) || [...p].length >= 2, 'a Chinese phrase of at least two characters (one character matches everywhere)');

/** knowledge/locale/search-synonyms.yaml: groups of words that mean the same in a hard call. */
export const SearchSynonymsFile = z.object({ groups: z.array(z.array(Phrase).min(2)).min(1) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.groups.forEach((group, i) =>
    group.forEach((phrase, j) => {
      if (seen.has(phrase)) ctx.addIssue({ code: 'custom', path: ['groups', i, j], message: `"${phrase}" is in two groups` });
      seen.add(phrase);
    }),
  );
});
export type SearchSynonymsFile = z.infer<typeof SearchSynonymsFile>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Particles of English phrasal verbs, which an object pronoun splits from their verb: "ring back" → "ring me back". */
const PARTICLE = '(?:back|up|off|out|down|over|away)';
const OBJECT_PRONOUN = '(?:me|him|her|them|us|it|you|u)';
const SPLIT_BY_OBJECT = new RegExp(`^(\\S+) ${OBJECT_PRONOUN} (${PARTICLE})$`);

/**
 * The pattern of an English phrase: its words apart by any space, and a phrasal verb also with an
 * object pronoun inside ("pay back" matches "pay him back", "top up" matches "top it up").
 */
function phrasePattern(phrase: string): string {
  const words = phrase.split(' ').map(escape);
  if (words.length === 2 && new RegExp(`^${PARTICLE}$`).test(phrase.split(' ')[1]!)) return `${words[0]}(?:\\s+${OBJECT_PRONOUN})?\\s+${words[1]}`;
  return words.join('\\s+');
}

/** The synonyms a query brings in: extra text to search, and for each of the query's terms the terms that stand for it. */
export interface SynonymReading {
  /** For each group the query uses, its other phrases, one per line. */
  extra: string[];
  /** A term of the query's phrase → the terms of the group's other phrases. */
  alternates: Map<string, string[]>;
}

/**
 * Finds the synonym groups a query uses. English phrases match as whole words with a plural or
 * tense ending ("parcels", "charged"); Chinese phrases match anywhere in the Simplified text.
 */
export class SearchSynonyms {
  readonly #groupOf = new Map<string, number>();
  readonly #groups: string[][];
  readonly #english: RegExp | undefined;
  readonly #chinese: RegExp | undefined;
  readonly #terms = new Map<string, string[]>();

  constructor(file: SearchSynonymsFile) {
    this.#groups = file.groups.map((g) => g.map((p) => normalizeAuthoredText(p)));
    this.#groups.forEach((group, i) => group.forEach((phrase) => this.#groupOf.set(phrase, i)));
    const phrases = [...this.#groupOf.keys()].sort((a, b) => b.length - a.length);
    const english = phrases.filter((p) => !HAN.test(p)).map(phrasePattern);
    const chinese = phrases.filter((p) => HAN.test(p)).map(escape);
    this.#english = english.length ? new RegExp(`\\b(${english.join('|')})(?:s|es|d|ed|ing)?\\b`, 'g') : undefined;
    this.#chinese = chinese.length ? new RegExp(chinese.join('|'), 'gu') : undefined;
  }

  /** The synonyms of a normalized (lower-case, Simplified) query, or undefined when it uses none. */
  of(normalized: string): SynonymReading | undefined {
    const used = new Map<number, Set<string>>();
    const note = (matched: string) => {
      const spaced = matched.replace(/\s+/g, ' ');
      const phrase = this.#groupOf.has(spaced) ? spaced : spaced.replace(SPLIT_BY_OBJECT, '$1 $2');
      const group = this.#groupOf.get(phrase);
      if (group === undefined) return;
      const set = used.get(group) ?? new Set<string>();
      used.set(group, set.add(phrase));
    };
    if (this.#english) for (const m of normalized.matchAll(this.#english)) note(m[1]!);
    if (this.#chinese && HAN.test(normalized)) for (const [m] of normalized.matchAll(this.#chinese)) note(m);
    if (used.size === 0) return undefined;
    const extra: string[] = [];
    const alternates = new Map<string, string[]>();
    for (const [group, phrases] of used) {
      const others = this.#groups[group]!.filter((p) => !phrases.has(p));
      extra.push(others.join('\n'));
      const otherTerms = others.flatMap((p) => this.#termsOf(p));
      for (const phrase of phrases) for (const term of this.#termsOf(phrase)) alternates.set(term, [...(alternates.get(term) ?? []), ...otherTerms]);
    }
    return { extra, alternates };
  }

  #termsOf(phrase: string): string[] {
    let terms = this.#terms.get(phrase);
    if (!terms) this.#terms.set(phrase, (terms = wordTermsOfNormalized(phrase)));
    return terms;
  }
}

let shipped: SearchSynonyms | undefined;

/** The synonyms of the shipped file, read once; a broken file is a packaging mistake and fails loudly. */
export function shippedSearchSynonyms(): SearchSynonyms {
  if (shipped) return shipped;
  const file = path.join(path.dirname(shippedGlossaryPath()), path.basename(SEARCH_SYNONYMS_FILE));
  return (shipped = new SearchSynonyms(SearchSynonymsFile.parse(load(readFileSync(file, 'utf8')))));
}
