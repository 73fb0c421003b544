import { createRequire } from 'node:module';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { SearchDocument } from '../../src/knowledge/search-index.js';
import { SearchIndex } from '../../src/knowledge/search-index.js';
import { normalizeText } from '../../src/text/tokenize.js';

/** A search engine under comparison: built once over the cases, then asked for the best three ids. */
export interface Engine {
  name: string;
  build(documents: readonly SearchDocument[]): Searcher;
}
export type Searcher = (query: string) => string[];

const FIELDS = ['title', 'aliases', 'utterances', 'body'] as const;
/** The field weights our index uses, given to every peer that takes weights. */
const BOOST = { title: 3, aliases: 4, utterances: 2, body: 1 };

interface Jieba {
  cutForSearch(text: string, hmm?: boolean): string[];
}
let jieba: Jieba | undefined;
function jiebaOf(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): Jieba } };
    jieba = Jieba.withDict((require('@node-rs/jieba/dict') as { dict: Uint8Array }).dict);
  }
  return jieba;
}

const TOKEN = /[\p{L}\p{N}]/u;
/**
 * The tokenizer every peer gets: our normalisation (lower case, half width, Traditional →
 * Simplified, which none of them does for Chinese), then jieba's search-mode words. English
 * words come out of jieba whole and lower-cased.
 */
export function jiebaTokens(text: string): string[] {
  return jiebaOf()
    .cutForSearch(normalizeText(text), true)
    .filter((t) => TOKEN.test(t));
}

export const ours: Engine = {
  name: 'frontline SearchIndex',
  build(documents) {
    const index = SearchIndex.build(documents);
    index.search(''); // indexes the sound field, deferred to the first search: counted in the index time, as the peers' is
    return (q) => index.search(q, 3).map((h) => h.id);
  },
};

export const miniSearch: Engine = {
  name: 'MiniSearch 7 (jieba words, fuzzy+prefix)',
  build(documents) {
    const index = new MiniSearch<SearchDocument>({
      fields: [...FIELDS],
      tokenize: jiebaTokens,
      searchOptions: { boost: BOOST, fuzzy: 0.2, prefix: true, combineWith: 'OR' },
    });
    index.addAll(documents);
    return (q) => index.search(q).slice(0, 3).map((r) => String(r.id));
  },
};

export const orama: Engine = {
  name: 'Orama 3 (jieba words, tolerance 1)',
  build(documents) {
    const db = create({
      schema: { id: 'string', title: 'string', aliases: 'string', utterances: 'string', body: 'string' } as const,
      components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw: string) => jiebaTokens(raw) } },
    });
    void insertMultiple(db, documents.map((d) => ({ ...d })));
    return (q) => {
      const result = oramaSearch(db, { term: q, properties: [...FIELDS], boost: BOOST, threshold: 1, tolerance: 1, limit: 3 });
      if (result instanceof Promise) throw new Error('Orama answered asynchronously');
      return result.hits.map((h) => h.id);
    };
  },
};

export const fuse: Engine = {
  name: 'Fuse.js 7 (fuzzy, weighted keys)',
  build(documents) {
    const index = new Fuse(
      documents.map((d) => ({ ...d, title: normalizeText(d.title), aliases: normalizeText(d.aliases), utterances: normalizeText(d.utterances), body: normalizeText(d.body) })),
      { keys: FIELDS.map((name) => ({ name, weight: BOOST[name] })), ignoreLocation: true, threshold: 0.4 },
    );
    return (q) => index.search(normalizeText(q), { limit: 3 }).map((r) => r.item.id);
  },
};

/** Okapi BM25 (k1 1.2, b 0.75) over jieba words of all fields together, nothing else. */
export const plainBm25: Engine = {
  name: 'plain BM25 over jieba words',
  build(documents) {
    const postings = new Map<string, Map<number, number>>();
    const lengths = documents.map((d, i) => {
      const tokens = jiebaTokens(FIELDS.map((f) => d[f]).join('\n'));
      for (const t of tokens) {
        let p = postings.get(t);
        if (!p) postings.set(t, (p = new Map()));
        p.set(i, (p.get(i) ?? 0) + 1);
      }
      return tokens.length;
    });
    const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    const n = documents.length;
    return (q) => {
      const scores = new Map<number, number>();
      for (const t of new Set(jiebaTokens(q))) {
        const p = postings.get(t);
        if (!p) continue;
        const idf = Math.log(1 + (n - p.size + 0.5) / (p.size + 0.5));
        for (const [doc, tf] of p) {
          const s = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * lengths[doc]!) / avg));
          scores.set(doc, (scores.get(doc) ?? 0) + s);
        }
      }
      return [...scores.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([doc]) => documents[doc]!.id);
    };
  },
};

export const ENGINES: readonly Engine[] = [ours, miniSearch, orama, fuse, plainBm25];
