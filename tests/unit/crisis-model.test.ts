import { describe, expect, it } from 'vitest';
import { averaged, chooseThreshold, combined, featuresOf, score, thresholdForVenting, train, type Example } from '../../bench/crisis-model.js';

describe('crisis model training (bench/crisis-model.ts)', () => {
  it('reads Traditional as Simplified and spelt-out English contractions alike', () => {
    expect(featuresOf('沒有我他們會輕鬆點')).toEqual(featuresOf('没有我他们会轻松点'));
    expect(featuresOf("I can't do this")).toEqual(featuresOf('i can not do this'));
    expect(featuresOf('我想去死')).toContain('h想去死');
  });

  it('trains the same weights every time (seeded shuffle)', () => {
    const examples = [
      { features: featuresOf('我不想活了'), y: 1 as const },
      { features: featuresOf('累死了 下班'), y: 0 as const },
      { features: featuresOf('i want to end it all'), y: 1 as const },
      { features: featuresOf('this job is killing me lol'), y: 0 as const },
    ];
    const a = train(examples);
    const b = train(examples);
    expect([...a.weights]).toEqual([...b.weights]);
    expect(score(a, featuresOf('真的不想活了'))).toBeGreaterThan(score(a, featuresOf('今天累死了')));
  });

  it('keeps rules+model false alarms within the budget and leaves rule answers alone', () => {
    const row = (label: 'self' | 'none', rules: string) => ({ label, rules, features: [] });
    const scored = [0.9, 0.8, 0.7, 0.6].map((p) => ({ row: row('none', 'none'), p }));
    scored.push(...Array.from({ length: 46 }, () => ({ row: row('none', 'none'), p: 0.1 })));
    // 50 negatives, 4 % = 2 alarms allowed: the two highest negatives reach it, the third does not.
    const t = chooseThreshold(scored, 0.04);
    expect(t).toBeGreaterThan(0.7);
    expect(t).toBeLessThanOrEqual(0.8);
    const never = train([{ features: ['x'], y: 0 }]);
    expect(combined('other', never, never, 0, ['x'])).toBe('other');
  });

  it('chooses the threshold knowing the model is not asked where the rules explained the words away', () => {
    const row = (asksModel: boolean) => ({ label: 'none' as const, rules: 'none', features: [], asksModel });
    // Two hyperbole items the rules explained away score highest, but the shipped check never asks the model about them.
    const scored = [0.95, 0.9].map((p) => ({ row: row(false), p }));
    scored.push(...[0.6, 0.5].map((p) => ({ row: row(true), p })), ...Array.from({ length: 46 }, () => ({ row: row(true), p: 0.1 })));
    const t = chooseThreshold(scored, 0.04);
    expect(t).toBeGreaterThan(0.1);
    expect(t).toBeLessThanOrEqual(0.5);
    const always = train([{ features: ['x'], y: 1 }]);
    expect(combined('none', always, always, 0, ['x'], false)).toBe('none');
    expect(combined('none', always, always, 0, ['x'])).not.toBe('none');
  });

  it('chooses the shipped threshold from the venting the model is asked about, whatever the rules did on the training files', () => {
    const row = (rules: string) => ({ label: 'none' as const, rules, features: [] });
    const venting = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05].map((p) => ({ row: row('none'), p }));
    // 10 % of 10 venting items: one alarm allowed, so the threshold sits above the second highest score.
    const t = thresholdForVenting(venting, 0.1);
    expect(t).toBeGreaterThan(0.8);
    expect(t).toBeLessThanOrEqual(0.9);
    // Everyday items the rules already alarm on, or easy ones in bulk, do not move it (they moved the pooled budget).
    const more = [...venting, ...Array.from({ length: 90 }, () => ({ row: row('self'), p: 0.99 }))];
    expect(thresholdForVenting(more, 0.1)).toBe(t);
    expect(chooseThreshold(more, 0.1)).not.toBe(chooseThreshold(venting, 0.1));
  });

  it('lets an example count more in training (the venting the model is asked about counts twice)', () => {
    const examples = [
      { features: ['a', 'b'], y: 1 as const },
      { features: ['a', 'c'], y: 0 as const },
    ];
    const plain = train(examples);
    const heavier = train([examples[0]!, { ...examples[1]!, weight: 2 }]);
    expect(score(heavier, ['a'])).toBeLessThan(score(plain, ['a']));
  });

  it('averages the steps of the last epochs, so which seed shuffled the examples hardly matters', () => {
    // Overlapping noisy features: plain SGD at this rate ends wherever the last shuffled examples left it.
    const examples: Example[] = Array.from({ length: 120 }, (_, i) => ({
      features: [`f${i % 7}`, `g${i % 11}`, `h${i % 5}`],
      y: (i % 7 < 3) !== (i % 13 === 0) ? 1 : 0,
    }));
    const spread = (averageLast: number) => {
      const scores = [1, 2, 3, 4, 5].map((seed) => score(train(examples, { seed, l2: 0.15, averageLast }), ['f1', 'g2', 'h3']));
      return Math.max(...scores) - Math.min(...scores);
    };
    expect(spread(5)).toBeLessThan(spread(0) / 3);
  });

  it('averages linear models into one whose logit is their mean', () => {
    const a = { bias: 1, weights: new Map([['x', 2]]) };
    const b = { bias: -1, weights: new Map([['y', 4]]) };
    const mean = averaged([a, b]);
    expect(mean.bias).toBe(0);
    expect(Object.fromEntries(mean.weights)).toEqual({ x: 1, y: 2 });
  });
});
