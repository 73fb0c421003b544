import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadBase, testBot, textOf } from '../helpers/router.js';

const ID = 'caller-threatens-self-harm';
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadBase();
});

describe(`/script ${ID}`, () => {
  it.each([
    '客户说要跳楼',
    '客户说不想活了',
    '来电者说要自杀怎么办',
    '客戶說他不想活了要跳樓',
    "caller says he'll kill himself",
    'customer threatening suicide',
    'caller wants to end his life',
  ])('is what search finds first for %j', (query) => {
    expect(kb.search(query, 3)[0]?.id).toBe(ID);
  });

  it('is a reviewed starter-pack case in both authored languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const script = kb.get(ID, locale)!;
      expect(script.status).toBe('approved');
      expect(script.approvedBy).toBe('frontline-bot starter pack (editorial review)');
      expect(script.escalate).toBeTruthy();
    }
  });

  it('says to stay on the line, ask directly, get a location and callback number, bring in the lead, and never promise secrecy', () => {
    const zh = kb.get(ID, 'zh-CN')!;
    const en = kb.get(ID, 'en')!;
    expect(zh.steps.join('')).toMatch(/绝不先挂电话/);
    expect(zh.steps.join('')).toMatch(/所在位置和能回拨的电话/);
    expect(zh.steps.join('')).toMatch(/不答应替对方保密/);
    expect(en.steps.join(' ')).toMatch(/never hang up first/);
    expect(en.steps.join(' ')).toMatch(/Ask directly and calmly/);
    expect(en.steps.join(' ')).toMatch(/location and a number to call back/);
    expect(en.escalate).toMatch(/team lead/);
    expect(en.neverSay.join(' ')).toMatch(/promise I won't tell anyone/);
  });

  it('has say-lines that can be read out as they are: no fixed days or times', () => {
    const fixedTime = /[0-9一二三四五六七八九十两]+\s*点|今天|明天|周[一二三四五六日天]|星期|上午|下午|\b(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|good (?:morning|afternoon|evening)|\d{1,2}\s*(?:am|pm))\b/i;
    for (const locale of ['zh-CN', 'en'] as const) for (const line of kb.get(ID, locale)!.say) expect(line).not.toMatch(fixedTime);
  });

  it('opens by id in chat, in Traditional for a zh-TW agent', async () => {
    const reply = await testBot(kb).ask('script', ID, 'zh-TW');
    expect(reply.title).toBe('來電者說要傷害自己或輕生');
    expect(textOf(reply)).toContain('您現在在哪裡');
  });
});
