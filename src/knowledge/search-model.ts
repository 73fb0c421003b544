import { z } from 'zod';
import { featureHashes } from '../text/feature-hash.js';
import { shippedSearchSynonyms } from '../text/search-synonyms.js';
import { shippedMainlandReading } from '../text/taiwan-search-words.js';
import { englishWordsOfNormalized, normalizeAuthoredText } from '../text/tokenize.js';
import { toSimplified } from '../text/chinese-script.js';

/**
 * The learned second opinion of /script search: a multinomial logistic regression from a query to
 * a case (or to "off-topic"), trained by `npm run train:search-model` (bench/train-search-model.ts)
 * on the team's labelled queries and on the knowledge files' own titles, aliases and customer lines.
 * Its features are ones a paraphrase keeps: Han characters and their short runs (after Traditional →
 * Simplified and the Mainland reading of Taiwan and dialect wording), English stems and stem pairs,
 * and the words of the synonym groups a query uses. The lexical ranking stays the first opinion;
 * search-fusion.ts decides how the two combine.
 */

/** The class of queries that should get "no match". */
export const OFF_TOPIC = '(off-topic)';

const HAN_RUN = /\p{Script=Han}+/gu;

/** Feature strings of a query (deduplicated): Han 1–3-grams, English stems and stem bigrams, over every reading and its synonyms. */
export function searchFeaturesOf(query: string): string[] {
  const authored = normalizeAuthoredText(query);
  const normalized = toSimplified(authored);
  const mainland = shippedMainlandReading().of(normalized, { typedTraditional: normalized !== authored });
  const out = new Set<string>();
  for (const reading of mainland === undefined ? [normalized] : [normalized, mainland]) {
    addTextFeatures(reading, out, '');
    for (const phrases of shippedSearchSynonyms().of(reading)?.extra ?? []) {
      for (const phrase of phrases.split('\n')) addTextFeatures(phrase, out, 's');
    }
  }
  return [...out];
}

/** Synonym phrases (prefix `s`) add their words as features of their own, so a group used by the query counts apart from its typed words. */
function addTextFeatures(text: string, out: Set<string>, prefix: string): void {
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = [...run];
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= chars.length; i++) out.add(`${prefix}h${chars.slice(i, i + n).join('')}`);
  }
  const terms = englishWordsOfNormalized(text).map((w) => w.term);
  for (let i = 0; i < terms.length; i++) {
    out.add(`${prefix}w${terms[i]}`);
    if (i + 1 < terms.length && !prefix) out.add(`b${terms[i]} ${terms[i + 1]}`);
  }
}

/** The committed weights file (src/knowledge/search-model.weights.json). */
export const SearchModelFile = z.object({
  /** Case ids (and OFF_TOPIC), in the order the weights index them. */
  classes: z.array(z.string()).min(2),
  bias: z.array(z.number()),
  /** Per feature, pairs flattened: class index, weight, class index, weight… (weights below the pruning floor left out). */
  weights: z.record(z.string(), z.array(z.number())),
  /** How the lexical ranking and the model are combined (search-fusion.ts), chosen by cross-validation. */
  fusion: z.object({
    /** Share of the model's probability in a case's fused score; the rest is its lexical score as a share of the best. */
    modelWeight: z.number().min(0).max(1),
    /** The model alone answers a query the lexical ranking finds nothing confident for when its best case is this likely. */
    rescueAt: z.number().min(0),
    /** The model turns a lexical answer into "no match" when off-topic is this likely. */
    rejectAt: z.number().min(0),
  }),
  /** How it was trained and how the fusion was chosen, for people reading the file. */
  about: z.record(z.string(), z.unknown()),
});
export type SearchModelFile = z.infer<typeof SearchModelFile>;
export type FusionSettings = SearchModelFile['fusion'];

/** A case's probability under the model; `offTopic` is the probability of "no match". */
export interface ModelOpinion {
  cases: Map<string, number>;
  offTopic: number;
}

