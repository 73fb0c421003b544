import type { CrisisDetector } from '../src/calm/crisis-detector.js';
import type { CalmFiles } from '../src/calm/load-calm.js';
import { featuresOf, score, type LinearModel as ShippedLinearModel } from '../src/calm/crisis-model.js';
import { readCrisisSet } from './crisis-eval.js';
import { Tallies } from './crisis-model-tally.js';

export { featuresOf, score };

/**
 * Training for the learned second opinion of the /calm crisis check (src/calm/crisis-model.ts holds
 * the features and the scorer the bot ships): a class-weighted logistic regression trained by plain
 * SGD over sparse features of the normalised text. Deterministic: a seeded shuffle, fixed epochs, no
 * randomness elsewhere. Used by train-crisis-model.ts and the experiments (crisis-model-cv.ts).
 */

export interface Example {
  features: readonly string[];
  /** 1 for the positive class, 0 otherwise. */
  y: 0 | 1;
  /** How much the example counts (1 unless given). */
  weight?: number;
}

export interface LinearModel extends ShippedLinearModel {
  weights: Map<string, number>;
}

/** Mulberry32: a small seeded generator, so training is repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  seed?: number;
  /**
   * Which weights the L2 penalty shrinks at each step: `seen` only those of the example's own features
   * (the round-4 trainer: a feature seen once keeps as much weight as one seen a hundred times, so the
   * model memorises one writer's n-grams), `all` every weight (plain L2: rare n-grams stay small).
   */
  decay?: 'seen' | 'all';
  /** Features present in fewer training examples than this are left out (a one-off n-gram is a writer's wording, not a pattern). */
  minCount?: number;
  /**
   * Returns the average of the weights over every step of the last this many epochs (Polyak-Ruppert averaging)
   * instead of the weights after the last step. Plain SGD at this rate stops wherever the last few shuffled
   * examples left it, so two seeds gave thresholds and measure-only decisions that differed by a dozen items;
   * the average is where the steps hover. Only with `decay: 'seen'`.
   */
  averageLast?: number;
}

/** Logistic regression, each class weighted by the inverse of its share; features are binary, scaled by 1/√count. */
export function train(examples: readonly Example[], { epochs = 15, rate = 10, l2 = 1e-4, seed = 7, decay = 'seen', minCount = 1, averageLast = 0 }: TrainOptions = {}): LinearModel {
  if (averageLast && decay !== 'seen') throw new Error('averaging needs decay: seen');
  const usable = minCount > 1 ? commonFeatures(examples, minCount) : undefined;
  // Features as indices into one array: the same arithmetic in the same order as over a Map, several times faster.
  const index = new Map<string, number>();
  const encoded = examples.map((e) =>
    Int32Array.from(usable ? e.features.filter((f) => usable.has(f)) : e.features, (f) => {
      let i = index.get(f);
      if (i === undefined) index.set(f, (i = index.size));
      return i;
    }),
  );
  const weights = new Float64Array(index.size);
  let bias = 0;
  // With `decay: 'all'` the weights are held as shrink × stored value, so shrinking all of them is one multiplication.
  let shrink = 1;
  const positives = examples.filter((e) => e.y === 1).length;
  const classWeight = [examples.length / (2 * Math.max(1, examples.length - positives)), examples.length / (2 * Math.max(1, positives))] as const;
  const order = examples.map((_, i) => i);
  const random = seeded(seed);
  let step = 0;
  // Running sums for the average: a weight changes only when its feature is seen, so its sum catches up then (lazily).
  const averageFrom = (epochs - Math.min(averageLast, epochs)) * examples.length;
  const sums = averageLast ? new Float64Array(index.size) : undefined;
  const since = averageLast ? new Float64Array(index.size).fill(averageFrom) : undefined;
  let biasSum = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const at of order) {
      const example = examples[at]!;
      const features = encoded[at]!;
      const { y } = example;
      const scale = 1 / Math.sqrt(Math.max(1, example.features.length));
      let sum = 0;
      for (const f of features) sum += weights[f]!;
      const p = 1 / (1 + Math.exp(-(bias + scale * (shrink * sum))));
      const eta = rate / (1 + 0.01 * step++);
      const g = (p - y) * classWeight[y] * (example.weight ?? 1);
      if (decay === 'all') {
        shrink *= 1 - eta * l2;
        for (const f of features) weights[f] = weights[f]! - (eta * g * scale) / shrink;
        if (shrink < 1e-6) shrink = rescaled(weights, shrink);
      } else {
        const averaging = sums && step > averageFrom;
        for (const f of features) {
          const w = weights[f]!;
          if (averaging) {
            sums[f] = sums[f]! + w * (step - 1 - since![f]!);
            since![f] = step - 1;
          }
          weights[f] = w - eta * (g * scale + l2 * w);
        }
      }
      bias -= eta * g;
      if (step > averageFrom) biasSum += bias;
    }
  }
  if (shrink !== 1) rescaled(weights, shrink);
  if (sums) {
    // Each step's weights count once: those after the update of step k are held until step k + 1 changes them.
    const span = step - averageFrom;
    for (let f = 0; f < sums.length; f++) weights[f] = (sums[f]! + weights[f]! * (step - since![f]!)) / span;
    bias = biasSum / span;
  }
  return { weights: new Map([...index].map(([f, i]) => [f, weights[i]!])), bias };
}

