import { existsSync } from 'node:fs';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import type { KnowledgeFiles } from '../src/knowledge/load-files.js';
import { fuseRankings, LEXICAL_CANDIDATES } from '../src/knowledge/search-fusion.js';
import type { LexicalRanking } from '../src/knowledge/search-index.js';
import { OFF_TOPIC, SearchModel, searchFeaturesOf, softmax, type FusionSettings, type ModelOpinion, type SearchModelFile } from '../src/knowledge/search-model.js';
import { seeded } from './crisis-model.js';
import { readEvalSet, languageOf } from './search-eval.js';

/**
 * Training for the learned second opinion of /script search (src/knowledge/search-model.ts holds the
 * features and the scorer the bot ships): multinomial logistic regression by seeded SGD over sparse
 * binary features. Used by train-search-model.ts. Deterministic: a seeded shuffle, fixed epochs.
 */

/** Labelled dev files the model learns from; holdout, independent, unseen and unseen8 stay measure-only. */
export const SEARCH_TRAINING_FILES = ['dev', 'dev-colloquial', 'dev-offtopic', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'probes-en', 'probe-zh7'];
export const MEASURE_ONLY_FILES = ['holdout', 'independent', 'unseen', 'unseen8'];
/** The knowledge files' own titles, aliases and customer lines, as pseudo-queries (never held out: every case keeps a class). */
export const KNOWLEDGE_ROWS = 'knowledge';

export interface Row {
  file: string;
  q: string;
  lang: 'zh-CN' | 'zh-TW' | 'en';
  /** Acceptable ids; empty for off-topic. */
  expect: string[];
  features: string[];
}

export function readRows(dir: string, files: readonly string[], has: (id: string) => boolean): Row[] {
  return files
    .filter((f) => existsSync(`${dir}${f}.yaml`))
    .flatMap((file) =>
      readEvalSet(`${dir}${file}.yaml`)
        .filter((q) => q.expect.length === 0 || q.expect.some(has))
        .map((q) => ({ file, q: q.q, lang: q.lang ?? languageOf(q.q), expect: q.expect.filter(has), features: searchFeaturesOf(q.q) })),
    );
}

export function knowledgeRows(files: KnowledgeFiles): Row[] {
  return files.scripts
    .filter((s) => s.value.status === 'approved')
    .flatMap(({ value }) =>
      [value.title, ...value.aliases, ...value.utterances].map((q) => ({ file: KNOWLEDGE_ROWS, q, lang: value.locale === 'en' ? ('en' as const) : ('zh-CN' as const), expect: [value.id], features: searchFeaturesOf(q) })),
    );
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  /** How much a knowledge pseudo-query counts beside a labelled query. */
  knowledgeWeight: number;
  /** The step size falls as rate / (1 + decay × epoch). */
  decay: number;
}
export const SHIPPED_TRAINING: TrainOptions = { epochs: 20, rate: 2, l2: 1e-5, seed: 7, knowledgeWeight: 1, decay: 0.3 };

export interface DenseModel {
  classes: string[];
  bias: Float64Array;
  weights: Map<string, Float64Array>;
}

/** Softmax regression; a query with several acceptable cases spreads its target over them; L2 on the weights an example touches. */
export function train(rows: readonly Row[], { epochs, rate, l2, seed, knowledgeWeight, decay }: TrainOptions): DenseModel {
  const classes = [...new Set(rows.flatMap((r) => (r.expect.length ? r.expect : [OFF_TOPIC])))].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const K = classes.length;
  const bias = new Float64Array(K);
  const weights = new Map<string, Float64Array>();
  const order = rows.map((_, i) => i);
  const random = seeded(seed);
  const logits = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const row = rows[n]!;
      const targets = row.expect.length ? row.expect : [OFF_TOPIC];
      const scale = 1 / Math.sqrt(Math.max(1, row.features.length));
      const rowsOf = row.features.map((f) => {
        let w = weights.get(f);
        if (!w) weights.set(f, (w = new Float64Array(K)));
        return w;
      });
      logits.set(bias);
      for (const w of rowsOf) for (let k = 0; k < K; k++) logits[k]! += scale * w[k]!;
      const p = softmax(logits);
      for (const t of targets) p[index.get(t)!]! -= 1 / targets.length;
      const eta = (rate / (1 + decay * epoch)) * (row.file === KNOWLEDGE_ROWS ? knowledgeWeight : 1);
      for (let k = 0; k < K; k++) bias[k]! -= eta * p[k]!;
      for (const w of rowsOf) for (let k = 0; k < K; k++) w[k]! -= eta * (scale * p[k]! + l2 * w[k]!);
    }
  }
  return { classes, bias, weights };
}

