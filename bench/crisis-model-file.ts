import { existsSync } from 'node:fs';
import { CalmLibrary } from '../src/calm/calm-library.js';
import type { CrisisModelFile } from '../src/calm/crisis-model.js';
import { loadCalmFiles } from '../src/calm/load-calm.js';
import {
  crossValidated,
  CRISIS_TRAINING_FILES,
  feelingRows,
  readScoredRows,
  shippedModels,
  SHIPPED_RECIPE,
  SHIPPED_SEED,
  VENTING_FALSE_ALARMS,
  CHECK_IN_VENTING,
  OVERRULE_FROM,
  KIND_FROM,
  type FileRow,
  type LinearModel,
} from './crisis-model.js';

/** Weights smaller than this are dropped: in cross-validation this costs the model alone 0.3 pts of recall (0.1 would cost 3.6) and saves a tenth of the file. */
const PRUNE_BELOW = 0.05;

/**
 * The weights file `npm run train:crisis-model` writes (src/calm/crisis-model.weights.json), trained from the
 * package under `root`: its crisis fixtures (CRISIS_TRAINING_FILES; never holdout*, which stay measure-only),
 * the /calm menu words and today's rules. Deterministic, so the committed file can be compared with a retrain.
 * Also the leave-one-file-out figures (each held file's threshold chosen from the other files' scores).
 */
export async function trainedCrisisModelFile(root: string): Promise<{ json: string; summary: string[] }> {
  const calm = (await loadCalmFiles(`${root}knowledge`)).files;
  const rules = CalmLibrary.build(calm, null).crisis;
  const missing = CRISIS_TRAINING_FILES.filter((f) => !existsSync(`${root}tests/fixtures/crisis-eval/phrasings.${f}.yaml`));
  if (missing.length) throw new Error(`crisis model: training files missing: ${missing.join(', ')}`);
  const rows: FileRow[] = [...readScoredRows(root, CRISIS_TRAINING_FILES, rules), ...feelingRows(calm, rules)];
  const groups = [...new Set(rows.map((r) => r.file))];

  // Scores, threshold and the cross-validation are all of the models as shipped (pruned, rounded).
  const { oof, danger, kind, threshold, checkInThreshold, thresholdFor } = shippedModels(SHIPPED_RECIPE, rows, SHIPPED_SEED, prunedModel);
  const cv = crossValidated(oof, thresholdFor)
    .lines(['rules', 'rules+model', 'model', 'venting'])
    .map((l) => l.replace(/recall n\/a \(0\/0\) · kind n\/a · /, ''));

  const out: CrisisModelFile = {
    about: {
      trainer: 'bench/train-crisis-model.ts (npm run train:crisis-model)',
      recipe: SHIPPED_RECIPE.name,
      trainedOn: Object.fromEntries(groups.map((f) => [f === 'feelings' ? 'knowledge/calm feeling labels and match phrases (none)' : `phrasings.${f}.yaml`, rows.filter((r) => r.file === f).length])),
      checkInThreshold: `lowest with the model alone asking a safety question on <= ${CHECK_IN_VENTING * 100} % of the same everyday items (the person still gets their feelings answer)`,
      threshold: `lowest with the model alone alarming on <= ${VENTING_FALSE_ALARMS * 100} % of the everyday items it is asked about (rules silent, nothing explained away; menu words apart) in leave-one-file-out scores, and above every /calm menu word`,
      overruleThreshold: `where the rules explained the words away, the model's alarm stands from ${OVERRULE_FROM} up (bench/crisis-model.ts OVERRULE_FROM); below, the safety question`,
      kindThreshold: `among alarms of the model, threat from ${KIND_FROM} up (bench/crisis-model.ts KIND_FROM), else the writer's own danger`,
      crossValidated: cv.map((l) => l.trim()),
    },
    threshold,
    checkInThreshold,
    overruleThreshold: Math.max(threshold, OVERRULE_FROM),
    kindThreshold: KIND_FROM,
    danger: fileOf(danger),
    kind: fileOf(kind),
  };
  const json = `${JSON.stringify(out, null, 1)}\n`;
  const summary = [
    `crisis model: trained on ${groups.join(', ')} (${rows.length} items), recipe ${SHIPPED_RECIPE.name}, threshold ${threshold}, check-in from ${checkInThreshold}`,
    `leave-one-file-out, each file's threshold from the others (model on venting <= ${VENTING_FALSE_ALARMS * 100} %); rules figures are not blind, they were tuned on these files:`,
    ...cv,
    `weights: danger ${Object.keys(out.danger.weights).length}, kind ${Object.keys(out.kind.weights).length}; file ${(json.length / 1024).toFixed(0)} KB`,
  ];
  return { json, summary };
}

/** Rounded weights above the pruning floor, in a stable order so a retrain diffs cleanly. */
function fileOf(model: LinearModel): CrisisModelFile['danger'] {
  const kept = [...model.weights].filter(([, w]) => Math.abs(w) >= PRUNE_BELOW).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { bias: round(model.bias, 4), weights: Object.fromEntries(kept.map(([f, w]) => [f, round(w, 3)])) };
}

/** The model as it will be shipped (pruned, rounded). */
function prunedModel(model: LinearModel): LinearModel {
  const file = fileOf(model);
  return { bias: file.bias, weights: new Map(Object.entries(file.weights)) };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