/** Multiplies the stored values by `shrink` (so they are the weights themselves) and returns the new factor, 1. */
function rescaled(weights: Float64Array, shrink: number): number {
  for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! * shrink;
  return 1;
}

/** Features present in at least `minCount` examples. */
function commonFeatures(examples: readonly Example[], minCount: number): Set<string> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= minCount).map(([f]) => f));
}

/** A labelled message as the experiments see it: its features and what the rules answered. */
export interface ScoredRow {
  label: 'self' | 'threat' | 'none';
  features: readonly string[];
  /** The rules' answer (self, threat, other or none). */
  rules: string;
  /** False where the rules explained the words away (hyperbole, a negation): the shipped check then never asks the model. Absent means asked. */
  asksModel?: boolean;
}

/** A labelled phrasing of one of the team's files, with its features and the rules' answer alone. */
export interface FileRow extends ScoredRow {
  file: string;
  lang: string;
}

/** The rows of tests/fixtures/crisis-eval/phrasings.<file>.yaml for each file, read under `root`. */
export function readScoredRows(root: string, files: readonly string[], rules: CrisisDetector): FileRow[] {
  return files.flatMap((file) =>
    readCrisisSet(`${root}tests/fixtures/crisis-eval/phrasings.${file}.yaml`).map((item) => ({
      file,
      lang: item.lang,
      label: item.label,
      ...scoredText(item.text, rules),
    })),
  );
}

/** Features of a text, the rules' answer and whether the shipped check would ask the model. */
export function scoredText(text: string, rules: CrisisDetector): Pick<ScoredRow, 'features' | 'rules' | 'asksModel'> {
  const read = rules.readByRules(text);
  return { features: featuresOf(text), rules: read.finding.kind, asksModel: read.asksModel };
}

const ruleAlarm = (kind: string) => kind === 'self' || kind === 'threat';

/**
 * Strong L2 for the danger model: chosen by leave-one-file-out cross-validation over l2 in 1e-5…0.3
 * (recall at 8 % false alarms: 70 % at the default 1e-4, 78 % at 0.01, 84.5 % at 0.15, no better above).
 * A new writer's wordings share few exact n-grams with the training files, and shrinking every weight
 * keeps the model from leaning on the few that memorise a file.
 */
export const DANGER_TRAINING: TrainOptions = { l2: 0.15 };

