import {
  bigramRolesOfNormalized,
  englishWordsOfNormalized,
  isLatinTerm,
  normalizeAuthoredText,
  soundOfBigram,
  soundTerms,
  soundTermsOfNormalized,
  wordTerms,
  wordTermsOfNormalized,
  type BigramRoles,
  type HeardRuns,
} from '../text/tokenize.js';
import { FuzzyVocabulary } from '../text/fuzzy-vocabulary.js';
import { isAgentsOwnMatter } from '../text/english-voice.js';
import { DomainLexicon, type ChineseWords } from '../text/chinese-words.js';
import { shippedMainlandReading } from '../text/taiwan-search-words.js';
import { toSimplified } from '../text/chinese-script.js';
import { CHINESE_QUESTION_FRAMES, CHINESE_STOP_WORDS } from '../text/stop-words.js';
import { isWritersOwnProblem } from '../text/writer-own-problem.js';
import { shippedSearchSynonyms } from '../text/search-synonyms.js';
import { FieldLengths, FrozenPostings, type GrowingPostings } from './search-postings.js';

/** The searchable text of one case or guide, all hand-written locales together. */
export interface SearchDocument {
  id: string;
  title: string;
  aliases: string;
  utterances: string;
  body: string;
}

export interface SearchHit {
  id: string;
  score: number;
}

interface Field {
  name: keyof Omit<SearchDocument, 'id'> | 'sound';
  boost: number;
  terms(doc: SearchDocument, words: ChineseWords, stems: Map<string, string>): string[];
}

// Documents are the hand-written zh-CN and en text, already Simplified: no script conversion needed.
const AUTHORED = { authored: true } as const;

const FIELDS: readonly Field[] = [
  { name: 'title', boost: 3, terms: (d, words, stems) => wordTerms(d.title, { ...AUTHORED, words, stems }) },
  { name: 'aliases', boost: 4, terms: (d, words, stems) => wordTerms(d.aliases, { ...AUTHORED, words, stems }) },
  { name: 'utterances', boost: 2, terms: (d, words, stems) => wordTerms(d.utterances, { ...AUTHORED, words, stems }) },
  { name: 'body', boost: 1, terms: (d, _words, stems) => wordTerms(d.body, { ...AUTHORED, segment: false, stems }) },
  { name: 'sound', boost: 2, terms: (d) => soundTerms(soundSourceOf(d), AUTHORED) },
];
/** The sound field is indexed on the first search, not at build: pinyin-pro then loads only when someone searches (idle memory). */
const SOUND_FIELD = FIELDS.findIndex((f) => f.name === 'sound');
/** The fields that name a case, and those that also tell it in the customer's words (rather than what to say in it). */
const NAMING_FIELDS: ReadonlySet<Field['name']> = new Set(['title', 'aliases']);
const TELLING_FIELDS: ReadonlySet<Field['name']> = new Set(['title', 'aliases', 'utterances']);
/**
 * From this many documents the sound field is indexed right after the build instead, a slice of
 * documents per event-loop turn: on a base this large it takes long enough (about 1.5 s for 5,000
 * cases) to keep the first agent waiting, and pinyin-pro's memory is small beside the base's own.
 * The shipped base (about a hundred cases) stays lazy. A search that comes first finishes it.
 */
const SOUNDS_AHEAD_FROM_DOCUMENTS = 1000;
const SOUND_SLICE_DOCUMENTS = 200;

function soundSourceOf(d: Pick<SearchDocument, 'title' | 'aliases' | 'utterances'>): string {
  return `${d.title}\n${d.aliases}\n${d.utterances}`;
}

// BM25+ (./search-postings.ts), summed over fields with the boosts above.
const BOOSTS = Float64Array.from(FIELDS, (f) => f.boost);
/** Weight of a query bigram that only spans two words (我已, 次都); whole words and bigrams inside a word weigh 1. */
const CROSSING_WEIGHT = 0.3;
/** Weight of an index word that sounds like a query bigram the index does not have (心号 → 信号). */
const HOMOPHONE_WEIGHT = 0.7;
/** Weight of a term brought in by a synonym of the query's words (knowledge/locale/search-synonyms.yaml). */
const SYNONYM_WEIGHT = 0.65;
const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;

