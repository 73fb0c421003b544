import { readFileSync } from 'node:fs';
import { requireShippedWeights } from '../text/shipped-file.js';
import { CrisisModel, CrisisModelFile } from './crisis-model.js';

/** Where `npm run train:crisis-model` writes the weights, from the package root. */
export const CRISIS_MODEL_FILE = 'src/calm/crisis-model.weights.json';

/** The weights file shipped with the bot, found from src/calm/ or dist/src/calm/. */
export function shippedCrisisModelPath(): string {
  return requireShippedWeights(CRISIS_MODEL_FILE, import.meta.url, 'npm run train:crisis-model');
}

let shipped: CrisisModel | undefined;

/** The shipped crisis model, read once; a missing or broken file is a packaging mistake and fails loudly. */
export function shippedCrisisModel(): CrisisModel {
  return (shipped ??= CrisisModel.fromFile(CrisisModelFile.parse(JSON.parse(readFileSync(shippedCrisisModelPath(), 'utf8')))));
}
