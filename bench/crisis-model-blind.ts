import { readCrisisSet } from './crisis-eval.js';
import { combined, featuresOf, thresholdByGroups, trainDanger, trainKind, type ScoredRow } from './crisis-model.js';
import { Tallies } from './crisis-model-tally.js';

// A blind check of the crisis model that today's rules cannot give (they were tuned on every labelled file):
// dev2 batch 1 was written before the round-3 rule changes and measured on the rules of commit 8372069
// (recall 72.6 %, false alarms 13.0 %, see the set's header). Those rules had never seen dev2, and the model
// here is trained only on dev, team and probe (unchanged since), so both are blind to it.
// Usage (build that commit's tree beside this one, then point this script at it):
//   git archive 8372069 | tar -x -C /tmp/old-rules && ln -s "$PWD/node_modules" /tmp/old-rules/node_modules
//   (cd /tmp/old-rules && npx tsc -p tsconfig.build.json)
//   npm run build && node dist/bench/crisis-model-blind.js /tmp/old-rules
// Prints figures only, never text.
const old = process.argv[2];
if (!old) throw new Error('usage: crisis-model-blind.js <tree of commit 8372069, built>');
const { CalmLibrary } = await import(`${old}/dist/src/calm/calm-library.js`);
const { loadCalmFiles } = await import(`${old}/dist/src/calm/load-calm.js`);
const oldRules = CalmLibrary.build((await loadCalmFiles(`${old}/knowledge`)).files).crisis as { assess(text: string): { kind: string } };

const root = new URL('../..', import.meta.url).pathname;
interface Row extends ScoredRow {
  file: string;
  lang: string;
}
const read = (file: string, dir: string): Row[] =>
  readCrisisSet(`${dir}/tests/fixtures/crisis-eval/phrasings.${file}.yaml`).map((item) => ({
    file,
    lang: item.lang,
    label: item.label,
    features: featuresOf(item.text),
    rules: oldRules.assess(item.text).kind,
  }));
const trainRows = ['dev', 'team', 'probe'].flatMap((f) => read(f, root));
const test = read('dev2', old);
const danger = trainDanger(trainRows);
const kind = trainKind(trainRows);
const chosen = thresholdByGroups(trainRows, (r) => r.file, 0.04);
for (const threshold of [chosen, 0.8, 0.7]) {
  const tallies = new Tallies();
  for (const row of test) {
    tallies.count('old rules', row.lang, row.label, row.rules);
    tallies.count('rules+model', row.lang, row.label, combined(row.rules, danger, kind, threshold, row.features));
  }
  console.log(`dev2 batch 1 (${test.length} items), old rules vs old rules + model trained on dev/team/probe, threshold ${threshold.toFixed(3)}${threshold === chosen ? ' (chosen by CV, FA <= 4 %)' : ''}:`);
  for (const line of tallies.lines(['old rules', 'rules+model'])) console.log(line);
}
