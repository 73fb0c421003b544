import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { CrisisModel, CrisisModelFile, featuresOf } from '../../src/calm/crisis-model.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { shippedCrisisModel, shippedCrisisModelPath } from '../../src/calm/shipped-crisis-model.js';
import { actionsOf, calmBot, type CalmBot } from '../helpers/calm-bot.js';
import { SHIPPED_KNOWLEDGE, textOf } from '../helpers/router.js';

/** A hand-made model that sees danger in "garden" (and a threat in "parking") and nothing else. */
function gardenModel(): CrisisModel {
  const danger = { bias: -4, weights: new Map([['wgarden', 100], ['wparking', 100]]) };
  const kind = { bias: -4, weights: new Map([['wparking', 100]]) };
  return new CrisisModel(danger, kind, 0.5);
}

describe('crisis check: the learned second opinion behind the rules', () => {
  it('is asked only when the rules find nothing, and its finding says it came from the model', () => {
    const detector = new CrisisDetector({}, gardenModel());
    expect(detector.assess('I will go sit in the garden').kind).toBe('self');
    expect(detector.assess('I will go sit in the garden').rules).toEqual(['model']);
    expect(detector.assess('he is in the parking lot again').kind).toBe('threat');
    // A rule hit keeps the rules' answer and ids, whatever the model would say.
    const ruled = detector.assess('I want to kill myself in the garden');
    expect(ruled.kind).toBe('self');
    expect(ruled.rules).not.toContain('model');
    // A caller at risk stays the rules' `other`: the model never turns it into the writer's crisis.
    expect(detector.assess('the caller said he was going to kill himself in the garden').kind).toBe('other');
    expect(detector.assess('so tired today').kind).toBe('none');
    expect(detector.assess('   ').kind).toBe('none');
  });

  it('is not asked where the rules explained the words away (hyperbole, a negation, a laugh, an excluded context)', () => {
    const detector = new CrisisDetector({}, gardenModel());
    expect(detector.assess('I want to die of embarrassment in the garden').kind).toBe('none');
    expect(detector.assess("I'm not suicidal, just tired of the garden").kind).toBe('none');
    expect(detector.assess('kms i forgot to water the garden lol').kind).toBe('none');
    expect(detector.assess('🪦 rip my garden').kind).toBe('none');
    // Said in earnest, the hyperbole is read literally and the rules answer themselves.
    expect(detector.assess('kms in the garden, not even joking').kind).toBe('self');
  });

  it('is not asked about a message that is only a /calm menu word, however it is typed', () => {
    const detector = new CrisisDetector({ menu: ['garden blues', '花园好累'] }, gardenModel());
    expect(detector.assess('Garden blues!!').kind).toBe('none');
    expect(detector.assess('  garden   blues ').kind).toBe('none');
    // Only the whole message: more words around a menu word are weighed as usual.
    expect(detector.assess('garden blues, I will go sit in the garden tonight').kind).toBe('self');
    expect(detector.readByRules('花園好累').asksModel).toBe(false);
  });

  it('between its check-in threshold and its threshold is unsure: no crisis, a safety question with the answer', () => {
    // Bias 0 and no weights: every text the model is asked about scores 0.5.
    const flat = (checkIn: number) => new CrisisModel({ bias: 0, weights: new Map() }, { bias: 0, weights: new Map() }, 0.6, checkIn);
    expect(flat(0.4).assess('I will go sit in the garden')).toEqual({ verdict: 'unsure', sure: false });
    expect(flat(0.55).assess('I will go sit in the garden')).toEqual({ verdict: 'none', sure: false });
    expect(new CrisisDetector({}, flat(0.4)).assess('I will go sit in the garden')).toEqual({ kind: 'none', rules: [], checkIn: true });
    // Not where the model is not asked: a rule hit, words explained away, too few words, a menu word.
    expect(new CrisisDetector({}, flat(0.4)).assess('I want to kill myself').kind).toBe('self');
    expect(new CrisisDetector({}, flat(0.4)).assess('kms i forgot to water the garden lol').checkIn).toBeUndefined();
    expect(new CrisisDetector({}, flat(0.4)).assess('so tired').checkIn).toBeUndefined();
    expect(new CrisisDetector({ menu: ['garden blues'] }, flat(0.4)).assess('garden blues').checkIn).toBeUndefined();
    // Where the rules explained the words away, a score that would have raised the alarm asks the question instead.
    const alarmed = new CrisisModel({ bias: 0.85, weights: new Map() }, { bias: -5, weights: new Map() }, 0.6, 0.4);
    expect(new CrisisDetector({}, alarmed).assess('kms i forgot to water the garden lol')).toEqual({ kind: 'none', rules: [], checkIn: true });
    expect(new CrisisDetector({}, flat(0.4)).assess('I want to die of embarrassment in the garden').checkIn).toBeUndefined();
    // From its overrule threshold up, the model's alarm stands even there (round 13): a laugh after a real plan.
    const sure = (overrule: number) => new CrisisModel({ bias: 0.85, weights: new Map() }, { bias: -5, weights: new Map() }, 0.6, 0.4, overrule);
    expect(sure(0.65).assess('kms i forgot to water the garden lol')).toEqual({ verdict: 'self', sure: true });
    expect(new CrisisDetector({}, sure(0.65)).assess('kms i forgot to water the garden lol')).toEqual({ kind: 'self', rules: ['model'] });
    expect(new CrisisDetector({}, sure(0.75)).assess('kms i forgot to water the garden lol')).toEqual({ kind: 'none', rules: [], checkIn: true });
    // The kind threshold (round 14: 0.4 in the shipped file, KIND_FROM): a kind score of 0.45 is a threat there, self at 0.5.
    const kindAt = (kindThreshold?: number) =>
      new CrisisModel({ bias: 0.85, weights: new Map() }, { bias: -0.2, weights: new Map() }, 0.6, 0.4, Infinity, kindThreshold);
    expect(kindAt(0.4).assess('he said he would wait for me').verdict).toBe('threat');
    expect(kindAt().assess('he said he would wait for me').verdict).toBe('self');
    // A plain negation is never overruled, however sure the model (round 14): the person said what they meant.
    expect(new CrisisDetector({}, sure(0.65)).assess("i'm not suicidal, just tired of this queue")).toEqual({ kind: 'none', rules: [], checkIn: true });
    expect(new CrisisDetector({}, sure(0.65)).assess('我没想自杀，只是太累了')).toEqual({ kind: 'none', rules: [], checkIn: true });
    // An overrule threshold under the alarm threshold is raised to it: only an alarm can stand.
    expect(sure(0.1).overruleThreshold).toBe(0.6);
    // A file without a check-in threshold has no such band.
    expect(new CrisisModel({ bias: 0, weights: new Map() }, { bias: 0, weights: new Map() }, 0.6).checkInThreshold).toBe(0.6);
  });

  it('can be left out (rules alone), and is the shipped one by default', () => {
    expect(new CrisisDetector({}, null).assess('I will go sit in the garden').kind).toBe('none');
    const detector = new CrisisDetector({}, gardenModel());
    expect(detector.assessByRules('I will go sit in the garden').kind).toBe('none');
    expect(shippedCrisisModel()).toBe(shippedCrisisModel());
  });

  it('loads the model on first need, not when the detector is built', () => {
    let loads = 0;
    const detector = new CrisisDetector({}, () => (loads++, gardenModel()));
    expect(loads).toBe(0);
    expect(detector.assess('I want to kill myself').kind).toBe('self');
    expect(loads).toBe(0);
    expect(detector.assess('I will go sit in the garden').kind).toBe('self');
    expect(detector.assess('he is in the parking lot again').kind).toBe('threat');
    expect(loads).toBe(1);
  });

  it('reads text the way the rules do: Traditional as Simplified, contractions spelled out', () => {
    expect(featuresOf('不想活著')).toEqual(featuresOf('不想活着'));
    expect(featuresOf("I don't")).toContain('bdo not');
  });

  it('ships a small weights file with a threshold chosen for a stated false-alarm budget', () => {
    // 2.4 MB in round 14 (11,100 training items), 2.49 MB in round 15 (15,400): the next data round needs a higher pruning
    // floor or a larger allowance. Its memory is in `npm run bench` (idle RSS, crisis check; the weights load on the first /calm).
    expect(statSync(shippedCrisisModelPath()).size).toBeLessThan(2.5 * 1024 * 1024);
    const model = shippedCrisisModel();
    // The everyday items the model is asked about count twice in training, so its scores sit lower than a plain fit's.
    expect(model.threshold).toBeGreaterThan(0.3);
    expect(model.threshold).toBeLessThan(1);
    const about = CrisisModelFile.parse(JSON.parse(readFileSync(shippedCrisisModelPath(), 'utf8'))).about;
    expect(about.threshold).toMatch(/<= \d+ % of the everyday items it is asked about/);
    expect(model.checkInThreshold).toBeGreaterThan(0.3);
    expect(model.checkInThreshold).toBeLessThan(model.threshold);
    expect(model.kindThreshold).toBe(0.4);
    expect(model.overruleThreshold).toBeGreaterThan(model.threshold);
    expect(model.overruleThreshold).toBeLessThan(1);
  });

  it("never takes the /calm menu's own feeling words for a crisis", async () => {
    const files = (await loadCalmFiles(SHIPPED_KNOWLEDGE)).files;
    const detector = CalmLibrary.build(files).crisis;
    const phrases = files.feelings.flatMap((f) => [f.value.label, ...f.value.match]);
    expect(phrases.length).toBeGreaterThan(100);
    expect(phrases.filter((p) => detector.test(p))).toEqual([]);
  });
});

