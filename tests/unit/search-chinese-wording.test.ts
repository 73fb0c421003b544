import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { DomainLexicon } from '../../src/text/chinese-words.js';
import { shippedMainlandReading } from '../../src/text/taiwan-search-words.js';
import { normalizeText } from '../../src/text/tokenize.js';
import { loadBase } from '../helpers/router.js';

// Everyday Chinese wording of a situation finds its case (aliases and synonym groups in knowledge/).
describe('/script search in everyday Chinese', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadBase();
  });
  const top = (q: string) => kb.search(q, 3)[0]?.id;

  it('a pasted "客户说…" leans on what the customer said, not on the words 客户说', () => {
    expect(top('客户说这是不平等条款')).toBe('unfair-terms');
  });

  it('a caller threatening to harm themselves is found however it is put', () => {
    for (const q of ['客户说他要喝农药', '客户说要跳楼', '客人說要從頂樓跳下去', '你们不给我退钱我就喝农药死在你们营业厅']) {
      expect(top(q), q).toBe('caller-threatens-self-harm');
    }
  });

  it('a scolding caller, in plain words', () => {
    expect(top('客户一直骂我')).toBe('angry-abusive-customer');
  });

  it('a bare 退費 (退费, 退钱) is a refund: the case where getting money back is the whole story leads, not a policy named in another title', () => {
    for (const q of ['退費', '退费', '退钱']) {
      const ids = kb.search(q, 3).map((h) => h.id);
      expect(ids[0], q).toBe('refund-after-closure');
      expect(ids, q).toEqual(expect.arrayContaining(['unconsented-paid-service', 'broadband-relocation-no-capacity']));
    }
  });

  it('Taiwan staff: 單位 is a department, 偷扣 and 沒申請 are charges for what was never ordered', () => {
    expect(top('客人打錯單位了要怎麼幫他轉')).toBe('wrong-department');
    expect(kb.search('客人一直說我們偷扣他的錢他根本沒申請那個服務', 3).map((h) => h.id)).toContain('unconsented-paid-service');
  });

  it('a slow connection said with 很/太/非常 finds the speed and signal cases, and 網路 is the network as well as online', () => {
    for (const q of ['网速很慢', '客户说网络很慢', '客人說網速很慢', '網路很慢']) {
      expect(kb.search(q, 3).map((h) => h.id), q).toContain(q.includes('速') ? 'throttled-below-promised-speed' : 'no-coverage');
    }
  });
});

describe('Chinese chit-chat that no script answers', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadBase();
  });

  it('dialect and everyday chit-chat is answered with "no match"', () => {
    // North-eastern, Cantonese, and plain team-life questions; they share only everyday bigrams
    // (干什么, 是不是, 什么时候, 要不要) and their sounds with some script.
    for (const q of ['嘎哈呢 唠会嗑呗', '你系咪识讲普通话㗎', '团建去哪里玩', '年終獎金什麼時候發', '下班要不要一起去吃火鍋']) {
      expect(kb.search(q, 3), q).toEqual([]);
    }
  });

  it('a query read two ways (as typed, Mainland) is scored on the better reading, not on both added up', () => {
    // 請假條 typed and 误工条 read the Taiwan way met the lost-time case twice over; a leave note
    // is an HR question.
    // The rule is the lexical ranking's (the learned model, fused in for /script, answers this one: see round 8).
    expect(kb.lexicalRanking('請假條要交給誰').confident).toBe(false);
    const loose = (q: string) => kb.search(q, 1, { strict: false })[0];
    expect(loose('你系咪识讲普通话㗎')).toEqual(loose('你是不是识讲普通话'));
  });

  it('regional wording about a case still finds it', () => {
    expect(kb.search('佢话部手机冇信号', 3)[0]?.id).toBe('no-coverage');
    expect(kb.search('客户嘎哈一直骂人 咋整', 3)[0]?.id).toBe('angry-abusive-customer');
    expect(kb.search('客人說吃到飽被限速', 3)[0]?.id).toBe('unlimited-plan-throttling');
  });

  it('reads Taiwan words only in text typed in Traditional characters', () => {
    const reading = shippedMainlandReading();
    // 專案 (a plan) folds to 项目, which in Mainland text is a project or a bill's line item.
    expect(reading.of(normalizeText('專案'))).toContain('套餐');
    expect(reading.of('账单项目', { typedTraditional: false })).toBeUndefined();
    expect(reading.of('请假条', { typedTraditional: false })).toBeUndefined();
    // Regional spoken forms are read whatever the script.
    expect(reading.of('咋整', { typedTraditional: false })).toBe('怎么办');
    // 網路 folds to 网络 and is also the glossary's 网上 (online): the reading keeps both.
    expect(reading.of(normalizeText('網路斷線'))).toContain('网络 网上');
  });
});

describe('whole words from the scripts\' names', () => {
  it('keeps a case\'s phrase whole, but not one that frames a sentence with the word for the customer', () => {
    const words = new DomainLexicon(['老客户、大客户抱怨没有优惠', '号码被标记为骚扰电话']);
    expect(words.wordsOf('客户说骚扰电话太多')).toContain('骚扰电话');
    expect(words.wordsOf('客户抱怨家里信号差')).not.toContain('客户抱怨');
    expect(new DomainLexicon(['接投诉的流程']).wordsOf('这个是专门在投诉的')).not.toContain('投诉的');
  });

  it('a customer complaining about the signal at home is about coverage, not about a loyal customer\'s discount', async () => {
    const kb = await loadBase();
    expect(kb.search('客人抱怨家裡收訊超差，講電話一直斷線', 3)[0]?.id).toBe('no-coverage');
  });
});