/** The weights file's model part: rounded weights above the pruning floor, features in a stable order so a retrain diffs cleanly. */
export function sparse(model: DenseModel, pruneBelow: number): Pick<SearchModelFile, 'classes' | 'bias' | 'weights'> {
  const weights: Record<string, number[]> = {};
  for (const feature of [...model.weights.keys()].sort()) {
    const row = model.weights.get(feature)!;
    const pairs: number[] = [];
    row.forEach((w, k) => {
      if (Math.abs(w) >= pruneBelow) pairs.push(k, round(w, 3));
    });
    if (pairs.length) weights[feature] = pairs;
  }
  return { classes: model.classes, bias: [...model.bias].map((b) => round(b, 4)), weights };
}

export function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** What the fusion needs per query: the lexical ranking (fixed) and the model's opinion (from a model that never saw the query's file). */
export interface Scored {
  row: Row;
  lexical: LexicalRanking;
  opinion: ModelOpinion;
}

/** Out-of-fold: every labelled file is scored by a model trained on the other files and the knowledge rows, pruned as shipped. */
export function outOfFold(rows: readonly Row[], kb: KnowledgeBase, options: TrainOptions, pruneBelow: number, lexical = new Map<string, LexicalRanking>()): Scored[] {
  const out: Scored[] = [];
  const lexicalOf = (q: string) => lexical.get(q) ?? (lexical.set(q, kb.lexicalRanking(q)), lexical.get(q)!);
  const unused = { modelWeight: 0, rescueAt: 1, rejectAt: 1 };
  for (const held of new Set(rows.filter((r) => r.file !== KNOWLEDGE_ROWS).map((r) => r.file))) {
    const model = new SearchModel({ ...sparse(train(rows.filter((r) => r.file !== held), options), pruneBelow), fusion: unused, about: {} });
    for (const row of rows.filter((r) => r.file === held)) {
      const lexical = lexicalOf(row.q);
      out.push({ row, lexical, opinion: reduced(model.opinion(row.q, (id) => kb.has(id)), lexical) });
    }
  }
  return out;
}

/** Only the cases the fusion can look at (the model's best and the lexical candidates): the same answers, and the grid search runs fast. */
function reduced(opinion: ModelOpinion, lexical: LexicalRanking): ModelOpinion {
  const keep = new Set([...[...opinion.cases].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => id), ...lexical.hits.slice(0, LEXICAL_CANDIDATES).map((h) => h.id)]);
  return { offTopic: opinion.offTopic, cases: new Map([...opinion.cases].filter(([id]) => keep.has(id))) };
}

export interface Tally {
  positives: number;
  top1: number;
  top3: number;
  negatives: number;
  rejected: number;
}

export function emptyTally(): Tally {
  return { positives: 0, top1: 0, top3: 0, negatives: 0, rejected: 0 };
}

export function count(tally: Tally, expect: readonly string[], got: readonly string[]): void {
  if (!expect.length) {
    tally.negatives++;
    if (!got.length) tally.rejected++;
    return;
  }
  tally.positives++;
  if (got[0] !== undefined && expect.includes(got[0])) tally.top1++;
  if (got.slice(0, 3).some((id) => expect.includes(id))) tally.top3++;
}

/** One figure to choose by: queries answered right (the right case first, or "no match" for off-topic) out of all. */
export function correct(t: Tally): number {
  return (t.top1 + t.rejected) / Math.max(1, t.positives + t.negatives);
}

export function formatTally(name: string, t: Tally): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}`;
  return `${name.padEnd(22)} n=${String(t.positives).padStart(4)} top-1 ${pct(t.top1, t.positives)} top-3 ${pct(t.top3, t.positives)} · off-topic ${String(t.negatives).padStart(3)} rejected ${pct(t.rejected, t.negatives)}`;
}

/** Lexical alone, as /script answered before the model. */
export function lexicalAnswer(lexical: LexicalRanking): string[] {
  if (!lexical.confident || lexical.staffChat) return [];
  const best = lexical.hits[0]?.score ?? 0;
  return lexical.hits.filter((h) => h.score >= best * 0.05).slice(0, 3).map((h) => h.id);
}

export function fusedAnswer(s: Scored, fusion: FusionSettings): string[] {
  return fuseRankings(s.lexical, s.opinion, fusion, 3).map((h) => h.id);
}

/** The grid point answering most out-of-fold queries right (ties: the smaller model weight, then the stricter thresholds). */
export function chooseFusion(scored: readonly Scored[]): { fusion: FusionSettings; tally: Tally } {
  let best: { fusion: FusionSettings; tally: Tally } | undefined;
  for (const fusion of FUSION_GRID) {
    const tally = emptyTally();
    for (const s of scored) count(tally, s.row.expect, fusedAnswer(s, fusion));
    if (!best || correct(tally) > correct(best.tally) + 1e-12) best = { fusion, tally };
  }
  return best!;
}

export const FUSION_GRID: FusionSettings[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].flatMap((modelWeight) =>
  [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01].flatMap((rescueAt) => [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01].map((rejectAt) => ({ modelWeight, rescueAt, rejectAt }))),
);
