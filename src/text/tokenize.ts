import { pinyin } from './pinyin.js';
import { stemmer } from 'stemmer';
import { toSimplified } from './chinese-script.js';
import { icuWords, type ChineseWords } from './chinese-words.js';
import { lemmaOf } from './english-lemmas.js';
import { CHINESE_QUESTION_FRAMES, CHINESE_STOP_WORDS, ENGLISH_SEARCH_STOP_WORDS } from './stop-words.js';

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[\p{Script=Latin}\p{Nd}]+(?:['-][\p{Script=Latin}\p{Nd}]+)*/gu;

/**
 * Negative contractions, with or without the apostrophe, as the words they stand for: "can't"
 * and "cannot" are one term, and "didn't" keeps its "not".
 */
const NEGATIONS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['cant', ['cannot']],
  ...['dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'arent', 'werent', 'havent', 'hasnt', 'hadnt', 'wont', 'couldnt', 'wouldnt', 'shouldnt', 'aint'].map(
    (word): [string, string[]] => [word, ['not']],
  ),
]);

/** Prefix of the tokens that stand for how Chinese text sounds (pinyin), kept apart from word tokens. */
const SOUND_PREFIX = 'py:';

const stems = new Map<string, string>();

/** Porter stem, remembered: the same few thousand words recur across every script. */
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size > 50_000) stems.clear();
    stems.set(word, (stem = stemmer(word)));
  }
  return stem;
}

/** Lower-case, half-width, Simplified: the one form both the index and queries are compared in. */
export function normalizeText(text: string): string {
  return toSimplified(normalizeAuthoredText(text));
}

/** Chat shorthand for "with" and "without" ("stuck w/ u guys", "w/o notice"), which the word pattern would cut to a stray letter. */
const CHAT_WITH = /\bw\/(o\b)?\s*/g;
/** "T&Cs", "Ts & Cs": the terms and conditions, which the word pattern would cut to two stray letters. */
const TERMS_AND_CONDITIONS = /\bts?\s?&\s?cs?\b/g;

/** The same for text already written in Simplified Chinese or English (the knowledge files), skipping the costly script conversion. */
export function normalizeAuthoredText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(CHAT_WITH, (_, out: string | undefined) => (out ? 'without ' : 'with '))
    .replace(TERMS_AND_CONDITIONS, 'terms and conditions');
}

/**
 * Word-level terms of a text: Chinese words from the ICU segmenter plus every character
 * bigram of each Han run (so that a word the segmenter splits differently in the query and
 * in the script still meets), and English words stemmed, without stop words.
 */
export interface WordOptions {
  /** Whole Chinese words as well as bigrams (off for long prose, where bigrams do well enough). */
  segment?: boolean;
  /** Where whole Chinese words come from; the ICU segmenter by default. */
  words?: ChineseWords;
  /** Collects each English word as written that differs from its stem ("customer" → "custom"). */
  stems?: Map<string, string>;
  /** A query: its question frames (是不是, 为什么) and the windows inside them are no terms. */
  query?: boolean;
}

export function wordTerms(text: string, options: WordOptions & { authored?: boolean } = {}): string[] {
  return wordTermsOfNormalized(options.authored ? normalizeAuthoredText(text) : normalizeText(text), options);
}

/** What a contraction adds to its word ('s, 'll, 're, 've, 'd, 'm): "he'll" is "he", not "hell". Negations (n't) are read apart (NEGATIONS). */
const CONTRACTED = /'(?:s|ll|re|ve|d|m)$/;

/** An English word of a text as written (apostrophes and hyphens dropped) and the term it is searched by. */
export interface EnglishWord {
  word: string;
  term: string;
}