// Written for this test from how people talk, not taken from an evaluation set; no rule names them today.
const ONLY_THE_MODEL_SEES = ['I keep thinking the world would be quieter with me gone', '最近老是想象自己躺在棺材里的样子'];

// Written for this test: heavy, vague, no danger words; the shipped model is unsure about some of them.
const HEAVY_BUT_VAGUE = [
  'everything feels heavy and far away lately',
  'i feel numb and far from everyone these days',
  '这几天脑子里一直很空，像隔着一层玻璃',
  '下班回家就躺着，什么都不想管了',
];

describe('/calm when the model answers', () => {
  let bot: CalmBot;
  let library: CalmLibrary;
  beforeAll(async () => {
    bot = await calmBot({ supportContact: 'EAP 400-000-0000', leadIds: ['ULEAD1'] });
    library = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files);
  });
  afterAll(async () => {
    await bot.close();
  });

  it.each(ONLY_THE_MODEL_SEES)('answers %j with the same safe reply as a rule hit', async (text) => {
    expect(library.crisis.assessByRules(text).kind).toBe('none');
    expect(library.crisis.assess(text)).toEqual({ kind: 'self', rules: ['model'] });
    const locale = /[a-z]/i.test(text) ? 'en' : 'zh-CN';
    const byModel = await bot.ask(text, { locale });
    const byRule = await bot.ask(locale === 'en' ? 'I want to kill myself' : '我想死', { locale });
    expect(byModel.title).toBe(byRule.title);
    expect(textOf(byModel)).toBe(textOf(byRule));
    expect(actionsOf(byModel).map((a) => a.id)).toEqual(['checkin']);
  });

  it('asks plainly about safety, offers the lead, and still gives what was asked for', async () => {
    const unsure = HEAVY_BUT_VAGUE.filter((t) => library.crisis.assess(t).checkIn);
    expect(unsure.length).toBeGreaterThan(0);
    for (const text of unsure) {
      const locale = /[a-z]/i.test(text) ? 'en' : 'zh-CN';
      const reply = await bot.ask(text, { locale });
      const crisisTitle = (await bot.ask(locale === 'en' ? 'I want to kill myself' : '我想死', { locale })).title;
      expect(reply.title).not.toBe(crisisTitle);
      expect(reply.blocks[0]).toMatchObject({ type: 'text', text: expect.stringMatching(locale === 'en' ? /ending your life/ : /结束生命/) });
      expect(textOf(reply)).toContain('EAP 400-000-0000');
      const ids = actionsOf(reply).map((a) => a.id);
      expect(ids[0]).toBe('checkin');
      // The feelings answer follows: a feeling's buttons or the menu.
      expect(ids.length).toBeGreaterThan(1);
    }
  });
});

