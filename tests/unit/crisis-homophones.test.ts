import { describe, expect, it } from 'vitest';
import { repairHomophones } from '../../src/calm/crisis-homophones.js';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';

describe('crisis check: input-method slips', () => {
  it('reads a slip of a key phrase as the phrase', () => {
    expect(repairHomophones('真的撑不下区了')).toBe('真的撑不下去了');
    expect(repairHomophones('一了白了算了')).toBe('一了百了算了');
    expect(repairHomophones('想洁束这一切')).toBe('想结束这一切');
    // Fuzzy pinyin (shen/sheng) only for longer phrases.
    expect(repairHomophones('最近总有轻身的念头')).toBe('最近总有轻生的念头');
  });

  it('leaves ordinary words that only sound alike', () => {
    for (const text of ['我想四川的火锅了', '他轻声说了一句', '我寻思着明天去', '价格上调了', '过了段时间再说', '两者很相似']) {
      expect(repairHomophones(text)).toBe(text);
    }
  });

  it('flags the slip but not the same sounds about a caller or a number', () => {
    const detector = new CrisisDetector();
    expect(detector.assess('安眠要我已经买好了').kind).toBe('self');
    expect(detector.assess('zhen de cheng bu xia qu le').kind).toBe('self');
    expect(detector.assess('同事最近状态不太好，老说不想活了，我有点担心他').kind).not.toBe('self');
    expect(detector.assess('我想四点下班').kind).toBe('none');
  });
});

describe('crisis check: who it is about', () => {
  const detector = new CrisisDetector();
  it('takes the feeling after being scolded by a customer as the writer’s', () => {
    expect(detector.assess('被客户骂了一天，真想死').kind).toBe('self');
    expect(detector.assess('客人罵我罵了半小時，好想消失').kind).toBe('self');
    expect(detector.assess('got screamed at by a customer for 20 mins, want to disappear forever').kind).toBe('self');
  });
  it('keeps a caller’s words about themselves as the caller’s', () => {
    expect(detector.assess('客户跟我说他不想活了').kind).toBe('other');
    expect(detector.assess('caller said he was going to kill himself, i have escalated').kind).toBe('other');
    expect(detector.assess('客户骂我让我去死，太过分了').kind).toBe('none');
  });
});
