import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { toTraditional } from '../../src/text/chinese-script.js';
import { s2tw, s2twp } from '../../src/text/simplified-to-traditional.js';
import { mistranslationsIn, taiwanGlossary } from '../../src/text/taiwan-glossary.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

/** Every line of every shipped zh-CN knowledge file. */
function zhCNLines(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, name.name);
      if (name.isDirectory()) walk(full);
      else if (/(zh-CN|categories)\.yaml$/.test(name.name)) files.push(full);
    }
  };
  walk(SHIPPED_KNOWLEDGE);
  return files.flatMap((f) => readFileSync(f, 'utf8').split('\n'));
}

describe('the light Simplified → Traditional converter', () => {
  it('gives exactly what opencc-js gives with its full dictionaries, on every knowledge line', () => {
    const fullTwp = OpenCC.Converter({ from: 'cn', to: 'twp' });
    const fullTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const lines = zhCNLines();
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines.filter((l) => s2twp(l) !== fullTwp(l))).toEqual([]);
    expect(lines.filter((l) => s2tw(l) !== fullTw(l))).toEqual([]);
  });
});

describe('zh-TW is localised, not only converted', () => {
  it.each([
    ['超出坐席或班长权限', '超出客服人員或組長權限'],
    ['提交后台审核', '提交後台審核'],
    ['短信被暂停的原因类型', '簡訊被暫停的原因類型'],
    ['感谢您一直以来的支持', '感謝您一直以來的支持'],
    ['开通手机支持的4G通话', '開通手機支援的4G通話'],
    ['是文件还是物品', '是文件還是物品'],
    ['关闭数据期间仍有流量', '關閉數據期間仍有流量'],
    ['换一个套餐', '換一個資費方案'],
    ['去营业厅办理', '去門市辦理'],
    ['购机渠道', '購機通路'],
    ['宽带账号', '寬頻帳號'],
    ['光猫押金', '光纖數據機押金'],
    ['赠品的质量', '贈品的品質'],
    ['合同写了的', '合約寫了的'],
    ['他说“不行”', '他說「不行」'],
    ['你去找他们领导吧', '你去找他們主管吧'],
    ['协议是你自己签的', '協議是你自己簽的'],
    ['签之前你应该看清楚', '簽之前你應該看清楚'],
    ['被标记的标签', '被標記的標籤'],
    ['已补扣的保底费用', '已補扣的保底費用'],
    ['同一小区多户', '同一社區多戶'],
    ['现有积分和权益', '現有紅利點數和權益'],
    ['嗓子和腰背是你干活的家伙', '嗓子和腰背是你工作的本錢'],
    ['请马上联系保安或报警', '請馬上聯絡保全或報警'],
    // OpenCC reads 是只 / 有只 as a measure word (一隻貓): 又不是隻有我們漲.
    ['又不是只有我们涨', '又不是只有我們漲'],
    ['也有只是为了留证据', '也有只是為了留證據'],
    ['可能是只晚了几分钟', '可能是只晚了幾分鐘'],
  ])('%s → %s', (cn, tw) => expect(toTraditional(cn)).toBe(tw));

  it('converts law titles character by character: a title is a name', () => {
    expect(toTraditional('涉及《个人信息保护法》')).toBe('涉及《個人信息保護法》');
    expect(toTraditional('《通信短信息服务管理规定》和《产品质量法》')).toBe('《通信短信息服務管理規定》和《產品質量法》');
    expect(toTraditional('客户的个人信息')).toBe('客戶的個人資料');
  });

  it('the glossary is valid and every term is applied as written', () => {
    const glossary = taiwanGlossary();
    expect(glossary.terms.length).toBeGreaterThan(40);
    for (const term of glossary.terms) expect(toTraditional(term.mainland), term.mainland).toBe(term.taiwan);
  });

  it('no zh-TW rendering of the shipped knowledge has a known mistranslation', () => {
    const found = zhCNLines().flatMap((line) => mistranslationsIn(toTraditional(line)).map((m) => `${m.text} in ${toTraditional(line).trim()}`));
    expect(found).toEqual([]);
  });
});

describe('the Simplified-only reverse check', () => {
  it('finds Simplified characters and leaves shared ones', async () => {
    const { simplifiedOnlyCharacters } = await import('../../src/text/simplified-only.js');
    expect(simplifiedOnlyCharacters('我们的权限')).toEqual(['们', '权']);
    expect(simplifiedOnlyCharacters('干擾 公里 臺灣 台灣 只有 後台')).toEqual([]);
    expect(simplifiedOnlyCharacters(toTraditional(zhCNLines().join('\n')))).toEqual([]);
  });
});

describe('a zh-TW script', () => {
  it('shows who approved it in Traditional too', async () => {
    const { caseScript, writeKnowledge, removeKnowledge } = await import('../helpers/knowledge-fixture.js');
    const { loadBase } = await import('../helpers/router.js');
    const dir = writeKnowledge({ scripts: [caseScript('parcel-late', 'zh-CN', { approvedBy: '客服中心质检组' }), caseScript('parcel-late', 'en')] });
    const kb = await loadBase(dir);
    removeKnowledge(dir);
    expect(kb.get('parcel-late', 'zh-TW')!.approvedBy).toBe('客服中心品管組');
  });
});
