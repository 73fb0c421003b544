import { readFileSync, statSync } from 'node:fs';
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
export async function benchCrisis(): Promise<{ rules: number[]; shipped: number[]; texts: number; modelBytes: number; fileBytes: number }> {
  // What the loaded model keeps (heap and typed arrays), measured first, before timing leaves garbage behind (needs --expose-gc).
  const fileBytes = statSync(shippedCrisisModelPath()).size;
  const used = () => (global.gc?.(), process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
  const before = used();
  const model = loadModel();
  const modelBytes = used() - before;
  model.assess('');

  const texts = SETS.flatMap((s) => readCrisisSet(`${ROOT}tests/fixtures/crisis-eval/phrasings.${s}.yaml`).map((i) => i.text));
  const files = (await loadCalmFiles(`${ROOT}knowledge`)).files;
  const rulesOnly = CalmLibrary.build(files, null).crisis;
  const shipped = CalmLibrary.build(files).crisis;
  const rules = timeEach(texts, 3, (t) => rulesOnly.assess(t));
  const both = timeEach(texts, 3, (t) => shipped.assess(t));

  return { rules, shipped: both, texts: texts.length, modelBytes, fileBytes };
}

function loadModel(): CrisisModel {
  return CrisisModel.fromFile(CrisisModelFile.parse(JSON.parse(readFileSync(shippedCrisisModelPath(), 'utf8'))));
}
