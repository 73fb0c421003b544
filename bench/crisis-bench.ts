import { readFileSync } from 'node:fs';
import { CalmLibrary } from '../src/calm/calm-library.js';
import { CrisisModel, CrisisModelFile } from '../src/calm/crisis-model.js';
import { loadCalmFiles } from '../src/calm/load-calm.js';
import { shippedCrisisModelPath } from '../src/calm/shipped-crisis-model.js';
import { readCrisisSet } from './crisis-eval.js';
import { timeEach } from './stats.js';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The team's own labelled phrasings (the measure-only holdout sets are not needed to time the check). */
const SETS = ['dev', 'dev2', 'team', 'probe'];

/** Time of one /calm crisis check, rules alone and as shipped (rules, then the model where they find nothing), and what the model holds in memory. */
export async function benchCrisis(): Promise<{ rules: number[]; shipped: number[]; texts: number; modelHeapBytes: number; fileBytes: number }> {
  // The model's own heap, measured first, before timing leaves garbage behind (needs --expose-gc).
  const json = readFileSync(shippedCrisisModelPath(), 'utf8');
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const model = CrisisModel.fromFile(CrisisModelFile.parse(JSON.parse(json)));
  global.gc?.();
  const modelHeapBytes = process.memoryUsage().heapUsed - before;
  model.assess('');

  const texts = SETS.flatMap((s) => readCrisisSet(`${ROOT}tests/fixtures/crisis-eval/phrasings.${s}.yaml`).map((i) => i.text));
  const files = (await loadCalmFiles(`${ROOT}knowledge`)).files;
  const rulesOnly = CalmLibrary.build(files, null).crisis;
  const shipped = CalmLibrary.build(files).crisis;
  const rules = timeEach(texts, 3, (t) => rulesOnly.assess(t));
  const both = timeEach(texts, 3, (t) => shipped.assess(t));

  return { rules, shipped: both, texts: texts.length, modelHeapBytes, fileBytes: Buffer.byteLength(json) };
}
