import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadKnowledgeFiles } from '../src/knowledge/load-files.js';
import { existsSync } from 'node:fs';
import { answerable, evaluateSearch, formatEval, readEvalSet } from './search-eval.js';

const root = new URL('../..', import.meta.url).pathname;
// --lexical: the lexical ranking alone, without the learned model (for before/after figures).
const lexicalOnly = process.argv.includes('--lexical');
const kb = KnowledgeBase.build((await loadKnowledgeFiles(`${root}knowledge`)).files, lexicalOnly ? null : undefined);
const args = process.argv.slice(2).filter((a) => a !== '--lexical');
const sets = ['dev', 'dev-colloquial', 'dev-offtopic', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'probes-en', 'probes-en8', 'probe-zh7', 'probe-zh8', 'holdout', 'independent', 'unseen', 'unseen8'].filter((name) => existsSync(`${root}tests/fixtures/search-eval/${name}.yaml`));
/** Sets kept for measuring on queries nobody tunes on: only their aggregates are printed, never an item. */
const BLIND = new Set(['holdout', 'independent', 'unseen', 'unseen8']);
// A name is a set under tests/fixtures/search-eval; a path (with a slash) is read as given and kept blind.
for (const name of args.length ? args : sets) {
  const file = name.includes('/') ? name : `${root}tests/fixtures/search-eval/${name}.yaml`;
  if (name.includes('/')) BLIND.add(name);
  const result = evaluateSearch(kb, answerable(readEvalSet(file), (id) => kb.has(id)));
  console.log(formatEval(name, result));
  if (BLIND.has(name)) continue;
  for (const m of result.misses) console.log(`  miss: ${m.q}  expected ${m.expect.join('|') || '(none)'}  got ${m.got.join(', ') || '(none)'}`);
}
