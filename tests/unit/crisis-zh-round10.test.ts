import { describe, expect, it } from 'vitest';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';

// Round 10: a carer's thought of taking the person they care for along, the world that does not lack "one of me",
// joining someone who died said in Taiwanese Hokkien. Written for this test in other words, with look-alikes.
const rules = new CrisisDetector({}, null);

describe('Chinese crisis rules, round 10', () => {
  it.each([
    '我妈瘫了三年 我一个人扛 有时候想带她一起死了算了',
    '照顧阿公照顧到快瘋了，常常想帶他一起離開',
    '日子过不下去了，我们俩都解脱吧',
    '這世界本來就不缺我一個',
    '世界上少我一个也没什么',
    '阿母走了兩冬 我想講去佮伊作伙',
    '老伴去世以后，我就想去陪他作伴',
  ])('answers %j as the writer in danger', (text) => {
    expect(rules.assess(text).kind).toBe('self');
  });

  it.each([
    '周末想带我妈一起去公园走走',
    '下班想带孩子一起走回家，顺便买菜',
    '世界那么大，我想去看看',
    '公司不缺我一个，但我还是想把事做好',
    '我們逐工作伙食晝，真歡喜',
  ])('keeps %j ordinary', (text) => {
    expect(rules.assess(text).kind).toBe('none');
  });
});
