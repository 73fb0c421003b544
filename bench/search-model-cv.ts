import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../src/knowledge/load-files.js';
import type { LexicalRanking } from '../src/knowledge/search-index.js';
import { chooseFusion, count, emptyTally, formatTally, fusedAnswer, knowledgeRows, lexicalAnswer, outOfFold, readRows, SEARCH_TRAINING_FILES, SHIPPED_TRAINING, type TrainOptions } from './search-model.js';

// node dist/bench/search-model-cv.js ['{"rate":1}' ...] — compares training recipes (each a change to
// SHIPPED_TRAINING, given as JSON) by leave-one-file-out over the dev files: the model alone and fused
// with the lexical ranking at the best grid point. PRUNE env sets the pruning floor. Figures only.
const root = new URL('../..', import.meta.url).pathname;
const files = (await loadKnowledgeFiles(`${root}knowledge`)).files;
const kb = KnowledgeBase.build(files, null);
const rows = [...readRows(`${root}tests/fixtures/search-eval/`, SEARCH_TRAINING_FILES, (id) => kb.has(id)), ...knowledgeRows(files)];
const lexical = new Map<string, LexicalRanking>();
const prune = Number(process.env.PRUNE ?? 0.02);
for (const change of process.argv.slice(2).length ? process.argv.slice(2) : ['{}']) {
  const recipe: TrainOptions = { ...SHIPPED_TRAINING, ...(JSON.parse(change) as Partial<TrainOptions>) };
  const started = Date.now();
  const scored = outOfFold(rows, kb, recipe, prune, lexical);
  const { fusion, tally } = chooseFusion(scored);
  const alone = emptyTally();
  const lex = emptyTally();
  for (const s of scored) {
    count(alone, s.row.expect, fusedAnswer(s, { modelWeight: 1, rescueAt: 0, rejectAt: 1.01 }));
    count(lex, s.row.expect, lexicalAnswer(s.lexical));
  }
  console.log(`${change} (${((Date.now() - started) / 1000).toFixed(0)} s) fusion ${JSON.stringify(fusion)}`);
  console.log(`  ${formatTally('lexical', lex)}\n  ${formatTally('model alone', alone)}\n  ${formatTally('fused', tally)}`);
}
