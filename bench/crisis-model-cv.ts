import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CalmLibrary } from '../src/calm/calm-library.js';
import { loadCalmFiles } from '../src/calm/load-calm.js';
import { readCrisisSet } from './crisis-eval.js';
import {
  KIND_FROM,
  asked,
  chooseThreshold,
  thresholdForVenting,
  combined,
  CRISIS_TRAINING_FILES,
  featuresOf,
  feelingRows,
  MAX_FALSE_ALARMS,
  method,
  outOfFold,
  readScoredRows,
  ROUND5_METHOD,
  score,
  scoredText,
  SHIPPED_METHOD,
  type FileRow,
  type TrainingMethod,
} from './crisis-model.js';
import { Tallies } from './crisis-model-tally.js';

// npm run eval:crisis-model [-- <extra measure-only set>...]
// Compares training recipes for the crisis check's learned second opinion (crisis-model.ts), as the bot uses
// it: rules first, the model asked only where they found nothing and explained nothing away.
// 1. Leave one file out over the training files (each file is one writer): the held file is scored by models
//    trained on the others, and its threshold is chosen from the other files' out-of-fold scores only
//    (false alarms of rules+model <= MAX_FALSE_ALARMS), so neither the weights nor the threshold saw it.
// 2. Each recipe trained on every training file, threshold from all out-of-fold scores (as the trainer does),
//    measured on sets it never saw: holdout, holdout2 (measure-only) and any names given (e.g. dev6).
// "sad-but-safe" is the model alone on the everyday items it is asked about (rules silent, nothing explained away).
// Rules figures on the training files are not blind (the rules were tuned on them). Prints figures only, never text.
const RECIPES: TrainingMethod[] = [
  ROUND5_METHOD,
  SHIPPED_METHOD,
  method('asked-only', { askedNegativesOnly: true }),
  method('l2-all', { danger: { decay: 'all', l2: 1e-3 } }),
  method('mincount2', { danger: { minCount: 2 } }),
  method('l2-0.3', { danger: { l2: 0.3 } }),
  method('venting-twice-explained-half', { weightOf: (r) => (r.label === 'none' ? (asked(r) ? 2 : 0.5) : 1) }),
];
const chosen = process.env.RECIPES?.split(',');
const VENTING_BUDGETS = [0.06, 0.08, 0.1];
const VERBOSE = process.env.VERBOSE === '1';

const root = new URL('../..', import.meta.url).pathname;
const calm = (await loadCalmFiles(`${root}knowledge`)).files;
const rules = CalmLibrary.build(calm, null).crisis;
const set = (name: string) => `${root}tests/fixtures/crisis-eval/phrasings.${name}.yaml`;
const rows: FileRow[] = [...readScoredRows(root, CRISIS_TRAINING_FILES.filter((f) => existsSync(set(f))), rules), ...feelingRows(calm, rules)];
// Extra sets are fixture names or paths of a file (e.g. a fresh dev set before it becomes a fixture), named by their file name.
const extra = process.argv.slice(2).map((arg) => (arg.includes('/') ? { name: arg.replace(/^.*\/|\.yaml$/g, ''), file: arg } : { name: arg, file: set(arg) }));
const sets = [{ name: 'holdout', file: set('holdout') }, { name: 'holdout2', file: set('holdout2') }, ...extra].filter((s) => existsSync(s.file));
const measured = sets.map((s) => s.name);
const measureRows: FileRow[] = sets.flatMap(({ name, file }) => readCrisisSet(file).map((item) => ({ file: name, lang: item.lang, label: item.label, ...scoredText(item.text, rules) })));

