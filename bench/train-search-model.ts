import { performance } from 'node:perf_hooks';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../src/knowledge/load-files.js';
import { SearchModel, type SearchModelFile } from '../src/knowledge/search-model.js';
import { SEARCH_MODEL_FILE } from '../src/knowledge/shipped-search-model.js';
import {
  chooseFusion,
  count,
  emptyTally,
  formatTally,
  fusedAnswer,
  KNOWLEDGE_ROWS,
  knowledgeRows,
  lexicalAnswer,
  outOfFold,
  readRows,
  round,
  SEARCH_TRAINING_FILES,
  SHIPPED_TRAINING,
  sparse,
  train,
  type Tally,
} from './search-model.js';
import { writeOrCheck } from './weights-file.js';

// npm run train:search-model [-- --check]
// Trains /script search's learned second opinion (src/knowledge/search-model.ts) on the labelled dev files
// (SEARCH_TRAINING_FILES; never holdout, independent or unseen, which stay measure-only) and the knowledge
// files' own lines, and writes src/knowledge/search-model.weights.json. The fusion settings (search-fusion.ts)
// are chosen by leave-one-file-out cross-validation: each dev file (one writer) is scored by a model trained
// on the others, and the grid point answering most of those queries right is kept. "Nested" figures choose the
// held file's settings from the other files' scores only. Lexical figures on these files are not blind (the
// rules were tuned on them), so the comparison flatters lexical. Deterministic (seeded); `--check` retrains
// and fails when the committed file differs. Prints figures only, never query text.
/** Weights smaller than this are dropped: at 0.02 the file is 3.5 MB, at 0.1 about 1.1 MB (the CV figures printed are of the pruned model). */
const PRUNE_BELOW = 0.1;

const root = new URL('../..', import.meta.url).pathname;
const files = (await loadKnowledgeFiles(`${root}knowledge`)).files;
const kb = KnowledgeBase.build(files, null);
const dir = `${root}tests/fixtures/search-eval/`;
const started = performance.now();
const labelled = readRows(dir, SEARCH_TRAINING_FILES, (id) => kb.has(id));
const rows = [...labelled, ...knowledgeRows(files)];
const held = [...new Set(labelled.map((r) => r.file))];

const scored = outOfFold(rows, kb, SHIPPED_TRAINING, PRUNE_BELOW);
const { fusion } = chooseFusion(scored);
const tallies = new Map<string, Tally>();
const tallyOf = (name: string) => tallies.get(name) ?? (tallies.set(name, emptyTally()), tallies.get(name)!);
for (const file of held) {
  const mine = scored.filter((s) => s.row.file === file);
  const nested = chooseFusion(scored.filter((s) => s.row.file !== file)).fusion;
  for (const s of mine) {
    for (const [method, got] of [
      ['lexical', lexicalAnswer(s.lexical)],
      ['fused', fusedAnswer(s, fusion)],
      ['fused-nested', fusedAnswer(s, nested)],
      ['model-alone', fusedAnswer(s, { modelWeight: 1, rescueAt: 0, rejectAt: 1.01 })],
    ] as const) {
      for (const group of ['all', file, `lang:${s.row.lang}`]) count(tallyOf(`${method} ${group}`), s.row.expect, got);
    }
  }
}
const groups = ['all', ...held, 'lang:zh-CN', 'lang:zh-TW', 'lang:en'];
const cv = groups.flatMap((g) => ['lexical', 'fused-nested', 'fused', 'model-alone'].map((m) => formatTally(`${m} ${g}`, tallyOf(`${m} ${g}`))));

const model = sparse(train(rows, SHIPPED_TRAINING), PRUNE_BELOW);
const out: SearchModelFile = {
  about: {
    trainer: 'bench/train-search-model.ts (npm run train:search-model)',
    training: SHIPPED_TRAINING,
    pruneBelow: PRUNE_BELOW,
    trainedOn: Object.fromEntries([...held, KNOWLEDGE_ROWS].map((f) => [f === KNOWLEDGE_ROWS ? 'knowledge/scripts titles, aliases, customer lines' : `search-eval/${f}.yaml`, rows.filter((r) => r.file === f).length])),
    fusion: 'grid point answering most leave-one-file-out queries right (right case first, or no match for off-topic)',
    crossValidated: groups.flatMap((g) => ['lexical', 'fused-nested', 'fused'].map((m) => formatTally(`${m} ${g}`, tallyOf(`${m} ${g}`)).replace(/\s+/g, ' '))),
  },
  fusion: { modelWeight: round(fusion.modelWeight, 3), rescueAt: round(fusion.rescueAt, 3), rejectAt: round(fusion.rejectAt, 3) },
  ...model,
};
const json = `${JSON.stringify(out)}\n`;

console.log(`search model: trained on ${held.join(', ')} + ${KNOWLEDGE_ROWS} (${rows.length} items, ${((performance.now() - started) / 1000).toFixed(0)} s); fusion ${JSON.stringify(out.fusion)}`);
console.log('leave-one-file-out (lexical is not blind on these files):');
for (const line of cv) console.log(line);
// Time per query of the model as shipped (features + scores), and the heap its tables take once loaded.
const before = process.memoryUsage();
const shipped = new SearchModel(out);
const after = process.memoryUsage();
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const timed = performance.now();
for (const r of labelled) shipped.opinion(r.q, (id) => kb.has(id));
console.log(`model time ${((performance.now() - timed) / labelled.length).toFixed(3)} ms/query; its typed arrays ${mb(after.arrayBuffers - before.arrayBuffers)} MB`);
console.log(`weights: ${Object.keys(out.weights).length} features, ${Object.values(out.weights).reduce((n, p) => n + p.length / 2, 0)} cells; file ${(json.length / 1024).toFixed(0)} KB`);

writeOrCheck(root, SEARCH_MODEL_FILE, json, 'npm run train:search-model');