/**
 * The best match must score at least this much per word of the query. Below it the match rests
 * on a stray common word or a far-fetched typo, and the agent is better served by "no match"
 * and a hint than by a wrong script. Dividing by the query's length keeps one floor right for
 * two-character shorthand and for a pasted paragraph alike.
 */
export const MIN_SCORE_PER_TERM = 15;
/**
 * The same floor for Chinese text. Its terms are overlapping bigrams and their pinyin pairs, so
 * an off-topic question (团建去哪里玩, 下班要不要一起去吃火锅) gathers a little score from every
 * everyday bigram it shares with some script. On the dev sets chit-chat scored 15–17 per term and
 * Chinese queries about a case 17.7 or more (a long sentence of function bigrams, 客人一直說我們偷扣
 * 他的錢他根本沒申請那個服務, is the lowest).
 */
export const MIN_SCORE_PER_TERM_CHINESE = 17.5;
/**
 * A best match scoring under this per query word is weak: it must also cover enough of what the
 * query is about (MIN_WEAK_COVERAGE), or the answer is "no match". Off-topic questions ("食堂几点关门",
 * "is the office closed on Monday") share one everyday word with some script (几点, close) and
 * score like this, while the words that say what they are about (食堂, canteen) appear nowhere.
 */
export const WEAK_SCORE_PER_TERM = 30;
/**
 * Share of the query's content words, weighted by how specific they are (idf; a word no case uses
 * counts fully), that a weak best match must contain. Calibrated on dev.yaml, dev-colloquial.yaml
 * and dev-offtopic.yaml (precision and recall of "no match"; bench/eval.ts prints both).
 */
export const MIN_WEAK_COVERAGE = 0.34;
/**
 * Longer text is a customer's words pasted in, not a question to the bot: most of its words are
 * feeling and circumstance rather than the case, so it is not held to the coverage rule.
 */
export const MAX_WEAK_WORDS = 7;
/**
 * A best match that shares one content word with a short query, and at most this many of its
 * terms (the word and its sound, or two English words of which one is no content word), rests on
 * that one word.
 */
const MAX_ONE_WORD_TERMS = 2;
/**
 * A short English query with words no case knows must share at least one word with its best case
 * that few cases use (idf; 2.0 is about one case in eight): "the printer is broken again" shares
 * only "broken" and "again", which many cases use. Calibrated on the dev sets (bench/eval.ts),
 * where every off-topic query it catches is English; Chinese shorthand and typos often share only
 * common words with their case, and Chinese off-topic text is caught by coverage already.
 */
const MIN_SPECIFIC_IDF = 2;
/**
 * A short English query must share this many content words with its best case's title and
 * aliases (the words that say what the case is), or MIN_TOLD_WORDS with those and the customer's
 * utterances, not only with its say-lines and steps: those use the everyday words (leave, shift,
 * screen, approve) that staff chat about work shares with them.
 */
const MIN_NAMED_WORDS = 2;
const MIN_TOLD_WORDS = 3;
/** The term negations are searched by (didn't, won't → not). */
const NEGATION = 'not';
/** A short English query sharing this many words with a case's title and aliases names it, even beside a word no case knows (a brand, a gadget, "outage"). */
const MIN_NAMING_WORDS = 3;
/** Alternates are offered while they score at least this share of the best match. */
export const ALTERNATE_MIN_SHARE = 0.05;
/** Words in more than this share of the cases say nothing about which one is meant; skipping them keeps long pastes fast. */
const MAX_DOCUMENT_SHARE = 0.5;

/**
 * What the lexical ranking says of a query: its best cases with no floor, whether its confidence floor
 * shows the best one, and whether it is staff chat about the writer's own matter (answered "no match").
 */
export interface LexicalRanking {
  hits: readonly SearchHit[];
  confident: boolean;
  staffChat: boolean;
}

/**
 * Ranked retrieval over titles, aliases, customer utterances and body: an inverted index with
 * BM25+ per field, Chinese words and bigrams, pinyin pairs for homophone typos, and English
 * stems with edit-distance and prefix matching against the index's own vocabulary.
 */
