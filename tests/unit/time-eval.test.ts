import { describe, expect, it } from 'vitest';
import { evaluateTimes, formatTimeEval, readTimeEvalSet } from '../../bench/time-eval.js';

const EVAL_DIR = new URL('../fixtures/time-eval/', import.meta.url).pathname;

// Written by someone who had not seen the parser, from how agents talk (tests/fixtures/time-eval/README.md).
// The dev sets were used to tune the rules; the holdout sets never were, so their figures say how the
// rules do on phrasings nobody on the team has seen. A concrete but wrong time is never acceptable:
// refusing (with a hint) costs the agent a retype, a wrong time costs the customer a broken promise.
const SETS = [
  { name: 'expressions.dev', kind: 'expressions', min: 300, accuracy: 0.98 },
  { name: 'lines.dev', kind: 'lines', min: 70, accuracy: 0.98 },
  // Round 8, written before reading the parser (first thing, lunch, a past day, within the hour / a week, UK "half 3").
  { name: 'expressions.dev8', kind: 'expressions', min: 200, accuracy: 0.98 },
  { name: 'lines.dev8', kind: 'lines', min: 45, accuracy: 0.98 },
  { name: 'expressions.holdout', kind: 'expressions', min: 50, accuracy: 0.85 },
  { name: 'lines.holdout', kind: 'lines', min: 20, accuracy: 0.85 },
] as const;

describe('/promise time reading on labelled sets', () => {
  it.each(SETS)('$name: no concrete-but-wrong time, accuracy ≥ $accuracy', ({ name, kind, min, accuracy }) => {
    const result = evaluateTimes(readTimeEvalSet(`${EVAL_DIR}${name}.yaml`), kind);
    console.log(formatTimeEval(name, result));
    const wrong = result.misses.filter((m) => m.kind === 'wrong');
    expect(result.total.n).toBeGreaterThanOrEqual(min);
    expect(wrong, 'concrete but wrong times').toEqual([]);
    expect(result.total.correct / result.total.n).toBeGreaterThanOrEqual(accuracy);
    for (const locale of ['zh-CN', 'zh-TW', 'en']) expect(result.byLocale[locale]?.n ?? 0, locale).toBeGreaterThan(0);
  });
});
