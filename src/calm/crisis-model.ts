import { stemmer } from 'stemmer';
import { z } from 'zod';
import { featureHashes as hashes } from '../text/feature-hash.js';
import { readCrisisText } from './crisis-text.js';

/**
 * The learned second opinion of the crisis check: two small linear models over sparse features
 * of the normalised text, trained by `npm run train:crisis-model` (bench/train-crisis-model.ts)
 * on the team's labelled phrasings. The detector asks it only when the rules find nothing, so it
 * can only add alarms, for wordings no rule was written for.
 */

/**
 * Feature strings of one message: Chinese character 1–4-grams and pairs two to four characters apart,
 * English word 1–2-grams, character 3–5-grams (typos), word stems and pairs of stems up to three words
 * apart. The pairs and stems carry a thought across the filler words a new writer puts between its parts
 * (不想再这样活, "want to just not wake up", "dying"/"died"): in leave-one-file-out over the 17 dev
 * files they raised the model's recall at the same false alarms by about 1.5 points, and by 2.5 on rules
 * from before the round-8 files were written, measured on those files.
 */
export function featuresOf(text: string): string[] {
  const { han, latin } = readCrisisText(text);
  const out = new Set<string>();
  for (const run of han.match(/[\p{Script=Han}\u{1FAA6}\u26B0]+/gu) ?? []) {
    const chars = [...`^${run}$`];
    for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= chars.length; i++) out.add(`h${chars.slice(i, i + n).join('')}`);
    for (let i = 1; i < chars.length - 1; i++) for (let j = i + 2; j < Math.min(chars.length - 1, i + 5); j++) out.add(`g${chars[i]}_${chars[j]}`);
  }
  const words = latin.split(/[\s.]+/).filter((w) => /[a-z]/.test(w));
  for (let i = 0; i < words.length; i++) {
    out.add(`w${words[i]}`);
    if (i + 1 < words.length) out.add(`b${words[i]} ${words[i + 1]}`);
  }
  const squeezed = ` ${words.join(' ')} `;
  if (words.length) for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= squeezed.length; i++) out.add(`c${squeezed.slice(i, i + n)}`);
  const stems = words.map((w) => stemmer(w));
  for (let i = 0; i < stems.length; i++) {
    out.add(`s${stems[i]}`);
    for (let j = i + 1; j < Math.min(stems.length, i + 4); j++) out.add(`k${stems[i]} ${stems[j]}`);
  }
  return [...out];
}

/** Feature weights by feature string (a Map while training; a compact table once shipped). */
export interface Weights {
  get(feature: string): number | undefined;
}

export interface LinearModel {
  weights: Weights;
  bias: number;
}

/**
 * Weights in two typed arrays instead of a Map of strings, to keep the bot's idle memory low: open
 * addressing on a 64-bit key made of two 32-bit FNV-1a hashes of the feature (a wrong hit would need
 * both to collide, about one chance in 10^14 per lookup at this size, and moves one weight).
 */
export class HashedWeights implements Weights {
  readonly #keys: Uint32Array;
  readonly #values: Float32Array;
  readonly #mask: number;

  constructor(entries: readonly (readonly [string, number])[]) {
    let size = 1024;
    while (size < entries.length * 2) size *= 2;
    this.#mask = size - 1;
    this.#keys = new Uint32Array(size * 2);
    this.#values = new Float32Array(size);
    for (const [feature, weight] of entries) {
      const [a, b] = hashes(feature);
      let slot = a & this.#mask;
      while (this.#keys[2 * slot] !== 0 || this.#keys[2 * slot + 1] !== 0) slot = (slot + 1) & this.#mask;
      this.#keys[2 * slot] = a;
      this.#keys[2 * slot + 1] = b;
      this.#values[slot] = weight;
    }
  }

  get(feature: string): number | undefined {
    const [a, b] = hashes(feature);
    for (let slot = a & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const [ka, kb] = [this.#keys[2 * slot]!, this.#keys[2 * slot + 1]!];
      if (ka === a && kb === b) return this.#values[slot];
      if (ka === 0 && kb === 0) return undefined;
    }
  }
}

/** Probability of the positive class; binary features scaled by 1/√count, as in training. */
export function score(model: LinearModel, features: readonly string[]): number {
  const scale = 1 / Math.sqrt(Math.max(1, features.length));
  let z = 0;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-(model.bias + scale * z)));
}

const LinearModelFile = z.object({ bias: z.number(), weights: z.record(z.string(), z.number()) });

/** The committed weights file (src/calm/crisis-model.weights.json). */
export const CrisisModelFile = z.object({
  /** Danger (self or threat) against everyday; alarms from `threshold` up. */
  danger: LinearModelFile,
  /** Among danger: threat (a customer threatening the worker) against self. */
  kind: LinearModelFile,
  threshold: z.number().min(0).max(1),
  /**
   * Below `threshold`, from here up the model is unsure: the person gets their feelings answer with a direct, gentle
   * question about their safety and the same one-tap request to their lead (no crisis takeover). Absent: no such band.
   */
  checkInThreshold: z.number().min(0).max(1).optional(),
  /**
   * From here up the model's alarm stands even where the rules read the death words as ordinary (a laugh, hyperbole, a
   * negation); below it such an alarm becomes the safety question. Absent: it never stands there.
   */
  overruleThreshold: z.number().min(0).max(1).optional(),
  /** Among the model's alarms, a threat from here up, else the writer's own danger. Absent: 0.5. */
  kindThreshold: z.number().min(0).max(1).optional(),
  /** How it was trained and how the threshold was chosen, for people reading the file. */
  about: z.record(z.string(), z.unknown()),
});
export type CrisisModelFile = z.infer<typeof CrisisModelFile>;

export class CrisisModel {
  readonly #danger: LinearModel;
  readonly #kind: LinearModel;
  readonly threshold: number;
  readonly checkInThreshold: number;
  readonly overruleThreshold: number;
  readonly kindThreshold: number;

  constructor(
    danger: LinearModel,
    kind: LinearModel,
    threshold: number,
    checkInThreshold = threshold,
    overruleThreshold = Infinity,
    kindThreshold = 0.5,
  ) {
    this.#danger = danger;
    this.#kind = kind;
    this.threshold = threshold;
    this.checkInThreshold = Math.min(checkInThreshold, threshold);
    this.overruleThreshold = Math.max(overruleThreshold, threshold);
    this.kindThreshold = kindThreshold;
  }

  static fromFile(file: CrisisModelFile): CrisisModel {
    const linear = (m: CrisisModelFile['danger']): LinearModel => ({ bias: m.bias, weights: new HashedWeights(Object.entries(m.weights)) });
    return new CrisisModel(linear(file.danger), linear(file.kind), file.threshold, file.checkInThreshold, file.overruleThreshold, file.kindThreshold);
  }

  /** How likely the text is a crisis of the writer (0–1). */
  danger(text: string): number {
    return score(this.#danger, featuresOf(text));
  }

  /**
   * `self` or `threat` when the danger score reaches the threshold (`sure` from the overrule threshold up), `unsure`
   * from the check-in threshold up, else `none`.
   */
  assess(text: string): { verdict: 'self' | 'threat' | 'unsure' | 'none'; sure: boolean } {
    const features = featuresOf(text);
    const danger = score(this.#danger, features);
    if (danger < this.checkInThreshold) return { verdict: 'none', sure: false };
    if (danger < this.threshold) return { verdict: 'unsure', sure: false };
    return { verdict: score(this.#kind, features) >= this.kindThreshold ? 'threat' : 'self', sure: danger >= this.overruleThreshold };
  }
}