export class SearchIndex {
  readonly #ids: string[];
  #postings: FrozenPostings;
  readonly #lengths: FieldLengths;
  readonly #latinVocabulary: FuzzyVocabulary;
  /** English words as the scripts write them, by the stem they are indexed under (where the two differ). */
  readonly #stemOfWord: Map<string, string>;
  /** Chinese bigrams of the case names (titles, aliases) by how they sound (soundOfBigram), for typo'd query words. */
  readonly #bigramsBySound = new Map<string, string[]>();
  readonly #scores: Float64Array;
  /**
   * Scratch space for scoring a synonym group: each case's score before it, its best gain, which
   * group last reached it, and the cases it reached (the first `reached` of `reachedDocs`).
   */
  readonly #group: { before: Float64Array; gain: Float64Array; seen: Int32Array; stamp: number; reachedDocs: Int32Array; reached: number };
  readonly #matchedTerms: Int32Array;
  readonly #lastTerm: Int32Array;
  /** The cases the query has reached so far, in the order first reached (the first `#touchedCount`). */
  readonly #touched: Int32Array;
  #touchedCount = 0;
  /**
   * Each case's better score over the query's readings, which reading gave it and how many of
   * its terms matched there; the cases reached by any reading are the first `count` of `docs`.
   */
  readonly #best: { scores: Float64Array; reading: Int8Array; matched: Int32Array; docs: Int32Array; count: number };
  readonly #words: ChineseWords;
  /** The sound field while it is not yet indexed: each document's text, how far it got, what it has so far. */
  #soundsToIndex: { sources: string[]; next: number; postings: Map<string, GrowingPostings>; heard: HeardRuns } | undefined;
  readonly #soundsIndexed: { promise: Promise<void>; resolve: () => void } = resolvable();

