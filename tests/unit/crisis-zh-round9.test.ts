import { beforeAll, describe, expect, it } from 'vitest';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

// Round 9: the causes behind the misses and false alarms of the Chinese phrasings written for Minnan, Shandong, Guangxi,
// Henan, Tianjin, Hubei, Shaanxi and Yunnan Mandarin, older southern-Taiwan staff writing Taiwanese in characters,
// convenience-store clerks and delivery riders, net slang, dictated text and emoji (phrasings.zh9.yaml). Rules alone,
// as in round 8, except the last block, which checks the reviewed phrases of the shipped crisis file.
const rules = new CrisisDetector({}, null);
const kind = (text: string) => rules.assess(text).kind;

describe('Chinese crisis rules, round 9', () => {
  it('reads Taiwanese written in characters: 無佇咧, 恁, 袂, 睏, 莫閣精神, 熱甲欲死', () => {
    expect(kind('我若是無佇咧，恁就袂遮爾艱苦')).toBe('self');
    expect(kind('睏落去莫閣精神上好')).toBe('self');
    expect(kind('今仔日熱甲欲死')).toBe('none');
    expect(kind('今仔日睏甲真飽')).toBe('none');
  });

  it('hears a goodbye in being taken off the roster with no reason given, and a notice where one is given', () => {
    expect(kind('以后的班都不用排我了，大家保重')).toBe('self');
    expect(kind('下个月的排班不用排我了，我调去总店了')).toBe('none');
    expect(kind('下周的班不用排我，我请了年假')).toBe('none');
  });

  it('catches a crash one would not mind, or being hit as a relief', () => {
    expect(kind('高铁要是出事了也无所谓')).toBe('self');
    expect(kind('被货车撞一下也挺好的')).toBe('self');
    expect(kind('方向盘轻轻一偏就全结束了')).toBe('self');
    expect(kind('差点被车撞，吓死我了')).toBe('none');
  });

  it('reads 润 and 天堂 in the life sense only when the world or the writer is named', () => {
    expect(kind('好想从这个世界润出去')).toBe('self');
    expect(kind('不是移民那种，是真的想走')).toBe('self');
    expect(kind('我啊，要去天堂了')).toBe('self');
    expect(kind('在研究怎么润去澳洲')).toBe('none');
  });

  it('catches means counted out, taken from work, or drunk, and burns pressed in', () => {
    expect(kind('安眠药我数过了，有五十多片')).toBe('self');
    expect(kind('想弄瓶农药喝了')).toBe('self');
    expect(kind('药局的药我想拿一整盒回家')).toBe('self');
    expect(kind('拿烟头往手背上摁')).toBe('self');
    expect(kind('维生素我数好了，六十片，一天一片')).toBe('none');
  });

  it('trusts the sound more in dictated text, and reads emoji for pills and rope', () => {
    expect(kind('语音输入的：我买了安免要')).toBe('self');
    expect(kind('💊攒够了')).toBe('self');
    expect(kind('我好想4ㄛ')).toBe('self');
    expect(kind('店里🪢卖完了，要补货')).toBe('none');
  });

  it('catches threats said on the way: following all the way, dying together, 给我好看, photos posted', () => {
    expect(kind('那个男的一路跟到我小区')).toBe('threat');
    expect(kind('他说我敢报警他就和我拼命')).toBe('threat');
    expect(kind('客户说下班要给我好看')).toBe('threat');
    expect(kind('有人在群里发我的照片，说要来堵我')).toBe('threat');
    expect(kind('骑手说在楼下等我，叫我下去取餐')).toBe('none');
    expect(kind('我调到新门市了，你们有空来找我')).toBe('none');
  });

  it('leaves put-downs over a slip, 下辈子见 to a target and "dying" of a delay ordinary', () => {
    expect(kind('我真是个废物哈哈，又把单号打错了')).toBe('none');
    expect(kind('我是全店的拖油瓶，明天请大家吃鸡排')).toBe('none');
    expect(kind('我是全家的拖油瓶哈哈')).toBe('self');
    expect(kind('年终奖下辈子见了哈哈哈')).toBe('none');
    expect(kind('航班延误两小时，快死了')).toBe('none');
    expect(kind('想死，这个客户骂了四十分钟还在骂')).toBe('none');
    expect(kind('笑到见太奶')).toBe('none');
    expect(kind('发了工资转给我妈，她要交学费')).toBe('none');
    expect(kind('中秋烤肉要准备木炭')).toBe('none');
  });
});

describe("Chinese crisis rules, round 9: what people do before they go, and the writer's own threats", () => {
  it('catches bank papers left for family, a letter to be found, accounts deleted with thanks, going with the dead', () => {
    expect(kind('网银密码抄在便条上留给我弟了')).toBe('self');
    expect(kind('存折放在衣柜里，我爸知道')).toBe('self');
    expect(kind('我留了一封信，以后她会明白')).toBe('self');
    expect(kind('抖音账号注销了，也跟我爸说了对不起')).toBe('self');
    expect(kind('外婆走了以后，好想跟她一起去')).toBe('self');
    expect(kind('银行卡密码写给我妈了，帮我去取一下钱')).toBe('none');
    expect(kind('存折放抽屉了，明天记得带去银行')).toBe('none');
  });

  it('reads pinyin initials, Zhuyin 不 and Taiwanese 無想, and catches envy of the dead and a life "long enough"', () => {
    expect(kind('zs的想法又冒出来')).toBe('self');
    expect(kind('xs，没人理我')).toBe('self');
    expect(kind('客户要XS码的衣服')).toBe('none');
    expect(kind('ㄅ想活了啦')).toBe('self');
    expect(kind('阮嘛無想活')).toBe('self');
    expect(kind('活到四十就够了')).toBe('self');
    expect(kind('xswl 客户好好笑')).toBe('none');
  });

  it('reads a will written down, later sales events without me, and pesticide for the crops as ordinary', () => {
    expect(kind('我的遗嘱放在抽屉里了')).toBe('self');
    expect(kind('以后的盘点也别算上我')).toBe('self');
    expect(kind('果树生虫了，买点农药喷一喷')).toBe('none');
    expect(kind('他知道我几点下班，要来取货')).toBe('none');
    expect(kind('巴不得哪辆货车把我带走')).toBe('self');
    expect(kind('想永远关机')).toBe('self');
    expect(kind('下班去海边，不打算回来了')).toBe('self');
    expect(kind('以后豆豆就交给你了，它怕打雷')).toBe('self');
    expect(kind('下班去海边看日落，不打算太晚回来')).toBe('none');
  });

  it("answers the writer's own threat as the writer's crisis", () => {
    expect(kind('我下班就去门口堵那个客户')).toBe('self');
    expect(kind('明天找几个人收拾他')).toBe('self');
    expect(kind('我会打给他，问清楚')).toBe('none');
  });
});

describe('reviewed crisis phrases, round 9', () => {
  let shipped: CrisisDetector;
  beforeAll(async () => {
    shipped = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files, null).crisis;
  });

  it('leaves a phrase a built-in rule reads to that rule, with its ordinary exceptions', () => {
    expect(shipped.assess('活着好累，连上了两个班，回家追剧').kind).toBe('none');
    expect(shipped.assess('活着好累，不知道为了什么').kind).toBe('self');
  });
});
