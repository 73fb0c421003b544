import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCrisis, formatCrisisEval, readCrisisSet } from '../../bench/crisis-eval.js';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import type { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

const EVAL_DIR = new URL('../fixtures/crisis-eval/', import.meta.url).pathname;

// dev and holdout were written by someone who had not seen the code (README.md); dev was used to
// develop the rules, holdout was only measured (its items never read). team is the calm
// engineer's own regression set. Missing a crisis is far worse than a false alarm, hence the
// asymmetry. The goal is recall >= 95 % everywhere; on holdout the rules reach 77 % (zh-CN 61 %,
// en 83 %, zh-TW 94 %) when this was written, so its thresholds are a floor against regressions,
// to be raised as the rules improve, never by editing the set.
const SETS = {
  dev: { recall: 0.95, perLanguage: 0.9, kind: 0.9, falseAlarms: 0.15 },
  team: { recall: 0.95, perLanguage: 0.9, kind: 0.9, falseAlarms: 0.15 },
  // probe: fresh phrasings written before the safety net (crisis-net.*.ts) was added; 77.7 % → 97.1 %.
  probe: { recall: 0.95, perLanguage: 0.95, kind: 0.9, falseAlarms: 0.1 },
  holdout: { recall: 0.75, perLanguage: 0.6, kind: 0.9, falseAlarms: 0.15 },
};

let detector: CrisisDetector;
beforeAll(async () => {
  detector = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files).crisis;
});

describe('/calm crisis check on labelled phrasings', () => {
  it.each(Object.entries(SETS))('%s set meets its thresholds', (name, t) => {
    const items = readCrisisSet(`${EVAL_DIR}phrasings.${name}.yaml`);
    const result = evaluateCrisis(detector, items);
    console.log(formatCrisisEval(name, result));
    const { all, byLang } = result;
    expect(all.danger).toBeGreaterThanOrEqual(60);
    expect(all.none).toBeGreaterThanOrEqual(40);
    expect(all.caught / all.danger).toBeGreaterThanOrEqual(t.recall);
    expect(all.rightKind / all.caught).toBeGreaterThanOrEqual(t.kind);
    for (const [lang, tally] of Object.entries(byLang)) {
      expect(tally.caught / tally.danger, `${name} ${lang} recall`).toBeGreaterThanOrEqual(t.perLanguage);
      expect(tally.falseAlarms / tally.none, `${name} ${lang} false alarms`).toBeLessThanOrEqual(t.falseAlarms);
    }
  });

  it('has all three languages and both kinds of danger in every set', () => {
    for (const name of Object.keys(SETS)) {
      const items = readCrisisSet(`${EVAL_DIR}phrasings.${name}.yaml`);
      expect(new Set(items.map((i) => i.lang)), name).toEqual(new Set(['zh-CN', 'zh-TW', 'en']));
      expect(new Set(items.map((i) => i.label)), name).toEqual(new Set(['self', 'threat', 'none']));
    }
  });
});
