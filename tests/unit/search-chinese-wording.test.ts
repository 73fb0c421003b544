import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
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

  it('Taiwan staff: 單位 is a department, 偷扣 and 沒申請 are charges for what was never ordered', () => {
    expect(top('客人打錯單位了要怎麼幫他轉')).toBe('wrong-department');
    expect(kb.search('客人一直說我們偷扣他的錢他根本沒申請那個服務', 3).map((h) => h.id)).toContain('unconsented-paid-service');
  });
});
