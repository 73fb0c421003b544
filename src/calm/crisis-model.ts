import { z } from 'zod';
import { readCrisisText } from './crisis-text.js';

/**
 * The learned second opinion of the crisis check: two small linear models over sparse features
 * of the normalised text, trained by `npm run train:crisis-model` (bench/train-crisis-model.ts)
 * on the team's labelled phrasings. The detector asks it only when the rules find nothing, so it
 * can only add alarms, for wordings no rule was written for.
 */

/** Feature strings of one message: Chinese character 1–4-grams, English word 1–2-grams and character 3–5-grams (typos). */
export function featuresOf(text: string): string[] {
  const { han, latin } = readCrisisText(text);
  const out = new Set<string>();
  for (const run of han.match(/[\p{Script=Han}\u{1FAA6}\u26B0]+/gu) ?? []) {
    const chars = [...`^${run}$`];
    for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= chars.length; i++) out.add(`h${chars.slice(i, i + n).join('')}`);
  }
  const words = latin.split(/[\s.]+/).filter((w) => /[a-z]/.test(w));
  for (let i = 0; i < words.length; i++) {
    out.add(`w${words[i]}`);
    if (i + 1 < words.length) out.add(`b${words[i]} ${words[i + 1]}`);
  }
  const squeezed = ` ${words.join(' ')} `;
  if (words.length) for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= squeezed.length; i++) out.add(`c${squeezed.slice(i, i + n)}`);
  return [...out];
}

export interface LinearModel {
  weights: ReadonlyMap<string, number>;
  bias: number;
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
  /** How it was trained and how the threshold was chosen, for people reading the file. */
  about: z.record(z.string(), z.unknown()),
});
export type CrisisModelFile = z.infer<typeof CrisisModelFile>;

export class CrisisModel {
  readonly #danger: LinearModel;
  readonly #kind: LinearModel;
  readonly threshold: number;

  constructor(danger: LinearModel, kind: LinearModel, threshold: number) {
    this.#danger = danger;
    this.#kind = kind;
    this.threshold = threshold;
  }

  static fromFile(file: CrisisModelFile): CrisisModel {
    const linear = (m: CrisisModelFile['danger']): LinearModel => ({ bias: m.bias, weights: new Map(Object.entries(m.weights)) });
    return new CrisisModel(linear(file.danger), linear(file.kind), file.threshold);
  }

  /** How likely the text is a crisis of the writer (0–1). */
  danger(text: string): number {
    return score(this.#danger, featuresOf(text));
  }

  /** `self` or `threat` when the danger score reaches the threshold, else `none`. */
  assess(text: string): 'self' | 'threat' | 'none' {
    const features = featuresOf(text);
    if (score(this.#danger, features) < this.threshold) return 'none';
    return score(this.#kind, features) >= 0.5 ? 'threat' : 'self';
  }
}
