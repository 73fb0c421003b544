import { compilePhrase, phraseScore, readTyped, type Phrase } from './phrase-match.js';

/** One feeling's words, from every locale: a zh-CN user may well type English, and the other way round. */
export interface FeelingWords {
  id: string;
  phrases: readonly string[];
}

export type FeelingMatch =
  | { kind: 'feeling'; id: string }
  /** Two or more feelings fit about equally: show the menu, these first. */
  | { kind: 'unsure'; candidates: string[] }
  | { kind: 'none' };

/** The best phrase counts in full; every further phrase of the same feeling adds a little. */
const FURTHER_PHRASE_WEIGHT = 0.3;
/** The winner must beat the runner-up by this factor, else the person chooses. */
const CLEAR_LEAD = 1.25;

/**
 * Picks the feeling closest to a few typed words by the `match` phrases of the calm files.
 * Pure and in memory: it neither keeps nor reports what it was given.
 */
export class FeelingMatcher {
  readonly #feelings: { id: string; phrases: Phrase[] }[];

  constructor(feelings: readonly FeelingWords[]) {
    this.#feelings = feelings.map((f) => ({
      id: f.id,
      phrases: f.phrases.map(compilePhrase).filter((p): p is Phrase => p !== undefined),
    }));
  }

  /** Score of every feeling that fits at all, best first. */
  scores(text: string): { id: string; score: number }[] {
    const typed = readTyped(text);
    const out: { id: string; score: number }[] = [];
    for (const feeling of this.#feelings) {
      const scores = feeling.phrases.map((p) => phraseScore(typed, p)).filter((s) => s > 0).sort((a, b) => b - a);
      if (!scores.length) continue;
      const [best, ...rest] = scores;
      out.push({ id: feeling.id, score: best! + FURTHER_PHRASE_WEIGHT * rest.reduce((sum, s) => sum + s, 0) });
    }
    return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  match(text: string): FeelingMatch {
    const [first, second, ...rest] = this.scores(text);
    if (!first) return { kind: 'none' };
    if (!second || first.score >= second.score * CLEAR_LEAD) return { kind: 'feeling', id: first.id };
    const close = [first, second, ...rest].filter((s) => s.score * CLEAR_LEAD > first.score);
    return { kind: 'unsure', candidates: close.map((s) => s.id) };
  }
}
