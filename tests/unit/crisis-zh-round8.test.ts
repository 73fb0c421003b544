import { beforeAll, describe, expect, it } from 'vitest';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

// Round 8: the causes behind the misses and false alarms of the Chinese phrasings written for bank, insurance and
// hospital-line staff, Northeastern, Wu and Xiang/Gan Mandarin, older Taiwan staff, input-method slips, night shifts and
// jokes that take intent back (phrasings.zh8.yaml, dev7). The rules are checked alone (no learned model), so the ideas stay
// caught whatever the model is retrained on; the last block checks which messages the model is not asked about.
const rules = new CrisisDetector({}, null);
const kind = (text: string) => rules.assess(text).kind;

describe('Chinese crisis rules, round 8', () => {
  it('reads Wu, Xiang/Gan and Northeastern forms as Mandarin, and their hyperbole as hyperbole', () => {
    expect(kind('侬晓得伐，阿拉是真的勿想活了')).toBe('self');
    expect(kind('困过去勿要醒最好')).toBe('self');
    expect(kind('撑不住哒，想跳河算哒')).toBe('self');
    expect(kind('客人讲晓得我屋里在哪，要来寻我')).toBe('threat');
    expect(kind('今朝忙得来要死，饭也没吃')).toBe('none');
    expect(kind('这屋子埋汰死了，下班再收拾')).toBe('none');
    expect(kind('我寻思下班整点串儿')).toBe('none');
  });

  it('does not hear 寻思, 轻声 or a counted 条 as 寻死, 轻生 or 跳', () => {
    expect(kind('她轻声说了句谢谢')).toBe('none');
    expect(kind('那条江边新开了家烧烤')).toBe('none');
    expect(kind('孩子在家等了我三个晚上')).toBe('none');
    expect(kind('想轻生')).toBe('self');
  });

  it('catches intent laughed off and then taken back with "but" and a height', () => {
    expect(kind('哈哈哈开玩笑的啦 不过天台风景应该挺好的')).toBe('self');
    expect(kind('说笑的，不过楼顶应该挺安静')).toBe('self');
    expect(kind('哈哈开玩笑的，不过天台的咖啡店不错')).toBe('none');
  });

  it('catches one step from the end and a body already past the edge, even with the breeze as the reason', () => {
    expect(kind('站在阳台上想，往前迈一步就解脱了')).toBe('self');
    expect(kind('坐在窗台上，腿伸在外面，吹吹风')).toBe('self');
    expect(kind('我在江边坐了一下午钓鱼')).toBe('none');
  });

  it('catches a passive wish for a slip, a death weighed as money, papers set out for after, a quit life', () => {
    expect(kind('有时候在天桥上想，要是脚一滑就好了')).toBe('self');
    expect(kind('要是我没了，家里还能拿到一笔赔偿')).toBe('self');
    expect(kind('保单和存折都放在抽屉里了，我妹以后会用到')).toBe('self');
    expect(kind('工作想辞，人生也想一起辞掉')).toBe('self');
    expect(kind('没必要再往下活了')).toBe('self');
    expect(kind('先走一步了，大家保重')).toBe('self');
    expect(kind('割了两下 没敢深')).toBe('self');
    expect(kind('去药局买了一大包止痛药，够我吃了')).toBe('self');
  });

  it('reads the writer weighing on someone as still the writer’s wish', () => {
    expect(kind('我只是拖累爸妈，不如早点走')).toBe('self');
  });

  it('reads threats at the writer’s home and in reversed word order', () => {
    expect(kind('那个客户在我家楼下站了一晚上')).toBe('threat');
    expect(kind('家属说要拿热水泼我')).toBe('threat');
    expect(kind('客户说要搞死我')).toBe('threat');
  });

  it('leaves everyday talk ordinary', () => {
    expect(kind('人间不值得，下班吃火锅')).toBe('none');
    expect(kind('做完这个月的报表，终于解脱了')).toBe('none');
    expect(kind('再见了这份破工作，明天开始放假')).toBe('none');
    expect(kind('打死我也不接这个线了')).toBe('none');
    expect(kind('收银机死掉了，我也快死掉了')).toBe('none');
    expect(kind('大夜下班，回家睡死')).toBe('none');
    expect(kind('买了根绳子，搬家要捆纸箱')).toBe('none');
    expect(kind('燃气灶上的煤气忘关了，还好邻居提醒')).toBe('none');
    expect(kind('跟我爸说了对不起，因为昨天跟他吵架')).toBe('none');
    expect(kind('客户拍了我的工牌说要投诉')).toBe('none');
    expect(kind('客户说他弟弟想自杀，我马上转了热线')).not.toBe('threat');
    expect(kind('这台破打印机我真想砍了它')).toBe('none');
    expect(kind('如果我明天没来，就是发烧了')).toBe('none');
    expect(kind('想消失三天，去海边躺着，谁也别找我')).toBe('none');
  });
});

describe('which messages the learned model is asked about', () => {
  let detector: CrisisDetector;
  beforeAll(async () => {
    detector = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files).crisis;
  });
  const asksModel = (text: string) => detector.readByRules(text).asksModel;

  it('does not ask it where the message gives an everyday reason for its words', () => {
    expect(asksModel('存折放抽屉了，明天记得带去办')).toBe(false);
    expect(asksModel('清明回去给爷爷扫墓')).toBe(false);
    expect(asksModel('胳膊上全是蚊子包')).toBe(false);
    expect(asksModel('药都放在孩子够不着的地方了')).toBe(false);
    expect(asksModel('再让我改一次我就把键盘扔出去')).toBe(false);
  });

  it('still asks it about a message with no such reason (or the rules answer it themselves)', () => {
    // Since round 9 the rules read a passbook left where family know (crisis-leaving-signs.zh.ts), so the model is not needed.
    expect(detector.readByRules('存折放抽屉了，我妈知道').finding.kind).toBe('self');
    expect(asksModel('钥匙我留在前台了')).toBe(true);
  });
});
