import { existsSync } from 'node:fs';
import { CalmLibrary } from '../src/calm/calm-library.js';
import { loadCalmFiles } from '../src/calm/load-calm.js';
import { givesTheModelEnough } from '../src/calm/model-evidence.js';
import { readCrisisSet } from './crisis-eval.js';
import { combined, crossValidated, CRISIS_TRAINING_FILES, featuresOf, RECIPES, shippedModels, type FileRow, type ShippingRecipe } from './crisis-model.js';
import { Tallies } from './crisis-model-tally.js';

// npm run build && node dist/bench/crisis-model-stability.js [recipe names...]
// How much the learned crisis model's figures move when nothing that should matter changes: the training
// seed, and the rules (which items they already catch) changing a little, as they do every round. Each recipe
// is run with several seeds on today's rules, and with seed 7 on rules with a part left out (a tenth of the
// rule ids, or the crisis files' phrases): an item whose every firing rule is left out becomes a rule miss that
// the model is asked about. Figures: leave-one-file-out cross-validation on the training files (each held file's
// threshold from the other files' out-of-fold scores), and the shipped-style model (trained on every file) on the
// measure-only sets, always read with today's rules so that any change there is the model's. Aggregates only.
// TRAIN=extra,files adds fixture files to training (e.g. dev6,round7,zh7,dev7).
const SEEDS = process.env.SEEDS?.split(',').map(Number) ?? [7, 11, 13];
const DROPPED_TENTHS = [0, 1, 2];

interface Row extends FileRow {
  ids: readonly string[];
  /** Whether the text has enough of the writer's own words for the model (model-evidence.ts). */
  evidence: boolean;
}

const root = new URL('../..', import.meta.url).pathname;
const calm = (await loadCalmFiles(`${root}knowledge`)).files;
const rules = CalmLibrary.build(calm, null).crisis;
const fixture = (name: string) => `${root}tests/fixtures/crisis-eval/phrasings.${name}.yaml`;
const rowOf = (file: string, lang: string, label: FileRow['label'], text: string): Row => {
  const read = rules.readByRules(text);
  return { file, lang, label, features: featuresOf(text), rules: read.finding.kind, asksModel: read.asksModel, ids: read.finding.rules, evidence: givesTheModelEnough(text) };
};
const readRows = (name: string): Row[] => readCrisisSet(fixture(name)).map((i) => rowOf(name, i.lang, i.label, i.text));

const trainingFiles = [...CRISIS_TRAINING_FILES, ...(process.env.TRAIN?.split(',').filter(Boolean) ?? [])];
const feelings = calm.feelings.flatMap(({ value: f }) => [f.label, ...f.match].map((text) => rowOf('feelings', f.locale === 'en' ? 'en' : 'zh-CN', 'none', text)));
const training: Row[] = [...trainingFiles.flatMap(readRows), ...feelings];
const measured = ['holdout', 'holdout2', 'dev7'].filter((n) => existsSync(fixture(n)) && !trainingFiles.includes(n));
const measureRows = measured.flatMap(readRows);

/** FNV-1a of a rule id, to leave out a fixed tenth of the rules. */
const tenthOf = (id: string) => [...id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0, 0x811c9dc5) % 10;
const variants: { name: string; dropped: (id: string) => boolean }[] = [
  ...DROPPED_TENTHS.map((k) => ({ name: `rules without tenth ${k}`, dropped: (id: string) => id !== 'phrase' && tenthOf(id) === k })),
  { name: 'rules without the crisis files phrases', dropped: (id: string) => id === 'phrase' },
];
/** The row as rules without the dropped ids would read it (approximately: their explanations are kept). */
const withRules = (row: Row, dropped: (id: string) => boolean): Row =>
  row.rules !== 'none' && row.ids.length && row.ids.every(dropped) ? { ...row, rules: 'none', asksModel: row.evidence } : row;

interface Figures {
  threshold: number;
  cv: Tallies;
  onBase: Tallies;
  measure: Tallies;
  caught: Map<number, boolean>;
}

function run(recipe: ShippingRecipe, rows: readonly Row[], seed: number): Figures {
  const { oof, danger, kind, threshold, thresholdFor } = shippedModels(recipe, rows, seed);
  const cv = crossValidated(oof, thresholdFor);
  // The same figures on the base training files alone, to compare training sets by cross-validation on common ground.
  const onBase = crossValidated(oof, thresholdFor, (row) => CRISIS_TRAINING_FILES.includes(row.file));
  const measure = new Tallies();
  const caught = new Map<number, boolean>();
  measureRows.forEach((row, i) => {
    const got = combined(row.rules, danger, kind, threshold, row.features, row.asksModel);
    measure.count(row.file, row.lang, row.label, got);
    caught.set(i, got === 'self' || got === 'threat');
  });
  return { threshold, cv, onBase, measure, caught };
}

const chosen = process.argv.slice(2);
console.log(`training: ${trainingFiles.join(', ')} + feelings (${training.length} items); measured with today's rules: ${measured.join(', ')}`);
for (const recipe of RECIPES.filter((r) => !chosen.length || chosen.includes(r.name))) {
  console.log(`\n== ${recipe.name}`);
  const runs: { name: string; rows: readonly Row[]; seed: number }[] = [
    ...SEEDS.map((seed) => ({ name: `seed ${seed}`, rows: training, seed })),
    ...variants.map((v) => ({ name: `seed 7, ${v.name}`, rows: training.map((r) => withRules(r, v.dropped)), seed: 7 })),
  ];
  let base: Figures | undefined;
  for (const { name, rows, seed } of runs.slice(0, Number(process.env.RUNS ?? runs.length))) {
    const figures = run(recipe, rows, seed);
    base ??= figures;
    const flips = [...figures.caught].filter(([i, c]) => base!.caught.get(i) !== c).length;
    console.log(`-- ${name}: threshold ${figures.threshold.toFixed(4)}; measure-only decisions changed vs seed 7: ${flips}`);
    const base11 = process.env.TRAIN ? figures.onBase.lines(['rules+model', 'model', 'venting']).map((l) => `${l} (base files)`) : [];
    const lines = [...figures.cv.lines(['rules+model', 'model', 'venting']), ...base11, ...figures.measure.lines(measured)];
    for (const line of lines.filter((l) => !l.includes('no items'))) console.log(line.replace(/recall n\/a \(0\/0\) · kind n\/a · /, ''));
  }
}
