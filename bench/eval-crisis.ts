import { existsSync } from 'node:fs';
import { CalmLibrary } from '../src/calm/calm-library.js';
import { loadCalmFiles } from '../src/calm/load-calm.js';
import { evaluateCrisis, formatCrisisEval, readCrisisSet } from './crisis-eval.js';

// Prints recall, self/threat accuracy and false alarms per language for each crisis set, for the rules
// alone and for the shipped check (rules, then the learned model where they find nothing).
// Misses are listed for the team's own sets only: the blind sets (holdout*) are measured, never read for
// tuning, so they print aggregates only, whatever they are called.
const root = new URL('../..', import.meta.url).pathname;
const files = (await loadCalmFiles(`${root}knowledge`)).files;
const rulesOnly = CalmLibrary.build(files, null).crisis;
const detector = CalmLibrary.build(files).crisis;
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : ['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'round5', 'round6', 'team', 'probe', 'dialect', 'holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7']) {
  const file = `${root}tests/fixtures/crisis-eval/phrasings.${name}.yaml`;
  if (!existsSync(file)) {
    console.log(`crisis ${name}: no ${file}`);
    continue;
  }
  const items = readCrisisSet(file);
  console.log(formatCrisisEval(`${name}, rules alone`, evaluateCrisis(rulesOnly, items)));
  const result = evaluateCrisis(detector, items);
  console.log(formatCrisisEval(`${name}, rules + model (shipped)`, result));
  if (!name.startsWith('holdout')) for (const m of result.misses) console.log(`  ${m.label === 'none' ? 'false alarm' : 'miss'} [${m.lang}] ${m.label} → ${m.got}: ${m.text}`);
}
