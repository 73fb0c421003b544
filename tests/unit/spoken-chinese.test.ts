import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { asScriptPeople } from '../../src/text/service-line-words.js';
import { asStandardMandarin } from '../../src/text/spoken-chinese.js';
import { normalizeText } from '../../src/text/tokenize.js';
import { loadBase } from '../helpers/router.js';

const standard = (text: string) => asStandardMandarin(normalizeText(text));

describe('regional spoken Chinese read as standard Mandarin', () => {
  it('reads Cantonese function words, pronouns and verbs, typed in Simplified or Traditional', () => {
    expect(standard('佢话部手机冇信号')).toBe('他说部手机没信号');
    expect(standard('佢話部手機冇信號')).toBe('他说部手机没信号');
    expect(standard('點解扣咗我哋嘅錢')).toBe('为什么扣了我们的钱');
    expect(standard('個客一直鬧我')).toBe('个客户一直骂我');
    expect(standard('佢係咪呃人')).toBe('他是不是骗人');
    expect(standard('流量用晒仲未到月底')).toBe('流量用完还没到月底');
    expect(standard('我点同佢讲')).toBe('我怎么同他讲');
    expect(standard('屋企冇格')).toBe('家没信号');
    expect(standard('网上增值咗冇到账')).toBe('网上充值了没到账');
    expect(standard('嗰個客講粗口喎')).toBe('那个客户骂脏话');
    expect(standard('佢上台嗰阵月费98蚊')).toBe('他签合约那阵月租98块');
  });

  it('reads Sichuan wording', () => {
    expect(standard('咋个回事流量莫得了')).toBe('怎么回事流量没有了');
    expect(standard('搞啥子嘛话费扣了恁个多')).toBe('干什么嘛话费扣了这么多');
    expect(standard('我也不晓得咋整')).toBe('我也不知道怎么办');
    expect(standard('信号好撇你们假打')).toBe('信号差你们骗人');
  });

  it('drops a degree word before how something is, and leaves the same characters in words', () => {
    expect(standard('网速很慢')).toBe('网速慢');
    expect(standard('話費太貴了')).toBe('话费贵了');
    expect(standard('信号非常差')).toBe('信号差');
    for (const kept of ['超出流量', '好的谢谢', '太太打来的', '很烦', '上网好卡']) expect(standard(kept), kept).toBe(kept);
  });

  it('reads north-eastern wording', () => {
    expect(standard('咱们忽悠人')).toBe('我们骗人');
    expect(standard('用不了那老些')).toBe('用不了那么多');
  });

  it('reads Henan and Shandong wording, and drops net slang and pinyin initials around the situation', () => {
    expect(standard('俺也不知道咋弄')).toBe('我也不知道怎么办');
    expect(standard('俺们这弄啥嘞')).toBe('我们这干什么');
    expect(standard('客户说免费体验完就扣钱 无语子')).toBe('客户说免费体验完就扣钱 无语');
    expect(standard('xswl客户说我们偷他流量').trim()).toBe('客户说我们偷他流量');
    // Only whole initials: an English word that contains them is left alone.
    expect(standard('客户说 tqlabc')).toBe('客户说 tqlabc');
  });

  it('leaves Mandarin words that share a character alone', () => {
    for (const text of ['系统故障', '跟客户联系', '电话打不通', '话费余额', '下午三点回电', '快点回复', '客户说话很冲', '客服态度差', '他撒谎', '这点跟客户解释', '重点回顾', '讲台上台阶', '数据中心', '增值业务', '增值服务费', '听不懂人话', '你说人话']) {
      expect(standard(text)).toBe(normalizeText(text));
    }
  });
});

describe('other service lines read as the scripts name their people', () => {
  it('reads patients, relatives and passengers as customers, nurses and cabin crew as staff', () => {
    expect(asScriptPeople('患者家属骂护士')).toBe('客户骂员工');
    expect(asScriptPeople('乘客说列车员态度差')).toBe('客户说员工态度差');
  });
});

describe('search finds the case from regional wording', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadBase();
  });
  const top = (q: string) => kb.search(q, 3)[0]?.id;

  it('Cantonese', () => {
    expect(top('点解我个快递仲未到')).toBe('parcel-delayed');
    expect(top('宽带搬屋冇资源点算')).toBe('broadband-relocation-no-capacity');
  });

  it('Cantonese sentences with a scolding, a cable, a late reply', () => {
    expect(top('个客一直闹我讲粗口点算')).toBe('angry-abusive-customer');
    expect(top('条线跌咗落嚟整伤咗个阿伯')).toBe('cable-injury-liability');
    expect(top('佢话上个礼拜投诉咗到而家都冇人覆佢')).toBe('late-follow-up');
  });

  it('hospital and airline lines', () => {
    expect(top('患者家属在分诊台大吵大闹骂护士')).toBe('angry-abusive-customer');
    expect(top('旅客在值机柜台拿手机拍我们的地勤')).toBe('customer-recording-in-store');
  });

  it('Sichuan', () => {
    expect(top('咋个充了话费莫得到账')).toBe('top-up-not-credited');
  });
});