/**
 * Sparse weights in typed arrays (idle memory): an open-addressing table on two 32-bit hashes of the
 * feature gives the start of its row; rows are class indices and weights side by side.
 */
export class SearchModel {
  readonly classes: readonly string[];
  readonly fusion: FusionSettings;
  readonly #bias: Float64Array;
  readonly #keys: Uint32Array;
  readonly #rowStart: Uint32Array;
  readonly #rowEnd: Uint32Array;
  readonly #rowClass: Uint16Array;
  readonly #rowWeight: Float32Array;
  readonly #mask: number;
  readonly #logits: Float64Array;

  constructor(file: SearchModelFile) {
    this.classes = file.classes;
    this.fusion = file.fusion;
    this.#bias = Float64Array.from(file.bias);
    this.#logits = new Float64Array(file.classes.length);
    const entries = Object.entries(file.weights);
    let size = 1024;
    while (size < entries.length * 2) size *= 2;
    this.#mask = size - 1;
    this.#keys = new Uint32Array(size * 2);
    this.#rowStart = new Uint32Array(size);
    this.#rowEnd = new Uint32Array(size);
    const cells = entries.reduce((n, [, pairs]) => n + pairs.length / 2, 0);
    this.#rowClass = new Uint16Array(cells);
    this.#rowWeight = new Float32Array(cells);
    let next = 0;
    for (const [feature, pairs] of entries) {
      const [a, b] = featureHashes(feature);
      let slot = a & this.#mask;
      while (this.#keys[2 * slot] !== 0 || this.#keys[2 * slot + 1] !== 0) slot = (slot + 1) & this.#mask;
      this.#keys[2 * slot] = a;
      this.#keys[2 * slot + 1] = b;
      this.#rowStart[slot] = next;
      for (let i = 0; i < pairs.length; i += 2) {
        this.#rowClass[next] = pairs[i]!;
        this.#rowWeight[next++] = pairs[i + 1]!;
      }
      this.#rowEnd[slot] = next;
    }
  }

  static fromFile(file: SearchModelFile): SearchModel {
    return new SearchModel(file);
  }

  /**
   * The model's opinion of a query, over the cases `known` still has: a class the knowledge base no
   * longer has is left out (its probability goes nowhere, so it cannot lift another case).
   */
  opinion(query: string, known: (id: string) => boolean): ModelOpinion {
    const features = searchFeaturesOf(query);
    if (features.length === 0) return { cases: new Map(), offTopic: 1 };
    const logits = this.#logits;
    logits.set(this.#bias);
    const scale = 1 / Math.sqrt(Math.max(1, features.length));
    for (const feature of features) {
      const slot = this.#slotOf(feature);
      if (slot < 0) continue;
      for (let i = this.#rowStart[slot]!; i < this.#rowEnd[slot]!; i++) logits[this.#rowClass[i]!]! += scale * this.#rowWeight[i]!;
    }
    const probabilities = softmax(logits);
    const cases = new Map<string, number>();
    let offTopic = 0;
    this.classes.forEach((id, k) => {
      if (id === OFF_TOPIC) offTopic = probabilities[k]!;
      else if (known(id)) cases.set(id, probabilities[k]!);
    });
    return { cases, offTopic };
  }

  #slotOf(feature: string): number {
    const [a, b] = featureHashes(feature);
    for (let slot = a & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const ka = this.#keys[2 * slot]!;
      const kb = this.#keys[2 * slot + 1]!;
      if (ka === a && kb === b) return slot;
      if (ka === 0 && kb === 0) return -1;
    }
  }
}

/** Probabilities from logits (a new array; the largest logit is subtracted first, so no overflow). */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < logits.length; k++) max = Math.max(max, logits[k]!);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let k = 0; k < logits.length; k++) sum += out[k] = Math.exp(logits[k]! - max);
  for (let k = 0; k < logits.length; k++) out[k]! /= sum;
  return out;
}
