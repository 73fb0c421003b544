import { existsSync } from 'node:fs';
import { CalmLibrary } from '../src/calm/calm-library.js';
import { loadCalmFiles } from '../src/calm/load-calm.js';
import { evaluateCrisis, formatCrisisEval, readCrisisSet } from './crisis-eval.js';

// Prints recall, self/threat accuracy and false alarms per language for each crisis set.
// Misses are listed for the team's own sets only: the blind sets (holdout*) are measured, never read for
// tuning, so they print aggregates only, whatever they are called.
const root = new URL('../..', import.meta.url).pathname;
const detector = CalmLibrary.build((await loadCalmFiles(`${root}knowledge`)).files).crisis;
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : ['dev', 'dev2', 'holdout', 'holdout2']) {
  const file = `${root}tests/fixtures/crisis-eval/phrasings.${name}.yaml`;
  if (!existsSync(file)) {
    console.log(`crisis ${name}: no ${file}`);
    continue;
  }
  const result = evaluateCrisis(detector, readCrisisSet(file));
  console.log(formatCrisisEval(name, result));
  if (!name.startsWith('holdout')) for (const m of result.misses) console.log(`  ${m.label === 'none' ? 'false alarm' : 'miss'} [${m.lang}] ${m.label} → ${m.got}: ${m.text}`);
}
