import { isLatinTerm } from '../text/tokenize.js';

/** BM25+ constants (Lv and Zhai): term-frequency saturation, length normalisation, and the floor every match earns. */
export const K1 = 1.2;
export const B = 0.7;
export const DELTA = 0.5;

/**
 * Terms per field and document, counted per language: Chinese (and sound) terms apart from English
 * ones, each with its own average. A term is normalised by the length of its own language's text,
 * so a case's English aliases do not make its Chinese ones weigh less, nor its Chinese aliases its
 * English ones (a case's aliases field holds both).
 */
export class FieldLengths {
  readonly #fields: number;
  /** Chinese lengths of field f at [f], English ones at [fields + f]. */
  readonly #length: Float32Array[];
  readonly #average: number[];

  constructor(fields: number, documents: number) {
    this.#fields = fields;
    this.#length = Array.from({ length: 2 * fields }, () => new Float32Array(documents));
    this.#average = this.#length.map(() => 1);
  }

  /** Records one field's terms of one document; its average counts them once `settle` is called. */
  set(field: number, doc: number, terms: readonly string[]): void {
    let english = 0;
    for (const term of terms) if (isLatinTerm(term)) english++;
    this.#length[field]![doc] = terms.length - english;
    this.#length[this.#fields + field]![doc] = english;
  }

  /** Fixes a field's average lengths, once every document's terms of it are set. */
  settle(field: number): void {
    for (const slot of [field, this.#fields + field]) {
      const lengths = this.#length[slot]!;
      this.#average[slot] = Math.max(1, lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length));
    }
  }

  /** BM25's length normalisation of a term in a document's field, by the length of the term's language there. */
  norm(english: boolean, field: number, doc: number): number {
    const slot = english ? this.#fields + field : field;
    return 1 - B + (B * this.#length[slot]![doc]!) / this.#average[slot]!;
  }
}

/** Postings of one term while the index is built: flat triples of (document, field, term frequency), in document order. */
export type GrowingPostings = number[];

/**
 * Every term's postings in three flat arrays, term after term, each posting already carrying its
 * BM25+ term-frequency part (which depends on the document, the field and the term's language, not on the query). A
 * search then only multiplies and adds; and a 5,000-case index is a few typed arrays rather than
 * a hundred thousand JS arrays for the garbage collector to walk.
 */
export class FrozenPostings {
  readonly #termNumber: Map<string, number>;
  /** Postings of term t are at [start[t], start[t + 1]). */
  readonly #start: Int32Array;
  readonly #frequency: Int32Array;
  readonly docs: Int32Array;
  readonly fields: Uint8Array;
  /** (tf·(K1+1)) / (tf + K1·norm) + DELTA, per posting. */
  readonly parts: Float64Array;

  private constructor(terms: Map<string, number>, start: Int32Array, frequency: Int32Array, docs: Int32Array, fields: Uint8Array, parts: Float64Array) {
    this.#termNumber = terms;
    this.#start = start;
    this.#frequency = frequency;
    this.docs = docs;
    this.fields = fields;
    this.parts = parts;
  }

  static empty(): FrozenPostings {
    return new FrozenPostings(new Map(), new Int32Array(1), new Int32Array(0), new Int32Array(0), new Uint8Array(0), new Float64Array(0));
  }

  /**
   * These postings with `more` added (terms not already here), their parts computed from the
   * field lengths as they are now: a field's postings must be added once it is settled.
   */
  with(more: ReadonlyMap<string, GrowingPostings>, lengths: FieldLengths): FrozenPostings {
    let added = 0;
    for (const list of more.values()) added += list.length / 3;
    const count = this.#frequency.length + more.size;
    const total = this.docs.length + added;
    const terms = new Map(this.#termNumber);
    const start = new Int32Array(count + 1);
    start.set(this.#start);
    const frequency = new Int32Array(count);
    frequency.set(this.#frequency);
    const docs = new Int32Array(total);
    docs.set(this.docs);
    const fields = new Uint8Array(total);
    fields.set(this.fields);
    const parts = new Float64Array(total);
    parts.set(this.parts);
    let term = this.#frequency.length;
    let at = this.docs.length;
    for (const [name, list] of more) {
      terms.set(name, term);
      const english = isLatinTerm(name);
      let df = 0;
      for (let i = 0, last = -1; i < list.length; i += 3, at++) {
        const doc = list[i]!;
        const field = list[i + 1]!;
        const tf = list[i + 2]!;
        if (doc !== last) (last = doc), df++;
        const norm = lengths.norm(english, field, doc);
        docs[at] = doc;
        fields[at] = field;
        parts[at] = (tf * (K1 + 1)) / (tf + K1 * norm) + DELTA;
      }
      frequency[term] = df;
      start[++term] = at;
    }
    return new FrozenPostings(terms, start, frequency, docs, fields, parts);
  }

  /** The term's number, or -1 when no document has it. */
  termNumber(term: string): number {
    return this.#termNumber.get(term) ?? -1;
  }

  has(term: string): boolean {
    return this.#termNumber.has(term);
  }

  terms(): IterableIterator<string> {
    return this.#termNumber.keys();
  }

  /** Postings of term number t are at [start(t), end(t)). */
  start(t: number): number {
    return this.#start[t]!;
  }

  end(t: number): number {
    return this.#start[t + 1]!;
  }

  /** How many documents have the term (0 when none). */
  documentFrequency(term: string): number {
    const t = this.termNumber(term);
    return t < 0 ? 0 : this.#frequency[t]!;
  }

  /** How many documents have term number t. */
  frequencyOf(t: number): number {
    return this.#frequency[t]!;
  }

  /** Whether a document has a term: binary search of its postings, which are in document order. */
  contains(term: string, doc: number): boolean {
    const t = this.termNumber(term);
    if (t < 0) return false;
    let lo = this.#start[t]!;
    let hi = this.#start[t + 1]!;
    const end = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo < end && this.docs[lo] === doc;
  }
}
