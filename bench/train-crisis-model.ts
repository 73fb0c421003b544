import { CRISIS_MODEL_FILE } from '../src/calm/shipped-crisis-model.js';
import { trainedCrisisModelFile } from './crisis-model-file.js';
import { writeOrCheck } from './weights-file.js';

// npm run train:crisis-model [-- --check]
// Trains the crisis check's second opinion (src/calm/crisis-model.ts) on every labelled dev file and the
// /calm menu words with today's rules (bench/crisis-model-file.ts, recipe SHIPPED_RECIPE in crisis-model.ts)
// and writes src/calm/crisis-model.weights.json. Run it after any change to the rules, the fixtures or the
// menu words; tests/unit/crisis-model-shipped.test.ts fails until then. Deterministic, so a retrain on the
// same data writes the same file; `--check` retrains and fails when the committed file differs.
// Prints figures only, never text. `npm run eval:crisis-model` compares recipes.
const root = new URL('../..', import.meta.url).pathname;
const { json, summary } = await trainedCrisisModelFile(root);
for (const line of summary) console.log(line);

writeOrCheck(root, CRISIS_MODEL_FILE, json, 'npm run train:crisis-model');
