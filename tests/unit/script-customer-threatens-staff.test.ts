import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadBase, testBot, textOf } from '../helpers/router.js';

const ID = 'customer-threatens-staff';
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadBase();
});

describe(`/script ${ID}`, () => {
  // Written before the case existed; on f398c03 each found the self-harm case, a complaint case or nothing.
  it.each([
    'caller threatening me',
    'customer threatened to hurt me',
    'the caller said he knows where I live',
    "customer says he'll wait for me after my shift",
    '客户扬言要打我',
    '客户威胁我',
    '客户说要来公司找我',
    '客户要我的名字说要找我算账',
    '客人說要來店裡堵我',
  ])('is what search finds first for %j', (query) => {
    expect(kb.search(query, 3)[0]?.id).toBe(ID);
  });

  it.each([
    ['客户扬言要跳楼', 'caller-threatens-self-harm'],
    ["caller says he'll kill himself", 'caller-threatens-self-harm'],
  ])('leaves a caller who threatens himself to the self-harm case (%j)', (query, id) => {
    expect(kb.search(query, 3)[0]?.id).toBe(id);
  });

  it.each(['客户扬言要投诉', '客户说要起诉我们', '客户说要告我们', 'customer threatening legal action', 'caller threatening to post on facebook'])(
    'does not take a threat to complain, sue or go public (%j)',
    (query) => expect(kb.search(query, 3)[0]?.id).not.toBe(ID),
  );

  it('says to give no personal details, never meet alone, write the words down and tell the lead', () => {
    const zh = kb.get(ID, 'zh-CN')!;
    const en = kb.get(ID, 'en')!;
    for (const script of [zh, en]) {
      expect(script.status).toBe('approved');
      expect(script.legal).toBeTruthy();
    }
    expect(zh.steps.join('')).toMatch(/不透露任何个人信息/);
    expect(zh.steps.join('')).toMatch(/不答应见面/);
    expect(zh.steps.join('')).toMatch(/原样记下来/);
    expect(en.steps.join(' ')).toMatch(/Give no personal details/);
    expect(en.steps.join(' ')).toMatch(/Never agree to meet/);
    expect(en.steps.join(' ')).toMatch(/word for word/);
    expect(en.escalate).toMatch(/team lead/);
    expect(en.neverSay.join(' ')).toMatch(/I'm not scared of you/);
  });

  it('opens by id in chat, in Traditional for a zh-TW agent, with Taiwan words in its fill-ins', async () => {
    const reply = await testBot(kb).ask('script', ID, 'zh-TW');
    expect(reply.title).toBe('客戶威脅要傷害你或上門找你');
    expect(textOf(reply)).toContain('[員工編號]');
    expect(textOf(reply)).toContain('保全');
  });
});
