import { describe, expect, it } from 'vitest';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { CrisisModel } from '../../src/calm/crisis-model.js';
import { givesTheModelEnough, ownWordsFor } from '../../src/calm/model-evidence.js';

/** A model that says "self" to everything it is shown: what reaches it is exactly what the detector lets through. */
const alarmist = new CrisisModel({ bias: 10, weights: new Map() }, { bias: -10, weights: new Map() }, 0.5);

describe('what the crisis model is asked about', () => {
  it('a bare feeling, platform markup or a mention is not given to the model (the feelings menu answers those)', () => {
    const detector = new CrisisDetector({}, alarmist);
    for (const text of ['我好累', '我真的好累好累', '好难过啊', '@everyone', '*bold* @everyone', '<@U123> <!here>', '@所有人 好累', "I'm so tired", '`test`']) {
      expect(detector.assess(text), text).toEqual({ kind: 'none', rules: [] });
    }
  });

  it('the shipped model does not alarm on them either', () => {
    const detector = new CrisisDetector();
    for (const text of ['我好累', '我真的好累', '@everyone', '*bold* @everyone']) expect(detector.assess(text).kind, text).toBe('none');
  });

  it('more than one word of the person\'s own still reaches the model, short as it is', () => {
    for (const text of ['ㄅ想活了', '想tiao下去', '真的好想嘎掉', '不想活', 'so done with everything', 'very sad today']) {
      expect(givesTheModelEnough(text), text).toBe(true);
    }
    expect(new CrisisDetector({}, alarmist).assess('@everyone 我是不是该走了')).toEqual({ kind: 'self', rules: ['model'] });
  });

  it('counts distinct words of the writer\'s own, without markup, mentions, particles or intensifiers', () => {
    expect(ownWordsFor('我真的好累好累啊')).toBe(1);
    expect(ownWordsFor('好难过啊')).toBe(2);
    expect(ownWordsFor('<@U123> *so* tired')).toBe(2);
    expect(ownWordsFor('想tiao下去')).toBe(5);
  });
});