  private constructor(
    ids: string[],
    postings: Map<string, GrowingPostings>,
    lengths: FieldLengths,
    words: ChineseWords,
    stemOfWord: Map<string, string>,
    soundSources: string[],
  ) {
    this.#soundsToIndex = { sources: soundSources, next: 0, postings: new Map(), heard: new Map() };
    this.#words = words;
    this.#ids = ids;
    this.#lengths = lengths;
    for (let field = 0; field < FIELDS.length; field++) if (field !== SOUND_FIELD) lengths.settle(field);
    this.#postings = FrozenPostings.empty().with(postings, lengths);
    this.#stemOfWord = stemOfWord;
    // Typos are matched against the words as written as well as their stems: "custmer" is one
    // letter from "customer" but three from its stem "custom".
    this.#latinVocabulary = new FuzzyVocabulary([...postings.keys(), ...stemOfWord.keys()].filter(isLatinTerm));
    this.#scores = new Float64Array(ids.length);
    this.#group = {
      before: new Float64Array(ids.length),
      gain: new Float64Array(ids.length),
      seen: new Int32Array(ids.length),
      stamp: 0,
      reachedDocs: new Int32Array(ids.length),
      reached: 0,
    };
    this.#matchedTerms = new Int32Array(ids.length);
    this.#lastTerm = new Int32Array(ids.length);
    this.#touched = new Int32Array(ids.length);
    this.#best = {
      scores: new Float64Array(ids.length),
      reading: new Int8Array(ids.length),
      matched: new Int32Array(ids.length),
      docs: new Int32Array(ids.length),
      count: 0,
    };
  }

  static build(documents: readonly SearchDocument[], words: ChineseWords = wordsFor(documents)): SearchIndex {
    const postings = new Map<string, GrowingPostings>();
    const lengths = new FieldLengths(FIELDS.length, documents.length);
    const stemOfWord = new Map<string, string>();
    documents.forEach((doc, docIndex) => {
      FIELDS.forEach((field, fieldIndex) => {
        if (fieldIndex !== SOUND_FIELD) addTerms(postings, lengths, docIndex, fieldIndex, field.terms(doc, words, stemOfWord));
      });
    });
    const index = new SearchIndex(
      documents.map((d) => d.id),
      postings,
      lengths,
      words,
      stemOfWord,
      documents.map(soundSourceOf),
    );
    if (documents.length >= SOUNDS_AHEAD_FROM_DOCUMENTS) index.#indexSoundsAhead();
    return index;
  }

  /** Whether the sound field is indexed (the first search, or the background build of a large base, did it). */
  get soundsIndexed(): boolean {
    return this.#soundsToIndex === undefined;
  }

  /** Resolves once the sound field is indexed. */
  whenSoundsIndexed(): Promise<void> {
    return this.#soundsIndexed.promise;
  }

  /**
   * Indexes the sound field a slice per event-loop turn, so that nothing else waits long meanwhile.
   * Not unref'd: an unref'd immediate queued from another stops running while the loop waits on I/O.
   */
  #indexSoundsAhead(): void {
    const slice = () => {
      this.#indexSounds(SOUND_SLICE_DOCUMENTS);
      if (this.#soundsToIndex) setImmediate(slice);
    };
    setImmediate(slice);
  }

  /**
   * Indexes up to `documents` more documents' sound field; with the last of them, settles the
   * field and the case names' bigrams by sound. Documents go in order whatever the slices, so the
   * index is the same built at once on the first search or ahead in slices.
   */
  #indexSounds(documents = Infinity): void {
    const todo = this.#soundsToIndex;
    if (!todo) return;
    const end = Math.min(todo.sources.length, todo.next + documents);
    for (; todo.next < end; todo.next++) {
      addTerms(todo.postings, this.#lengths, todo.next, SOUND_FIELD, soundTerms(todo.sources[todo.next]!, { ...AUTHORED, heard: todo.heard }));
    }
    if (todo.next < todo.sources.length) return;
    this.#soundsToIndex = undefined;
    const soundPostings = todo.postings;
    this.#lengths.settle(SOUND_FIELD);
    for (const term of this.#postings.terms()) {
      if (!HAN_BIGRAM.test(term) || !this.#namesACase(term)) continue;
      const sound = soundOfBigram(term);
      const alike = this.#bigramsBySound.get(sound);
      if (alike) alike.push(term);
      else this.#bigramsBySound.set(sound, [term]);
    }
    this.#postings = this.#postings.with(soundPostings, this.#lengths);
    this.#soundsIndexed.resolve();
  }

  /** Whether a term is in some case's title or aliases: the words agents type for a case, and so the ones they typo. */
  #namesACase(term: string): boolean {
    const postings = this.#postings;
    const t = postings.termNumber(term);
    for (let i = postings.start(t); i < postings.end(t); i++) {
      const name = FIELDS[postings.fields[i]!]!.name;
      if (name === 'title' || name === 'aliases') return true;
    }
    return false;
  }

  /**
   * Best matches first. `strict` (the default) applies the confidence floor and drops far-off
   * alternates; autocomplete turns it off to show what is close while the agent is still typing.
   */
  search(query: string, limit = 3, { strict = true }: { strict?: boolean } = {}): SearchHit[] {
    const { hits, confident, staffChat } = this.rank(query, limit);
    if (!strict) return hits as SearchHit[];
    if (!confident || staffChat) return [];
    const bestScore = hits[0]?.score ?? 0;
    return hits.filter((hit) => hit.score >= bestScore * ALTERNATE_MIN_SHARE);
  }

  /**
   * The best `limit` cases with no floor, and whether the confidence floor would show the best one
   * (what a second opinion needs to combine with this ranking without searching twice).
   */
  rank(query: string, limit: number): LexicalRanking {
    this.#indexSounds();
    const authored = normalizeAuthoredText(query);
    const normalized = toSimplified(authored);
    // An agent's own bill or parcel told in a case's words is staff chat, not a call: no script answers
    // it (english-voice.ts, writer-own-problem.ts). Autocomplete still shows what is close.
    const staffChat = (!HAN.test(normalized) && isAgentsOwnMatter(normalized)) || isWritersOwnProblem(normalized);
    // Taiwan and regional wording (門號, 吃到飽, 冇信号) is searched as typed and as the Mainland
    // words the scripts use. Each reading is scored on its own and a case keeps its better one:
    // summed, a dialect sentence would count its words twice (咋整 and 怎么办) and off-topic
    // chit-chat would gather enough evidence to pass the confidence floor.
    const mainland = shippedMainlandReading().of(normalized, { typedTraditional: normalized !== authored });
    const readings = [normalized, mainland].filter((r) => r !== undefined);
    const typed = new Map(englishWordsOfNormalized(normalized).map((w) => [w.term, w.word]));
    const best = this.#best;
    best.scores.fill(0);
    best.count = 0;
    const searched: QueryReading[] = [];
    for (const text of readings) {
      const reading = this.#scoreReading(text, typed);
      if (!reading) continue;
      searched.push(reading);
      for (const doc of this.#touched.subarray(0, this.#touchedCount)) {
        if (this.#scores[doc]! <= best.scores[doc]!) continue;
        if (best.scores[doc] === 0) best.docs[best.count++] = doc;
        best.scores[doc] = this.#scores[doc]!;
        best.reading[doc] = searched.length - 1;
        best.matched[doc] = this.#matchedTerms[doc]!;
      }
    }
    const scores = best.scores;
    const ranked = topDocuments(best.docs.subarray(0, best.count), scores, limit);
    const top = ranked[0];
    if (top === undefined) return { hits: [], confident: false, staffChat };
    const confident = this.#confident(top, scores[top]!, searched[best.reading[top]!]!, searched);
    return { hits: ranked.map((doc) => ({ id: this.#ids[doc]!, score: Math.round(scores[doc]! * 100) / 100 })), confident, staffChat };
  }

  /** Scores every case for one reading of the query (into #scores, the cases reached in #touched). */
  #scoreReading(text: string, typed: ReadonlyMap<string, string>): QueryReading | undefined {
    const terms = new Set(wordTermsOfNormalized(text, { words: this.#words, query: true }));
    if (terms.size === 0) return undefined;
    const sounds = [...new Set(soundTermsOfNormalized(text, undefined, { query: true }))];
    const roles = bigramRolesOfNormalized(text);
    const scores = this.#scores;
    scores.fill(0);
    this.#matchedTerms.fill(0);
    this.#lastTerm.fill(-1);
    this.#touchedCount = 0;
    let serial = 0;
    const expansions = new Map<string, string[]>();
    const weighted = this.#expand([...terms, ...sounds], typed, roles, expansions);
    // Synonyms (money back → refund, 退钱 → 退款) are searched too, a little lower than the words typed.
    const synonyms = shippedSearchSynonyms().of(text);
    const groups: Map<string, number>[] = [];
    for (const phrases of synonyms?.extra ?? []) {
      const extra = [...new Set(wordTermsOfNormalized(phrases, { words: this.#words }))].filter((t) => !weighted.has(t));
      const asTyped = { dictionary: new Set(extra), crossing: new Set<string>(), intoAFrame: new Set<string>() };
      const group = new Map<string, number>();
      for (const [term, weight] of this.#expand(extra, new Map(), asTyped, new Map())) {
        if (!weighted.has(term) && !groups.some((g) => g.has(term))) group.set(term, weight * SYNONYM_WEIGHT);
      }
      groups.push(group);
    }
    for (const [term, others] of synonyms?.alternates ?? []) expansions.set(term, [...(expansions.get(term) ?? [term]), ...others.map((t) => this.#stemOfWord.get(t) ?? t)]);
    for (const [term, weight] of weighted) this.#accumulate(term, weight, serial++, false);
    // A synonym group stands for one word of the query: a case gets its best phrase, once, not
    // every phrase of the group it happens to use (top up, recharge, load).
    for (const group of groups) this.#accumulateBest(group, serial++);
    // Coordination: a case that matches more of the query's distinct terms ranks higher than one
    // that matches a single term many times (as Lucene's classic scoring and MiniSearch do).
    for (const doc of this.#touched.subarray(0, this.#touchedCount)) scores[doc]! *= this.#matchedTerms[doc]!;
    // A bigram reaching into a question frame weighs as little in the query's length as in its score.
    let length = terms.size;
    for (const term of terms) if (roles.intoAFrame.has(term)) length -= 1 - CROSSING_WEIGHT;
    return { text, searched: terms, length, expansions, sounds };
  }

  /**
   * Whether the best match is good enough to show rather than "no match": it scores enough per
   * word of the query, a weak score also covers enough of what the query is about, and a short
   * query does not rest on one everyday word alone while its other words are unknown to every
   * case ("the printer is broken again": only "broken" is ours).
   */
  #confident(best: number, score: number, query: QueryReading, readings: readonly QueryReading[]): boolean {
    const coverage = this.#coverage(best, readings);
    const pasted = coverage.words > MAX_WEAK_WORDS;
    // A paste is judged per term some case has: its words of feeling and circumstance match nothing anywhere.
    // Both are counted in the reading the best case scored on.
    const perTerm = score / (pasted ? Math.max(1, this.#knownTerms(query)) : query.length);
    const chinese = HAN.test(readings[0]!.text);
    const soundsAlike = this.#soundsAlike(query.sounds, best);
    if (perTerm < (chinese ? MIN_SCORE_PER_TERM_CHINESE : MIN_SCORE_PER_TERM) && !soundsAlike) return false;
    // Chinese text whose best case has none of its content words, in any form, rests on
    // function bigrams and sounds alone (年终奖金什么时候发 scores on 什么时候 and 时候发).
    if (chinese && coverage.words > 0 && coverage.matched === 0 && !soundsAlike) return false;
    if (pasted) return true;
    if (!chinese && !this.#namesTheCase(coverage)) return false;
    if (perTerm < WEAK_SCORE_PER_TERM && coverage.share < MIN_WEAK_COVERAGE) return false;
    if (coverage.unknown === 0 || soundsAlike) return true;
    const oneWord = coverage.matched === 1 && this.#best.matched[best]! <= MAX_ONE_WORD_TERMS;
    return !oneWord && (coverage.specific >= MIN_SPECIFIC_IDF || coverage.named >= MIN_NAMING_WORDS || chinese);
  }

  /** Whether a short English query's words name its best case, not only words its say-lines happen to use (see MIN_NAMED_WORDS). */
  #namesTheCase({ named, told, naming }: Coverage): boolean {
    return named >= Math.min(MIN_NAMED_WORDS, naming) || told >= Math.min(MIN_TOLD_WORDS, naming);
  }

  #knownTerms({ searched, expansions }: QueryReading): number {
    let known = 0;
    for (const term of searched) if ((expansions.get(term) ?? [term]).some((t) => this.#postings.has(t))) known++;
    return known;
  }

  /** Query terms with their weights: exact terms at 1, English near-misses and prefixes lower. */
  #expand(
    terms: readonly string[],
    typed: ReadonlyMap<string, string>,
    roles: BigramRoles,
    expansions: Map<string, string[]>,
  ): Map<string, number> {
    const weighted = new Map<string, number>();
    let from = '';
    const offer = (term: string, weight: number) => {
      const indexed = this.#stemOfWord.get(term) ?? term;
      weighted.set(indexed, Math.max(weighted.get(indexed) ?? 0, weight));
      const list = expansions.get(from);
      if (list) list.push(indexed);
      else expansions.set(from, [indexed]);
    };
    for (const term of terms) {
      from = term;
      offer(term, roles.crossing.has(term) ? CROSSING_WEIGHT : 1);
      if (HAN_BIGRAM.test(term) && !this.#postings.has(term) && !roles.dictionary.has(term)) {
        // A homophone typo (心号 for 信号) is searched as the index's words that sound the same;
        // a real word the scripts do not use (天气, 春天) is taken as typed.
        for (const word of this.#bigramsBySound.get(soundOfBigram(term)) ?? []) offer(word, HOMOPHONE_WEIGHT);
      }
      if (isLatinTerm(term) && term.length >= 4) {
        // A word the scripts use is taken as typed: "call" is not a typo of "cable".
        const known = this.#postings.has(term);
        for (const [match, weight] of this.#latinVocabulary.matches(term, { prefixesOnly: known })) offer(match, weight);
        const word = typed.get(term);
        if (!known && word && word !== term && isLatinTerm(word)) {
          for (const [match, weight] of this.#latinVocabulary.matches(word)) offer(match, weight);
        }
      }
    }
    return weighted;
  }

  /**
   * Adds a term's BM25+ score to every case that has it. Within a synonym group (`inGroup`), a
   * case's score before the group is kept the first time the group reaches it (#accumulateBest).
   */
  #accumulate(term: string, weight: number, serial: number, inGroup: boolean): void {
    const postings = this.#postings;
    const t = postings.termNumber(term);
    const n = this.#ids.length;
    if (t < 0) return;
    const df = postings.frequencyOf(t);
    if (n >= 1000 && df / n > MAX_DOCUMENT_SHARE) return;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const { docs, fields, parts } = postings;
    const scores = this.#scores;
    const lastTerm = this.#lastTerm;
    const matchedTerms = this.#matchedTerms;
    const group = this.#group;
    const { before, gain, seen, stamp, reachedDocs } = group;
    for (let i = postings.start(t), end = postings.end(t); i < end; i++) {
      const doc = docs[i]!;
      if (inGroup && seen[doc] !== stamp) {
        seen[doc] = stamp;
        before[doc] = scores[doc]!;
        gain[doc] = 0;
        reachedDocs[group.reached++] = doc;
      }
      scores[doc]! += weight * BOOSTS[fields[i]!]! * idf * parts[i]!;
      if (lastTerm[doc] !== serial) {
        lastTerm[doc] = serial;
        if (matchedTerms[doc]!++ === 0) this.#touched[this.#touchedCount++] = doc;
      }
    }
  }

  #accumulateBest(terms: ReadonlyMap<string, number>, serial: number): void {
    const scores = this.#scores;
    const group = this.#group;
    const { before, gain, reachedDocs } = group;
    group.stamp++;
    group.reached = 0;
    for (const [term, weight] of terms) {
      this.#accumulate(term, weight, serial, true);
      // Each term is scored from the document's score before the group, and the best one kept.
      for (let i = 0; i < group.reached; i++) {
        const doc = reachedDocs[i]!;
        gain[doc] = Math.max(gain[doc]!, scores[doc]! - before[doc]!);
        scores[doc] = before[doc]!;
      }
    }
    for (let i = 0; i < group.reached; i++) scores[reachedDocs[i]!]! += gain[reachedDocs[i]!]!;
  }

  /** Whether most cases use the term ("customer"): like "not", it names none of them (MAX_DOCUMENT_SHARE). */
  #inMostCases(term: string): boolean {
    return this.#postings.documentFrequency(term) / this.#ids.length > MAX_DOCUMENT_SHARE;
  }

  #idf(term: string): number {
    const n = this.#ids.length;
    const df = this.#postings.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * How much of what the query is about a document contains: its content words (Chinese words of
   * two or more characters, English words; no stop words or numbers), each weighted by idf (a word
   * no case uses weighs most), counted as found when the document has the word, one of its
   * bigrams, or a typo reading of them. The best of the query's readings (as typed, Mainland).
   */
  #coverage(doc: number, readings: readonly QueryReading[]): Coverage {
    let best: Coverage = { share: 0, words: 0, matched: 0, unknown: 0, specific: 0, named: 0, told: 0, naming: 0 };
    for (const { text: reading, expansions } of readings) {
      const forms = (term: string) => expansions.get(term) ?? [term];
      const found = (term: string) => forms(term).some((t) => this.#contains(t, doc));
      const named = (term: string) => forms(term).some((t) => this.#hasIn(NAMING_FIELDS, t, doc));
      const told = (term: string) => forms(term).some((t) => this.#hasIn(TELLING_FIELDS, t, doc));
      const known = (term: string) => forms(term).some((t) => this.#postings.has(t));
      let total = 0;
      let covered = 0;
      const counts = { words: 0, matched: 0, unknown: 0, specific: 0, named: 0, told: 0, naming: 0 };
      const weigh = (word: readonly string[]) => {
        const weight = Math.max(...word.map((f) => this.#idf(this.#stemOfWord.get(f) ?? f)));
        counts.words++;
        total += weight;
        if (word[0] !== NEGATION) {
          // A word most cases use ("customer") counts where a case's name has it, but a query is not held to naming it.
          if (!word.every((f) => this.#inMostCases(this.#stemOfWord.get(f) ?? f))) counts.naming++;
          if (word.some(named)) counts.named++;
          if (word.some(told)) counts.told++;
        }
        if (word.some(found)) (covered += weight), counts.matched++, (counts.specific = Math.max(counts.specific, weight));
        else if (!word.some(known)) counts.unknown++;
      };
      for (const [run] of reading.matchAll(HAN_RUN)) {
        let previous = '';
        for (const word of this.#words.wordsOf(run)) {
          // Two single characters in a row the segmenter did not know as a word (缴|费, or a typo
          // such as 短|息) are one when the index knows the pair or a word that sounds like it.
          const pair = previous + word;
          previous = word.length === 1 ? word : '';
          if (pair.length === 2 && word.length === 1 && known(pair)) weigh([pair]);
          if (word.length < 2 || CHINESE_STOP_WORDS.has(word) || CHINESE_QUESTION_FRAMES.has(word)) continue;
          weigh(word.length === 2 ? [word] : [word, ...bigramsOf(word)]);
        }
      }
      for (const { term } of englishWordsOfNormalized(reading)) if (isLatinTerm(term)) weigh([term]);
      // Chinese with no content word at all (团建去哪里玩, 干什么呢 唠会嗑呗: one-character words and
      // function words) says nothing a case could cover; English without one is left as it was.
      if (total === 0) return { share: HAN.test(reading) ? 0 : 1, ...counts };
      if (covered / total >= best.share) best = { share: covered / total, ...counts };
    }
    return best;
  }

  /** Every pinyin pair of the query occurs in the document: a homophone typo of its own words (线速 → 限速). */
  #soundsAlike(sounds: readonly string[], doc: number): boolean {
    return sounds.length > 0 && sounds.every((term) => this.#contains(term, doc));
  }

  #contains(term: string, doc: number): boolean {
    return this.#postings.contains(term, doc);
  }

  /** Whether a document has the term in one of the given fields. */
  #hasIn(fields: ReadonlySet<Field['name']>, term: string, doc: number): boolean {
    const postings = this.#postings;
    const t = postings.termNumber(term);
    if (t < 0) return false;
    for (let i = postings.start(t), end = postings.end(t); i < end; i++) {
      if (postings.docs[i] === doc && fields.has(FIELDS[postings.fields[i]!]!.name)) return true;
    }
    return false;
  }
}

/** One reading of a query (as typed, or Mainland) as searched: its terms, what each was expanded to, its pinyin pairs. */
interface QueryReading {
  text: string;
  searched: ReadonlySet<string>;
  /** How many terms it has, a bigram reaching into a question frame counting as CROSSING_WEIGHT of one. */
  length: number;
  expansions: ReadonlyMap<string, readonly string[]>;
  sounds: readonly string[];
}

/** How much of a query's content words (see #coverage) one document has. */
interface Coverage {
  /** Share of the content words, weighted by idf, that the document has. */
  share: number;
  words: number;
  /** Content words the document has. */
  matched: number;
  /** Content words no case has, in any form the query is searched by. */
  unknown: number;
  /** The highest idf of the content words the document has: how specific the best shared word is. */
  specific: number;
  /** Content words the document has in the words that name its case (title, aliases). */
  named: number;
  /** Content words the document has in its title, aliases or customer utterances. */
  told: number;
  /** Content words other than "not" and words most cases use (neither names one case); `named` and `told` skip "not". */
  naming: number;
}

function bigramsOf(word: string): string[] {
  return Array.from({ length: word.length - 1 }, (_, i) => word.slice(i, i + 2));
}

/** The `limit` highest-scoring documents, best first, without sorting them all. */
function topDocuments(docs: ArrayLike<number> & Iterable<number>, scores: Float64Array, limit: number): number[] {
  const top: number[] = [];
  for (const doc of docs) {
    const score = scores[doc]!;
    if (top.length === limit && score <= scores[top[limit - 1]!]!) continue;
    let i = Math.min(top.length, limit - 1);
    top[i] = doc;
    while (i > 0 && scores[top[i - 1]!]! < score) {
      top[i] = top[i - 1]!;
      top[i - 1] = doc;
      i--;
    }
  }
  return top;
}

/** Whole words: the ICU segmenter's, plus the phrases the scripts' titles and aliases name (骚扰电话, 答不上来). */
function wordsFor(documents: readonly SearchDocument[]): ChineseWords {
  return new DomainLexicon(documents.flatMap((d) => [d.title, d.aliases]));
}

/** Adds one field's terms of one document to the postings (document, field, term frequency). */
function addTerms(postings: Map<string, GrowingPostings>, lengths: FieldLengths, docIndex: number, fieldIndex: number, terms: readonly string[]): void {
  lengths.set(fieldIndex, docIndex, terms);
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const [term, tf] of counts) {
    let list = postings.get(term);
    if (!list) postings.set(term, (list = []));
    list.push(docIndex, fieldIndex, tf);
  }
}

function resolvable(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
