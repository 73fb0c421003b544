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
  // Round 14, a code-blind writer (typos typed at speed, 本周内 / "before the weekend", 1530 hrs, Tagalog bukas).
  { name: 'expressions.dev13', kind: 'expressions', min: 200, accuracy: 0.98 },
  { name: 'lines.dev13', kind: 'lines', min: 60, accuracy: 0.97 },
  // Its blind twin. It had one concrete-but-wrong time on arrival and still has it after the round-14
  // fixes: the ceiling is that measured count, not a loosened rule. It is a blind set, so nobody may
  // look at which item it is to fix it (and this test only counts, never prints, its misses); the
  // next round's dev set has to find the cause.
  { name: 'expressions.holdout13', kind: 'expressions', min: 140, accuracy: 0.96, maxWrong: 1, blind: true },
  { name: 'lines.holdout13', kind: 'lines', min: 45, accuracy: 0.96, blind: true },
  // Round 14, second pass: a code-blind writer's Chinese set (差 after the hour, 这周X that has passed,
  // 个把小时/俩/仨/十来, 下下周X, a count after a date, a part of the day describing the note). No English.
  { name: 'expressions.dev14', kind: 'expressions', min: 250, accuracy: 0.99, locales: ['zh-CN', 'zh-TW'] },
  { name: 'lines.dev14', kind: 'lines', min: 55, accuracy: 0.98, locales: ['zh-CN', 'zh-TW'] },
] as const satisfies readonly {
  name: string;
  kind: 'expressions' | 'lines';
  min: number;
  accuracy: number;
  maxWrong?: number;
  blind?: boolean;
  locales?: readonly string[];
}[];

describe('/promise time reading on labelled sets', () => {
  it.each(SETS)('$name: no concrete-but-wrong time, accuracy ≥ $accuracy', (set) => {
    const { name, kind, min, accuracy } = set;
    const maxWrong = 'maxWrong' in set ? set.maxWrong : 0;
    const result = evaluateTimes(readTimeEvalSet(`${EVAL_DIR}${name}.yaml`), kind);
    console.log(formatTimeEval(name, result));
    const wrong = result.misses.filter((m) => m.kind === 'wrong');
    expect(result.total.n).toBeGreaterThanOrEqual(min);
    if ('blind' in set) expect(wrong.length, 'concrete but wrong times (blind set: counted, never shown)').toBeLessThanOrEqual(maxWrong);
    else expect(wrong, 'concrete but wrong times').toEqual([]);
    expect(result.total.correct / result.total.n).toBeGreaterThanOrEqual(accuracy);
    const locales = 'locales' in set ? set.locales : ['zh-CN', 'zh-TW', 'en'];
    for (const locale of locales) expect(result.byLocale[locale]?.n ?? 0, locale).toBeGreaterThan(0);
  });
});
