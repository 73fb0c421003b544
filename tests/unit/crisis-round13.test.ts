import { describe, expect, it } from 'vitest';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';

// Round 13: menace that names no harm, hurting oneself told through the tool and the mark, and being told to die and
// weighing it, from the concepts three fresh writers used (dev10–dev12). Written for this test in other words, with
// look-alikes that must stay ordinary.
const rules = new CrisisDetector({}, null);

describe('crisis rules, round 13', () => {
  it.each([
    'the man at the returns desk leaned in and said you better watch yourself walking to the bus tonight',
    'he told me to watch my back from now on',
    "caller's last words before hanging up: i know where you park",
    'an old lady in the queue said i know you live above the chemist, wasnt even a question',
    'kid in the queue ran his finger across his throat at me when i said no',
    'he made a gun gesture with his hand through the window',
    'the tenant stood in the doorway and would not move till i signed it',
    'he grabbed me by the lanyard across the counter',
    'how did this guy get my personal number, i never gave it to anyone',
    'some hidden number rings the branch and only breathes, then whispers my name',
    'said he would climb over the counter and make me regret it',
    '他跟我说他就在我们银行对面的咖啡馆坐着，一直看着我',
    '那个号码又打来了，不说话，最后说了句你今天扎的马尾挺好看',
    '他说我要是敢报警 就让我横着出去',
    '那人从包里掏出一把水果刀放在台面上',
    '主管说要让我下班好看，当着全组的面',
  ])('answers %j as a threat to the writer', (text) => {
    expect(rules.assess(text).kind).toBe('threat');
  });

  it.each([
    '下班回家拿刀片在手臂上划了好几道 才觉得能呼吸',
    '躲在厕所用烟头烫了一下手背',
    '被骂完 用圆规一直扎手 扎到流血',
    '晚上对着墙一直捶 捶到手都肿了',
    '客人骂我怎么不去死 说真的 我想过',
    'a customer told me to go die today and honestly i have been thinking about it since',
  ])('answers %j as the writer in danger', (text) => {
    expect(rules.assess(text).kind).toBe('self');
  });

  it.each([
    'watch your step, the floor by the fridges is wet',
    'i know you live on the edge lol, two coffees before 9',
    'the customer made me regret taking this shift',
    'she told me she never gave her number to the courier',
    'i never told my mum where i work, she thinks i am at the bank',
    '腿上的蚊子包一直抓 抓到流血 好痒',
    '猫在我手臂上划了两道',
    '客人在门口的奶茶店排队 队伍好长',
    '小孩拿着笔一直戳我手背 烦',
    '打疫苗 在手臂上扎了一针',
    '客户骂我怎么不去死 真没素质',
    '他说要投诉让我好看 随便他',
  ])('keeps %j ordinary', (text) => {
    expect(rules.assess(text).kind).toBe('none');
  });
});