/** How the two models are trained from labelled rows: the shipped recipe and the alternatives the experiments compare. */
export interface TrainingMethod {
  name: string;
  danger(rows: readonly ScoredRow[], seed?: number): LinearModel;
  kind(rows: readonly ScoredRow[], seed?: number): LinearModel;
}

export const trainDanger = (rows: readonly ScoredRow[], options: TrainOptions = DANGER_TRAINING, weightOf?: (r: ScoredRow) => number): LinearModel =>
  train(
    rows.map((r) => ({ features: r.features, y: r.label === 'none' ? 0 : 1, weight: weightOf?.(r) })),
    options,
  );
export const trainKind = (rows: readonly ScoredRow[], options: TrainOptions = {}): LinearModel =>
  train(rows.filter((r) => r.label !== 'none').map((r) => ({ features: r.features, y: r.label === 'threat' ? 1 : 0 })), options);

/** The round-4/5 recipe: every labelled row, L2 on the weights an example touches. */
export const ROUND5_METHOD: TrainingMethod = { name: 'round5', danger: (rows, seed) => trainDanger(rows, { ...DANGER_TRAINING, seed }), kind: (rows, seed) => trainKind(rows, { seed }) };

/** Everyday rows the shipped check would ask the model about: the rules found nothing and explained nothing away. */
export const asked = (row: ScoredRow): boolean => row.rules === 'none' && row.asksModel !== false;

/** A recipe from parts, for the experiments. */
export function method(
  name: string,
  options: { danger?: TrainOptions; kind?: TrainOptions; askedNegativesOnly?: boolean; weightOf?: (r: ScoredRow, rows: readonly ScoredRow[]) => number },
): TrainingMethod {
  return {
    name,
    danger: (rows, seed) =>
      trainDanger(
        options.askedNegativesOnly ? rows.filter((r) => r.label !== 'none' || asked(r)) : rows,
        { ...DANGER_TRAINING, seed, ...options.danger },
        options.weightOf && ((r) => options.weightOf!(r, rows)),
      ),
    kind: (rows, seed) => trainKind(rows, { seed, ...options.kind }),
  };
}

/** The lowest threshold whose rules+model false alarms on these out-of-fold scores stay within the budget (e.g. 0.04). */
export function chooseThreshold(scored: readonly { row: ScoredRow; p: number }[], maxFalseAlarms: number): number {
  const negatives = scored.filter((s) => s.row.label === 'none');
  const budget = Math.floor(maxFalseAlarms * negatives.length) - negatives.filter((s) => ruleAlarm(s.row.rules)).length;
  if (budget < 0) return 1.01;
  // Alarms at threshold t are the negatives the model is asked about scoring >= t: allow `budget` of them.
  // Those the rules explained away (hyperbole, a negation) are never asked, so they cannot raise an alarm.
  const candidates = negatives.filter((s) => asked(s.row)).map((s) => s.p).sort((a, b) => b - a);
  const edge = candidates[budget];
  return edge === undefined ? 0 : edge + 1e-9;
}

/**
 * The lowest threshold at which the model alone alarms on at most `maxShare` of the everyday messages it is
 * asked about (the rules found nothing and explained nothing away: sad, venting, tired, hyperbole the rules
 * do not know). Unlike `chooseThreshold`, it does not depend on how well the rules fit the training files
 * (they were tuned on them, so their false alarms there are near zero and left the model most of the budget),
 * nor on how many easy everyday items (the /calm menu words) are pooled in.
 */
export function thresholdForVenting(scored: readonly { row: ScoredRow; p: number }[], maxShare: number): number {
  const venting = scored.filter((s) => s.row.label === 'none' && asked(s.row)).map((s) => s.p).sort((a, b) => b - a);
  const edge = venting[Math.floor(maxShare * venting.length)];
  return edge === undefined ? 0 : edge + 1e-9;
}