/** English words with their terms: stems, negations as "not"/"cannot", stop words left out. */
export function englishWordsOfNormalized(normalized: string): EnglishWord[] {
  const words: EnglishWord[] = [];
  for (const [token] of normalized.matchAll(LATIN_WORD)) {
    const word = token.replace(CONTRACTED, '').replace(/['-]/g, '');
    const negation = NEGATIONS.get(word);
    if (negation) for (const term of negation) words.push({ word, term });
    else if (word.length > 1 && !ENGLISH_SEARCH_STOP_WORDS.has(word)) words.push({ word, term: stemOf(lemmaOf(word)) });
  }
  return words;
}

const QUESTION_FRAME = new RegExp([...CHINESE_QUESTION_FRAMES].sort((a, b) => b.length - a.length).join('|'), 'gu');

/** Which characters of a Han run belong to a question frame (是不是, 为什么; see CHINESE_QUESTION_FRAMES), or undefined when none does. */
function questionFrameOf(run: string): Uint8Array | undefined {
  let framed: Uint8Array | undefined;
  for (const match of run.matchAll(QUESTION_FRAME)) (framed ??= new Uint8Array(run.length)).fill(1, match.index, match.index + match[0].length);
  return framed;
}

export function wordTermsOfNormalized(normalized: string, options: WordOptions = {}): string[] {
  const terms: string[] = [];
  for (const { word, term } of englishWordsOfNormalized(normalized)) {
    terms.push(term);
    if (options.stems && word !== term) options.stems.set(word, term);
  }
  for (const [run] of normalized.matchAll(HAN_RUN)) {
    // Segmenting is the costly part; long prose (a script's body) is matched well enough by its
    // bigrams, so only short fields and queries pay for whole words. A two-character word is
    // already one of the bigrams.
    if (options.segment !== false && run.length > 2) {
      for (const word of (options.words ?? icuWords).wordsOf(run)) {
        if (word.length > 2 && !CHINESE_STOP_WORDS.has(word) && !(options.query && CHINESE_QUESTION_FRAMES.has(word))) terms.push(word);
      }
    }
    if (run.length === 1) terms.push(run);
    const framed = options.query ? questionFrameOf(run) : undefined;
    for (let i = 0; i + 1 < run.length; i++) {
      if (framed?.[i] && framed[i + 1]) continue;
      const bigram = run.slice(i, i + 2);
      if (!CHINESE_STOP_WORDS.has(bigram)) terms.push(bigram);
    }
  }
  return terms;
}

/**
 * Bigrams of a sentence that only ever span two words (我已 in 我已经, 次都 in 三次都): in a pasted
 * sentence they are mostly function characters glued to a neighbour and say little about the case.
 */
/** What the ICU segmenter makes of a text's bigrams, for weighing a query's terms. */
export interface BigramRoles {
  /** Two-character words its dictionary keeps whole: typed as meant, not typos (天气, 春天). */
  dictionary: Set<string>;
  /**
   * Bigrams of a sentence that only ever span two words (我已 in 我已经, 次都 in 三次都): in a
   * pasted sentence they are mostly function characters glued to a neighbour and say little
   * about the case. Only in runs of CROSSING_MIN_RUN characters or more.
   */
  crossing: Set<string>;
  /** Bigrams reaching into a question frame (么又 of 怎么又扣了): also crossing, and not counted as a whole word of the query. */
  intoAFrame: Set<string>;
}

/** Shorter runs are shorthand or a typo'd word, where a bigram across a word boundary is often the word itself (短息 for 短信). */
const CROSSING_MIN_RUN = 6;

export function bigramRolesOfNormalized(normalized: string): BigramRoles {
  const dictionary = new Set<string>();
  const crossing = new Set<string>();
  const inside = new Set<string>();
  const intoAFrame = new Set<string>();
  for (const [run] of normalized.matchAll(HAN_RUN)) {
    if (run.length < 2) continue;
    const ends = new Set<number>();
    let at = 0;
    for (const word of icuWords.wordsOf(run)) {
      if (word.length === 2) dictionary.add(word);
      ends.add((at = run.indexOf(word, at) + word.length));
    }
    // A window reaching into a question frame (么又 of 怎么又扣了) carries one character of the case at most.
    const framed = questionFrameOf(run);
    for (let i = 0; i + 1 < run.length; i++) {
      if (!!framed && framed[i] !== framed[i + 1]) intoAFrame.add(run.slice(i, i + 2));
      else if (run.length >= CROSSING_MIN_RUN) (ends.has(i + 1) ? crossing : inside).add(run.slice(i, i + 2));
    }
  }
  for (const bigram of inside) crossing.delete(bigram);
  for (const bigram of intoAFrame) crossing.add(bigram);
  return { dictionary, crossing, intoAFrame };
}

/**
 * Sound terms: pinyin syllable pairs of each Han run, so that a homophone typo
 * (线速 for 限速, 宽代 for 宽带) still finds the case.
 */
export function soundTerms(text: string, options: { authored?: boolean; heard?: HeardRuns } = {}): string[] {
  return soundTermsOfNormalized(options.authored ? normalizeAuthoredText(text) : normalizeText(text), options.heard);
}

/**
 * Folded syllables of Han runs already read. pinyin-pro costs tens of microseconds a call, and
 * the runs of a knowledge base repeat (客户, 退款, whole stock phrases): an index build shares one
 * of these across its documents and reads each distinct run once. A run's reading depends on the
 * run alone, so the terms are the same as without it.
 */
export type HeardRuns = Map<string, readonly string[]>;

export function soundTermsOfNormalized(normalized: string, heardRuns?: HeardRuns, { query = false }: { query?: boolean } = {}): string[] {
  const terms: string[] = [];
  for (const [run] of normalized.matchAll(HAN_RUN)) {
    if (run.length < 2) continue;
    let heard = heardRuns?.get(run);
    if (!heard) {
      heard = pinyin(run, { toneType: 'none', type: 'array', v: true }).map(foldSyllable);
      heardRuns?.set(run, heard);
    }
    // pinyin-pro gives one syllable per character, so positions match the run's.
    const framed = query && heard.length === run.length ? questionFrameOf(run) : undefined;
    for (let i = 0; i + 1 < heard.length; i++) if (!(framed?.[i] && framed[i + 1])) terms.push(`${SOUND_PREFIX}${heard[i]}${heard[i + 1]}`);
  }
  return terms;
}

/**
 * A syllable as many speakers hear and type it: zh/ch/sh like z/c/s and -eng/-ing like -en/-in
 * (Taiwan and southern Mainland Mandarin), so 資道 for 知道 or 心號 for 信號 still meet.
 */
function foldSyllable(syllable: string): string {
  return syllable.replace(/^([zcs])h/, '$1').replace(/([ei])ng$/, '$1n');
}

const syllableOfCharacter = new Map<string, string>();

/**
 * How a two-character Chinese word sounds, each character read on its own (commonest reading,
 * folded as above): 心号 and 信号 both give "xinhao". Used to find the index's words a typo'd
 * query word sounds like; per character, so every word of the index costs only a lookup.
 */
export function soundOfBigram(bigram: string): string {
  let key = '';
  for (const character of bigram) {
    let syllable = syllableOfCharacter.get(character);
    if (syllable === undefined) {
      syllable = foldSyllable(pinyin(character, { toneType: 'none', type: 'array', v: true })[0] ?? character);
      syllableOfCharacter.set(character, syllable);
    }
    key += syllable;
  }
  return key;
}

export function isLatinTerm(term: string): boolean {
  return /^[a-z][a-z0-9]*$/.test(term);
}
