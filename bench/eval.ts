import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../src/knowledge/load-files.js';
import { evaluateSearch, formatEval, readEvalSet } from './search-eval.js';

const root = new URL('../..', import.meta.url).pathname;
const kb = KnowledgeBase.build((await loadKnowledgeFiles(`${root}knowledge`)).files);
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : ['dev', 'holdout', 'independent']) {
  const result = evaluateSearch(kb, readEvalSet(`${root}tests/fixtures/search-eval/${name}.yaml`));
  console.log(formatEval(name, result));
  for (const m of result.misses) console.log(`  miss: ${m.q}  expected ${m.expect.join('|') || '(none)'}  got ${m.got.join(', ') || '(none)'}`);
}