/** Threshold by leave-one-group-out inside the training rows (each group stands for one writer's file). */
export function thresholdByGroups<R extends ScoredRow>(rows: readonly R[], groupOf: (r: R) => string, maxFalseAlarms: number, trainer = trainDanger): number {
  const groups = [...new Set(rows.map(groupOf))];
  const scored = groups.flatMap((g) => {
    const model = trainer(rows.filter((r) => groupOf(r) !== g));
    return rows.filter((r) => groupOf(r) === g).map((row) => ({ row, p: score(model, row.features) }));
  });
  return chooseThreshold(scored, maxFalseAlarms);
}

/** Rules first; only where they say nothing and explained nothing away does the model speak, with its own self/threat call. */
export function combined(rules: string, danger: LinearModel, kind: LinearModel, threshold: number, features: readonly string[], asksModel = true): string {
  if (rules !== 'none' || !asksModel) return rules;
  if (score(danger, features) < threshold) return 'none';
  return score(kind, features) >= KIND_FROM ? 'threat' : 'self';
}

/** The /calm menu's own words (feeling labels and match phrases): everyday by definition, one more group ("feelings"). */
export function feelingRows(calm: CalmFiles, rules: CrisisDetector): FileRow[] {
  return calm.feelings.flatMap(({ value: feeling }) =>
    [feeling.label, ...feeling.match].map((text) => ({ file: 'feelings', lang: feeling.locale === 'en' ? 'en' : 'zh-CN', label: 'none' as const, ...scoredText(text, rules) })),
  );
}

/** Danger and kind scores of each row from models that never saw its group (leave one group out). */
export function outOfFold<R extends ScoredRow & { file: string }>(rows: readonly R[], recipe: TrainingMethod, seed?: number): { row: R; p: number; kindP: number }[] {
  return [...new Set(rows.map((r) => r.file))].flatMap((held) => {
    const others = rows.filter((r) => r.file !== held);
    const danger = recipe.danger(others, seed);
    const kind = recipe.kind(others, seed);
    return rows.filter((r) => r.file === held).map((row) => ({ row, p: score(danger, row.features), kindP: score(kind, row.features) }));
  });
}

/**
 * The labelled files the shipped model is trained on: every dev set (never holdout*, which stay measure-only).
 * Each file is one writer, one group of the leave-one-file-out cross-validation.
 * Round 9 added the six files of rounds 7 and 8 (dev6, round7, zh7, dev7, en8, zh8) together with the stem and
 * pair features of featuresOf. Measured as a fresh writer would see it (the rules of 900f3ba, before the round-8
 * files were written; models trained on the files that existed then; measured on dev7, en8 and zh8, 494 danger and
 * 389 everyday items): recall 91.5 % with the round-8 recipe on 11 files, 93.1 % on 14 files, 93.9 % with the new
 * features (94.3 % with the venting budget at 10 %, false alarms 20.1 → 21.9 %, not shipped: see VENTING_FALSE_ALARMS).
 */
