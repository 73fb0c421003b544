import { existsSync } from 'node:fs';
import { CalmLibrary } from '../src/calm/calm-library.js';
import type { CrisisModelFile } from '../src/calm/crisis-model.js';
import { loadCalmFiles } from '../src/calm/load-calm.js';
import { CRISIS_MODEL_FILE } from '../src/calm/shipped-crisis-model.js';
import {
  asked,
  CRISIS_TRAINING_FILES,
  feelingRows,
  outOfFold,
  readScoredRows,
  score,
  SHIPPED_METHOD,
  thresholdForVenting,
  VENTING_FALSE_ALARMS,
  type FileRow,
  type LinearModel,
  type TrainingMethod,
} from './crisis-model.js';
import { Tallies } from './crisis-model-tally.js';
import { writeOrCheck } from './weights-file.js';

// npm run train:crisis-model [-- --check]
// Trains the crisis check's second opinion (src/calm/crisis-model.ts) on every labelled dev file
// (CRISIS_TRAINING_FILES; never holdout*, which stay measure-only) and writes src/calm/crisis-model.weights.json.
// The threshold is chosen by leave-one-file-out cross-validation (each file is one writer: train on the
// others, score the one left out): the lowest at which the model alone alarms on at most VENTING_FALSE_ALARMS
// of the everyday messages it is asked about (sad, venting, tired: the rules found nothing and explained nothing
// away), and above every /calm menu word. Deterministic (seeded), so a retrain on the same data writes the same
// file; `--check` retrains and fails when the committed file differs. Prints figures only, never text.
// `npm run eval:crisis-model` compares this recipe and threshold with the alternatives.
/** Weights smaller than this are dropped: in cross-validation this costs the model alone 0.3 pts of recall (0.1 would cost 3.6) and saves a tenth of the file. */
const PRUNE_BELOW = 0.05;

const root = new URL('../..', import.meta.url).pathname;
const calm = (await loadCalmFiles(`${root}knowledge`)).files;
const rules = CalmLibrary.build(calm, null).crisis;

const missing = CRISIS_TRAINING_FILES.filter((f) => !existsSync(`${root}tests/fixtures/crisis-eval/phrasings.${f}.yaml`));
if (missing.length) throw new Error(`crisis model: training files missing: ${missing.join(', ')}`);
const rows: FileRow[] = [...readScoredRows(root, CRISIS_TRAINING_FILES, rules), ...feelingRows(calm, rules)];
const groups = [...new Set(rows.map((r) => r.file))];

// Out-of-fold scores, each file scored by a model (as shipped: pruned, rounded) that never saw it.
const shipped: TrainingMethod = { name: SHIPPED_METHOD.name, danger: (r) => prunedModel(SHIPPED_METHOD.danger(r)), kind: (r) => prunedModel(SHIPPED_METHOD.kind(r)) };
const scored = outOfFold(rows, shipped);
const danger = pruned(SHIPPED_METHOD.danger(rows));
// The menu's own words must get their feeling whatever the budget allows: the threshold stays above the
// shipped model's score of every one the model would be asked about.
const menuWords = rows.filter((r) => r.file === 'feelings' && asked(r));
const aboveMenu = Math.max(0, ...menuWords.map((r) => score({ bias: danger.bias, weights: new Map(Object.entries(danger.weights)) }, r.features)));
const byVenting = thresholdForVenting(
  scored.filter((s) => s.row.file !== 'feelings'),
  VENTING_FALSE_ALARMS,
);
const threshold = Math.min(1, Math.ceil(Math.max(byVenting, aboveMenu + 1e-4) * 1e4) / 1e4);

const tallies = new Tallies();
for (const { row, p, kindP } of scored) {
  const model = p < threshold ? 'none' : kindP >= 0.5 ? 'threat' : 'self';
  tallies.count('rules', row.lang, row.label, row.rules);
  tallies.count('model', row.lang, row.label, model);
  // As the shipped check: the model speaks only where the rules found nothing and explained nothing away.
  tallies.count('rules+model', row.lang, row.label, asked(row) ? model : row.rules);
  if (row.label === 'none' && asked(row) && row.file !== 'feelings') tallies.count('venting', row.lang, row.label, model);
}
const cv = tallies.lines(['rules', 'rules+model', 'model', 'venting']).map((l) => l.replace(/recall n\/a \(0\/0\) · kind n\/a · /, ''));

const out: CrisisModelFile = {
  about: {
    trainer: 'bench/train-crisis-model.ts (npm run train:crisis-model)',
    recipe: SHIPPED_METHOD.name,
    trainedOn: Object.fromEntries(groups.map((f) => [f === 'feelings' ? 'knowledge/calm feeling labels and match phrases (none)' : `phrasings.${f}.yaml`, rows.filter((r) => r.file === f).length])),
    threshold: `lowest with the model alone alarming on <= ${VENTING_FALSE_ALARMS * 100} % of the everyday items it is asked about (rules silent, nothing explained away; menu words apart) in leave-one-file-out scores, and above every /calm menu word`,
    crossValidated: cv.map((l) => l.trim()),
  },
  threshold,
  danger,
  kind: pruned(SHIPPED_METHOD.kind(rows)),
};
const json = `${JSON.stringify(out, null, 1)}\n`;

console.log(`crisis model: trained on ${groups.join(', ')} (${rows.length} items), threshold ${threshold}`);
console.log(`leave-one-file-out (model on venting <= ${VENTING_FALSE_ALARMS * 100} %); rules figures are not blind, they were tuned on these files:`);
for (const line of cv) console.log(line);
console.log(`weights: danger ${Object.keys(out.danger.weights).length}, kind ${Object.keys(out.kind.weights).length}; file ${(json.length / 1024).toFixed(0)} KB`);

writeOrCheck(root, CRISIS_MODEL_FILE, json, 'npm run train:crisis-model');

/** Rounded weights above the pruning floor, in a stable order so a retrain diffs cleanly. */
function pruned(model: LinearModel): CrisisModelFile['danger'] {
  const kept = [...model.weights].filter(([, w]) => Math.abs(w) >= PRUNE_BELOW).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { bias: round(model.bias, 4), weights: Object.fromEntries(kept.map(([f, w]) => [f, round(w, 3)])) };
}

/** The model as it will be shipped (pruned, rounded), so the cross-validation measures what ships. */
function prunedModel(model: LinearModel): LinearModel {
  const file = pruned(model);
  return { bias: file.bias, weights: new Map(Object.entries(file.weights)) };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
