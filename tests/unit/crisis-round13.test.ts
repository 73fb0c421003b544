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
    'customer looked at my car keys and said nice little fiesta, shame if something happened to it',
    'the man who shouted at me said see you at closing when you lock up love',
    'said he will be back next week with his brothers and we will see if you are still smiling',
    'my ex has my rota pattern somehow, how does he know that',
    'the man from this morning waited by the door and said told you i would find you',
    'a stranger messaged me: see you at the bus stop, bring a helmet',
    'he threw the phone at me and said next time it will be boiling water',
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
    'when the tram pulls in i keep picturing stepping off the edge',
    'if my car went off the bridge on the way home nobody would question it',
    'spent my break picking songs for my funeral',
    'banged my head on the door until my hands were bleeding from holding it',
    'wish i had the nerve to end it',
    'pulled my belt tight around my neck for a minute, just to see',
    'i have a bag of my mums old tablets in my locker',
    'sat in the kitchen holding the knife for ages after my shift',
    'the tablets are in my coat. all of them',
    'part of me wants to let go and stay under',
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
    '小孩拿着笔一直戳我手背 可爱死了',
    '楼下新开的奶茶店香死了',
    '打疫苗 在手臂上扎了一针',
    '客户骂我怎么不去死 真没素质',
    '他说要投诉让我好看 随便他',
    'nice car, shame if it rains on the paintwork',
    'she said see you at 6 when you finish, drinks at the usual place',
    'i keep thinking about stepping off this project, it is a mess',
    'finally had the guts to finish it, the marathon i mean',
    'pulled my hoodie tight around my neck, freezing at the bus stop',
    'i will find you a seat near the front',
    'the kids need to bring a helmet for bike day tomorrow',
    'hide and seek with my son, i told him i will find you',
    'i would rather jump off a bridge than do another audit',
    'got a plan and a date for my resignation, letter is ready',
    'you should watch it, the new series is great',
    'she was standing in the doorway chatting to the manager',
    'the old lady grabbed my arm to steady herself',
    'be a shame if you drive all that way and the shop is closed',
    'customer reached through the window to hand me his card',
    'i keep thinking about walking out of this job',
    'hit my head on the cupboard after the call, ouch',
    'took my meds, all of them, like the doctor said',
    '同事拿出水果刀切西瓜',
    '我妈打电话来说我今天穿太少',
  ])('keeps %j ordinary', (text) => {
    expect(rules.assess(text).kind).toBe('none');
  });
});
