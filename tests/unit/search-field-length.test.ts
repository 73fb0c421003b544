import { afterAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { caseScript, removeKnowledge, writeKnowledge } from '../helpers/knowledge-fixture.js';
import { loadBase } from '../helpers/router.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeKnowledge));

/**
 * Two refund-like cases and a few others; the refund case has the aliases given, the billing case
 * a few more words than the refund case's first alias in each language.
 */
async function knowledgeWith(refund: { zh: string[]; en: string[] }): Promise<KnowledgeBase> {
  const pair = (id: string, zhAliases: string[], enAliases: string[]) => [
    caseScript(id, 'zh-CN', { aliases: zhAliases }),
    caseScript(id, 'en', { aliases: enAliases }),
  ];
  const dir = writeKnowledge({
    scripts: [
      ...pair('refund-request', refund.zh, refund.en),
      ...pair('billing-dispute', ['退款', '账单有误'], ['refund', 'wrong bill amount']),
      ...pair('parcel-late', ['快递延误'], ['late parcel']),
      ...pair('broadband-down', ['宽带断网'], ['internet down']),
      ...pair('number-transfer', ['携号转网'], ['port my number']),
    ],
  });
  dirs.push(dir);
  return loadBase(dir);
}

describe('a case with aliases in both languages', () => {
  it('ranks the same for a Chinese query however many English aliases it has', async () => {
    const before = await knowledgeWith({ zh: ['退款'], en: ['refund'] });
    const after = await knowledgeWith({ zh: ['退款'], en: ['refund', 'money back please', 'wants the payment returned to the card', 'reimburse the charge', 'charged twice, give it back'] });

    const [first] = before.search('退款', 3, { strict: false });
    expect(first?.id).toBe('refund-request');
    // Its Chinese aliases are unchanged, so its Chinese match must score exactly as before.
    expect(after.search('退款', 3, { strict: false })[0]).toEqual(first);
  });

  it('ranks the same for an English query however many Chinese aliases it has', async () => {
    const before = await knowledgeWith({ zh: ['退款'], en: ['refund'] });
    const after = await knowledgeWith({ zh: ['退款', '客户要求把钱退回原卡', '重复扣费要退钱', '充错了要退回来'], en: ['refund'] });

    const [first] = before.search('refund', 3, { strict: false });
    expect(first?.id).toBe('refund-request');
    expect(after.search('refund', 3, { strict: false })[0]).toEqual(first);
  });
});
