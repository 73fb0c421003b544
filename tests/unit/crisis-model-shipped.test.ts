import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainedCrisisModelFile } from '../../bench/crisis-model-file.js';
import { shippedCrisisModelPath } from '../../src/calm/shipped-crisis-model.js';

const root = new URL('../../', import.meta.url).pathname;

describe('the shipped crisis model', () => {
  // The model is asked only where the rules are silent and its threshold is chosen on those items, so a rule,
  // fixture or menu-word change can change the file; the recipe is deterministic, so a stale file shows here.
  it(
    'is what its recipe trains from today’s rules, fixtures and menu words (else run npm run train:crisis-model and commit the file)',
    async () => {
      const { json } = await trainedCrisisModelFile(root);
      const shipped = readFileSync(shippedCrisisModelPath(), 'utf8');
      // Compared as booleans: a 1 MB diff of weights helps nobody.
      expect(json === shipped, 'src/calm/crisis-model.weights.json differs from a retrain: run npm run train:crisis-model').toBe(true);
    },
    600_000,
  );
});