export const CRISIS_TRAINING_FILES: readonly string[] = [
  ...['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'round5', 'round6', 'zh6', 'team', 'probe', 'dialect'],
  ...['dev6', 'round7', 'zh7', 'dev7', 'en8', 'zh8'],
  // Round 9: a fresh writer's dev set and the two engineers' own sets, added once their rules were merged.
  ...['dev8', 'en9', 'zh9'],
  // Round 13 did not train on dev10–dev12 (with the 8 % venting budget the threshold rose, 0.4271 → 0.4348, and recall
  // on holdout5–holdout10 fell 89.1 → 86.9 % for false alarms 14.5 → 13.1 %). Round 14 trains on every fresh writer's
  // dev set (dev10–dev21: 2,900 items, half the everyday ones look-alikes of danger) with a 12 % budget (VENTING_FALSE_ALARMS):
  // on holdout5–holdout12, the one choice they took part in, recall at the shipped threshold went 90.3 → 92.2 % and
  // false alarms 12.0 → 11.1 %; at equal false alarms the model trained on them recalls 2.5 points more.
  ...['dev10', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16', 'dev17', 'dev18', 'dev19', 'dev20', 'dev21'],
  // Round 14, second pass: four more writers' sets, trained on without being read for rules (the round's rules did not
  // carry to the next writer; the model's data did: on arrival they scored 90.2 / 91.6 / 94.8 / 87.1 % with the model
  // above, against 80.4 / 89.0 / 93.5 / 76.8 % on e638356).
  ...['dev22', 'dev23', 'dev24', 'dev25'],
  // Round 15: seventeen more writers' sets (tests/fixtures/crisis-eval/README.md says whose), measured on arrival with the
  // round-14 model, then trained on without being read for rules. Trained on the first twelve, the model lifted the
  // next five on arrival (dev38–dev42, pooled) from 91.5 to 93.4 % recall.
  ...['dev26', 'dev27', 'dev28', 'dev29', 'dev30', 'dev31', 'dev32', 'dev33', 'dev34', 'dev35', 'dev36', 'dev37'],
  ...['dev38', 'dev39', 'dev40', 'dev41', 'dev42'],
];

/** The round-5 threshold budget: false alarms of rules+model on the pooled cross-validated everyday items (menu words included). */
export const MAX_FALSE_ALARMS = 0.08;

/**
 * The shipped threshold budget: false alarms of the model alone on the cross-validated everyday items it is asked
 * about. Round 9 tried 10 %: a little more recall as a round-8 writer met it (CRISIS_TRAINING_FILES), but after the
 * merged retrain the threshold is set by the highest /calm menu word either way (shippedModels), and the round-9 blind
 * set showed no recall gain for the round-9 changes together; kept at 8 %. Round 14 raised it to 12 % when the fresh
 * writers' dev sets joined the training (CRISIS_TRAINING_FILES): half their everyday items are look-alikes of danger,
 * which the model then tells apart better, so the same budget lifted the threshold; measured on holdout5–holdout12 at
 * 8 / 9 / 10 / 11 / 12 %: recall 90.4 / 90.8 / 91.4 / 91.8 / 92.2 %, false alarms 10.9 / 10.9 / 11.1 / 11.1 / 11.1 %
 * (the model shipped before: 90.3 % / 12.0 %).
 * Round 15 raised it to 16 %, chosen on sets the model had not seen and whose words no rule was written for (before
 * any round-15 file joined the training): with dev22–dev25 held out of the training, recall / false alarms on them at
 * 12 / 14 / 16 / 18 / 20 %: 91.4 / 92.4 / 93.2 / 93.9 / 94.2 % and 18.3 / 19.4 / 21.5 / 22.3 / 23.6 %; on four fresh
 * writers' sets (dev27–dev29, dev31) with the round-14 training: 92.7 / 94.9 / 96.2 / 96.3 / 96.7 % and
 * 21.0 / 22.3 / 23.4 / 25.3 / 26.9 % (half their everyday items are look-alikes of danger). Past 16 % each point of
 * recall cost two to seven of false alarms.
 */
export const VENTING_FALSE_ALARMS = 0.16;

/**
 * The check-in budget (round 10): from the threshold where the model alone would alarm on this share of the everyday
 * items it is asked about, up to the crisis threshold, the person gets their feelings answer with a direct question
 * about their safety and the one-tap request to their lead (CrisisFinding.checkIn). Three fresh writers' blind sets
 * showed the crisis threshold, set on dev files the rules were tuned on, too high for new wordings (holdout10a:
 * 74 % recall at 0.427, 89 % at 0.36); a gentle question costs a venting person one paragraph, a miss far more.
 */
export const CHECK_IN_VENTING = 0.35;

/**
 * From this danger score up the model's alarm stands even where the rules explained the death words away (a laugh,
 * hyperbole, a negation); between the threshold and here such an alarm stays the safety question (round 10). Measured in
 * round 13 with the model of 14cfb73 on sets it was not trained on and whose words the rules were not tuned to (the three
 * fresh writers' files dev10–dev12 on arrival, and holdout–holdout4): of the messages the rules explained away, those
 * scoring from the threshold (0.427) up were 26 danger and 15 everyday, from 0.5 up 16 and 2, from 0.55 up 6 and 1.
 * A score of 0.5 is also where the class-weighted model calls danger more likely than not.
 * Round 15 measured 0.45: on five fresh writers' sets (dev27–dev31 on arrival, round-14 model) the messages the rules
 * explained away scoring 0.45–0.5 were 7 danger and 1 everyday, but on the older dev sets (with the round-15 model) it
 * cost 50 false alarms for 10 danger items, and it answered hand-written look-alikes the rules' ordinary context explains
 * ("i've got my mum and my cat so i'm ok", "not gonna be here for secret santa, family thing") as a crisis; kept at 0.5.
 */
export const OVERRULE_FROM = 0.5;

/**
 * Where the model raises the alarm, its kind score from here up answers as a threat (tell the lead, do not meet the
 * customer alone), below as the writer's own danger (round 14; 0.5 before). Measured on messages the model caught and it
 * was not trained on (dev10–dev15, dev17 and holdout3/4 read): right kind 425 of 450 at 0.5, 430 at 0.4 (threats
 * 107 → 114 of 126 in the round-14 sets, no loss on holdout3/4), 430 at 0.35 with more self messages answered as
 * threats; in leave-one-file-out scores of the training files 0.4 and 0.5 tie (93 of 94 model-caught).
 * The kind model is class-weighted, and threats are the smaller, more varied class: its scores for a new writer's
 * threats sit lower than for the threats it was trained on.
 */
export const KIND_FROM = 0.4;

/**
 * The venting the model is asked about counts twice. Round 9 counted the /calm menu's own words four times so that
 * one of them (不想再接了, read like 不想再活了) stayed under the threshold without raising it; since round 10 the
 * detector does not ask the model about a message that is only a menu word (CrisisPhrases.menu), so menu words are
 * ordinary everyday rows again and no longer set the threshold.
 */
const ventingTwice = (r: ScoredRow) => (r.label === 'none' && asked(r) ? 2 : 1);

/**
 * The round-7 weighting, still shipped inside SHIPPED_RECIPE (below): the round-5 recipe, with the everyday messages the
 * model will be asked about (sad, venting, tired: the rules found nothing and explained nothing away) counting
 * twice. The class weighting otherwise spends most of the everyday side on items the model never sees (menu
 * words, hyperbole the rules explain away, rule alarms). Leave one file out over all 11 dev files, model alone
 * at the same false alarms on that venting, recall of danger items: 68.4 / 78.4 / 83.8 / 87.0 % at 2 / 4 / 6 / 8 %
 * (round-5 recipe 62.4 / 76.5 / 81.3 / 84.7 %). Leaving those items out instead, or L2 on every weight, or
 * dropping one-off features, or L2 0.3, measured no better (bench/crisis-model-cv.ts).
 */
export const SHIPPED_METHOD: TrainingMethod = method('venting-twice', { weightOf: ventingTwice });

/** Out-of-fold scores of one row: danger and kind from models that never saw its file. */
export interface OutOfFold<R> {
  row: R;
  p: number;
  kindP: number;
}

/** A whole recipe for the shipped file: how the models are trained, which model ships, how its threshold is chosen. */
export interface ShippingRecipe {
  name: string;
  method: TrainingMethod;
  /** Models trained with this many seeds (seed, seed + 1000, …) and averaged into one. */
  seeds: number;
  /** `all-files`: one model trained on every file; `fold-average`: the average of the leave-one-file-out models, whose out-of-fold scores chose the threshold. */
  ships: 'all-files' | 'fold-average';
  /** The threshold from out-of-fold scores of the training files (menu words apart). */
  threshold(scored: readonly OutOfFold<ScoredRow>[]): number;
}

/** One linear model whose score is that of the average logit of the given ones. */
export function averaged(models: readonly LinearModel[]): LinearModel {
  const weights = new Map<string, number>();
  for (const m of models) for (const [f, w] of m.weights) weights.set(f, (weights.get(f) ?? 0) + w / models.length);
  return { weights, bias: models.reduce((sum, m) => sum + m.bias, 0) / models.length };
}

/**
 * Trains a recipe on the rows (each file one writer) as the trainer ships it: out-of-fold scores for every row,
 * the shipped danger and kind models, and the threshold (the recipe's choice on the out-of-fold scores, raised
 * above every /calm menu word the shipped model is asked about). `finish` turns a trained model into the one
 * that ships (pruned, rounded), so the scores are those of what ships. `thresholdFor` chooses a threshold from
 * any part of the out-of-fold scores (cross-validation holds each file's own scores out).
 */
export function shippedModels<R extends FileRow>(recipe: ShippingRecipe, rows: readonly R[], seed: number, finish: (m: LinearModel) => LinearModel = (m) => m) {
  const seeds = Array.from({ length: recipe.seeds }, (_, k) => seed + 1000 * k);
  const fit = (part: readonly R[], which: 'danger' | 'kind') => averaged(seeds.map((s) => recipe.method[which](part, s)));
  const folds = [...new Set(rows.map((r) => r.file))].map((held) => {
    const others = rows.filter((r) => r.file !== held);
    return { held, danger: fit(others, 'danger'), kind: fit(others, 'kind') };
  });
  const oof: OutOfFold<R>[] = folds.flatMap(({ held, danger, kind }) => {
    const [d, k] = [finish(danger), finish(kind)];
    return rows.filter((r) => r.file === held).map((row) => ({ row, p: score(d, row.features), kindP: score(k, row.features) }));
  });
  const [danger, kind] =
    recipe.ships === 'fold-average'
      ? [finish(averaged(folds.map((f) => f.danger))), finish(averaged(folds.map((f) => f.kind)))]
      : [finish(fit(rows, 'danger')), finish(fit(rows, 'kind'))];
  const thresholdFor = (scored: readonly OutOfFold<ScoredRow & { file: string }>[]) => recipe.threshold(scored.filter((s) => s.row.file !== 'feelings'));
  // The menu's own words must get their feeling whatever the budget allows.
  const aboveMenu = Math.max(0, ...rows.filter((r) => r.file === 'feelings' && asked(r)).map((r) => score(danger, r.features)));
  const threshold = Math.min(1, Math.ceil(Math.max(thresholdFor(oof), aboveMenu + 1e-4) * 1e4) / 1e4);
  const everyday = oof.filter((s) => s.row.file !== 'feelings');
  const checkInThreshold = Math.min(threshold, Math.ceil(Math.max(thresholdForVenting(everyday, CHECK_IN_VENTING), aboveMenu + 1e-4) * 1e4) / 1e4);
  return { oof, danger, kind, threshold, checkInThreshold, thresholdFor };
}

const byVenting = (scored: readonly OutOfFold<ScoredRow>[]) => thresholdForVenting(scored, VENTING_FALSE_ALARMS);
/**
 * The recipe `npm run train:crisis-model` ships (round 8): the round-7 weighting (the venting the model is asked
 * about counts twice), with the weights averaged over every step of the last 5 of 15 epochs, one model trained on
 * every file, seed 7, threshold by the venting budget. Why (bench/crisis-model-stability.ts, 11 dev files): the
 * round-7 recipe's figures moved with the seed far more than with the rules. Seeds 7 / 11 / 13 gave leave-one-file-out
 * rules+model false alarms of 5.8 / 7.6 / 11.9 % and changed 11 and 5 measure-only decisions; leaving a tenth of the
 * rule ids or the crisis files' phrases out changed 0–1. Plain SGD at this rate stops wherever the last shuffled
 * examples left it. Averaged, seeds 7 / 11 give 9.2 / 8.7 % (venting 8.8 / 8.4 %, its budget 8 %) and model-alone
 * recall 90.9 / 89.7 %. Averaging the last 10 epochs measured the same (9.2 / 8.7 %). Every item counting once (weights
 * then independent of the rules) was as stable (8.9 / 8.5 %), but the twice-counted venting gave more recall at the
 * same false alarms in round 7. Three seeds and the average of the fold models are in RECIPES, not measured to the end.
 */
export const SHIPPED_RECIPE: ShippingRecipe = {
  name: 'venting-twice, averaged',
  method: method('venting-twice-averaged', { weightOf: ventingTwice, danger: { averageLast: 5 }, kind: { averageLast: 5 } }),
  seeds: 1,
  ships: 'all-files',
  threshold: byVenting,
};

/** The seed of the shipped training (with more seeds, seed + 1000, seed + 2000, …). */
export const SHIPPED_SEED = 7;

/** The recipes the stability experiment compares (bench/crisis-model-stability.ts); the first ships. */
export const RECIPES: ShippingRecipe[] = [
  SHIPPED_RECIPE,
  { name: 'venting-twice (round 7)', method: SHIPPED_METHOD, seeds: 1, ships: 'all-files', threshold: byVenting },
  {
    name: 'venting-twice, averaged 10',
    method: method('venting-twice-averaged-10', { weightOf: ventingTwice, danger: { averageLast: 10 }, kind: { averageLast: 10 } }),
    seeds: 1,
    ships: 'all-files',
    threshold: byVenting,
  },
  { name: 'venting-twice, fold-average', method: SHIPPED_METHOD, seeds: 1, ships: 'fold-average', threshold: byVenting },
  { name: 'equal', method: ROUND5_METHOD, seeds: 1, ships: 'all-files', threshold: byVenting },
  { name: 'equal, 3 seeds', method: ROUND5_METHOD, seeds: 3, ships: 'all-files', threshold: byVenting },
  { name: 'equal, fold-average', method: ROUND5_METHOD, seeds: 1, ships: 'fold-average', threshold: byVenting },
  { name: 'equal, averaged', method: method('equal-averaged', { danger: { averageLast: 5 }, kind: { averageLast: 5 } }), seeds: 1, ships: 'all-files', threshold: byVenting },
];

/**
 * Leave-one-file-out figures of out-of-fold scores: each file's threshold is chosen from the other files' scores
 * only, so neither the weights nor the threshold saw it. Rules, model alone, rules+model (the model asked only
 * where the rules found nothing and explained nothing away) and the model on that venting (menu words apart).
 * `counted` limits the figures to some rows (the thresholds still come from all the others).
 */
export function crossValidated<R extends FileRow>(
  oof: readonly OutOfFold<R>[],
  thresholdFor: (scored: readonly OutOfFold<R>[]) => number,
  counted: (row: R) => boolean = () => true,
): Tallies {
  const tallies = new Tallies();
  for (const held of new Set(oof.map((s) => s.row.file))) {
    const threshold = thresholdFor(oof.filter((s) => s.row.file !== held));
    for (const { row, p, kindP } of oof.filter((s) => s.row.file === held && counted(s.row))) {
      const model = p < threshold ? 'none' : kindP >= KIND_FROM ? 'threat' : 'self';
      tallies.count('rules', row.lang, row.label, row.rules);
      tallies.count('model', row.lang, row.label, model);
      tallies.count('rules+model', row.lang, row.label, asked(row) ? model : row.rules);
      if (row.label === 'none' && asked(row) && row.file !== 'feelings') tallies.count('venting', row.lang, row.label, model);
    }
  }
  return tallies;
}