console.log(`training files: ${[...new Set(rows.map((r) => r.file))].join(', ')} (${rows.length} items); measured only: ${measured.join(', ')}`);
for (const recipe of RECIPES.filter((r) => !chosen || chosen.includes(r.name))) {
  const started = performance.now();
  const oof = outOfFold(rows, recipe);
  const policies: [string, (scored: typeof oof) => number][] = [
    ['rules+model <= 8 % pooled', (scored) => chooseThreshold(scored, MAX_FALSE_ALARMS)],
    ...VENTING_BUDGETS.map((b): [string, (scored: typeof oof) => number] => [`model on venting <= ${b * 100} %`, (scored) => thresholdForVenting(scored.filter((s) => s.row.file !== 'feelings'), b)]),
  ];
  const danger = recipe.danger(rows);
  const kind = recipe.kind(rows);
  console.log(`\n== ${recipe.name}: ${danger.weights.size} weights; ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // Threshold-free comparison: the model alone on every out-of-fold danger item, at thresholds that give it a set share of false alarms on the everyday items it is asked about.
  const everyday = oof.filter((s) => s.row.label === 'none' && asked(s.row) && s.row.file !== 'feelings').map((s) => s.p).sort((a, b) => b - a);
  const dangerItems = oof.filter((s) => s.row.label !== 'none');
  const misses = dangerItems.filter((s) => asked(s.row));
  const at = (share: number) => {
    const t = (everyday[Math.floor(share * everyday.length)] ?? 0) + 1e-9;
    const pct = (xs: typeof oof) => ((100 * xs.filter((s) => s.p >= t).length) / xs.length).toFixed(1);
    return `${(share * 100).toFixed(0)} % → recall ${pct(dangerItems)} % (rule misses ${pct(misses)} %)`;
  };
  console.log(`  model alone out of fold, at false alarms on venting: ${[0.02, 0.04, 0.06, 0.08, 0.1, 0.12].map(at).join('; ')}`);
  for (const [policy, choose] of policies) {
    const cv = new Tallies();
    const thresholds: number[] = [];
    for (const held of new Set(rows.map((r) => r.file))) {
      // The held file's threshold comes from the other files' out-of-fold scores only.
      const threshold = choose(oof.filter((s) => s.row.file !== held));
      thresholds.push(threshold);
      for (const { row, p, kindP } of oof.filter((s) => s.row.file === held)) {
        const model = p < threshold ? 'none' : kindP >= KIND_FROM ? 'threat' : 'self';
        cv.count('cv rules+model', row.lang, row.label, asked(row) ? model : row.rules);
        if (row.label === 'none' && asked(row) && row.file !== 'feelings') cv.count('cv venting', row.lang, row.label, model);
      }
    }
    const threshold = choose(oof);
    console.log(`  -- threshold by ${policy}: ${threshold.toFixed(3)} (per held file ${Math.min(...thresholds).toFixed(3)}–${Math.max(...thresholds).toFixed(3)})`);
    const t = new Tallies();
    for (const name of measured) {
      for (const row of measureRows.filter((r) => r.file === name)) {
        t.count(`${name} +model`, row.lang, row.label, combined(row.rules, danger, kind, threshold, row.features, row.asksModel));
        if (row.label === 'none' && asked(row)) t.count(`${name} venting`, row.lang, row.label, combined('none', danger, kind, threshold, row.features));
      }
    }
    const lines = [...cv.lines(['cv rules+model', 'cv venting']), ...t.lines(measured.flatMap((n) => [`${n} +model`, `${n} venting`]))];
    for (const line of lines.filter((l) => !l.includes('no items') && (VERBOSE || l.includes(' all ')))) console.log(line.replace(/recall n\/a \(0\/0\) · kind n\/a · /, ''));
  }
  if (measured.length) {
    const t = new Tallies();
    for (const row of measureRows) t.count(`${row.file} rules`, row.lang, row.label, row.rules);
    if (recipe === RECIPES[0]) for (const line of t.lines(measured.map((n) => `${n} rules`)).filter((l) => !l.includes('no items'))) console.log(line);
  }
}

// Time per message of the model alone (features + two scores).
const danger = SHIPPED_METHOD.danger(rows);
const texts = CRISIS_TRAINING_FILES.filter((f) => existsSync(set(f))).flatMap((f) => readCrisisSet(set(f)).map((i) => i.text));
const started = performance.now();
for (const text of texts) score(danger, featuresOf(text));
console.log(`\nmodel time ${((performance.now() - started) / texts.length).toFixed(3)} ms/message`);
