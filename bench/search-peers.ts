/**
 * `npm run bench:search-peers`: our /script search side by side with general-purpose engines
 * (MiniSearch, Orama, Fuse.js, plain BM25 over jieba words) on every labelled query set, and on
 * index time and query latency over 5,000 synthetic cases.
 */
import { existsSync, rmSync } from 'node:fs';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../src/knowledge/load-files.js';
import { ENGINES, fuse, orama } from './peers/engines.js';
import { answerable, evaluateRanking, readEvalSet, type EvalQuery } from './search-eval.js';
import { ms, percentile, timeEach } from './stats.js';
import { writeSyntheticKnowledge } from './synthetic-knowledge.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const EVAL_DIR = `${ROOT}tests/fixtures/search-eval`;
const SETS = ['dev', 'dev-colloquial', 'holdout', 'independent', 'unseen'].filter((name) => existsSync(`${EVAL_DIR}/${name}.yaml`));
const SYNTHETIC_CASES = 5000;
/** Queries timed per engine at 5,000 cases; Fuse.js (scans every case) and Orama (edit distance over its whole vocabulary) get fewer. */
const TIMED_QUERIES = 200;
const TIMED_QUERIES_FUZZY_SCAN = 8;

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`.padStart(6);

const loaded = await loadKnowledgeFiles(`${ROOT}knowledge`);
const shipped = KnowledgeBase.build(loaded.files);
const sets: Record<string, EvalQuery[]> = Object.fromEntries(
  SETS.map((name) => [name, answerable(readEvalSet(`${EVAL_DIR}/${name}.yaml`), (id) => shipped.has(id))]),
);

console.log(`accuracy on the shipped knowledge (${shipped.size} cases): top-1 / top-3 / off-topic answered "no match"\n`);
console.log(`${'engine'.padEnd(44)} ${SETS.map((s) => s.padEnd(24)).join(' ')}`);
for (const engine of ENGINES) {
  const rank = engine.build(shipped.searchDocuments());
  const cells = SETS.map((name) => {
    const r = evaluateRanking(rank, sets[name]!);
    return `${pct(r.top1, r.positives)} ${pct(r.top3, r.positives)} ${pct(r.rejected, r.negatives)}`.padEnd(24);
  });
  console.log(`${engine.name.padEnd(44)} ${cells.join(' ')}`);
}

const queries = SETS.flatMap((name) => sets[name]!.map((q) => q.q));
const timed = queries.filter((_, i) => i % Math.ceil(queries.length / TIMED_QUERIES) === 0);
const dir = writeSyntheticKnowledge(loaded.files, SYNTHETIC_CASES);
try {
  const synthetic = KnowledgeBase.build((await loadKnowledgeFiles(dir)).files);
  const documents = synthetic.searchDocuments();
  console.log(`\nspeed over ${documents.length} synthetic cases (index built once after a small warm-up build; queries timed after 5 warm-up queries)\n`);
  let ourP50 = NaN;
  for (const engine of ENGINES) {
    engine.build(documents.slice(0, 20))(timed[0]!);
    const start = performance.now();
    const rank = engine.build(documents);
    const indexMs = performance.now() - start;
    const sample = engine === fuse || engine === orama ? timed.filter((_, i) => i % Math.ceil(timed.length / TIMED_QUERIES_FUZZY_SCAN) === 0) : timed;
    timeEach(sample.slice(0, 5), 1, rank);
    const times = timeEach(sample, 1, rank);
    const p50 = percentile(times, 50);
    if (Number.isNaN(ourP50)) ourP50 = p50;
    console.log(
      `${engine.name.padEnd(44)} index ${ms(indexMs).padStart(10)}   n=${String(sample.length).padStart(3)}   ` +
        `query p50 ${ms(p50).padStart(10)}   p99 ${ms(percentile(times, 99)).padStart(10)}   ` +
        `(${(p50 / ourP50).toFixed(1)}× ours at p50)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
