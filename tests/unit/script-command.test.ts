import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toScriptArgs, ScriptArgs } from '../../commands/script.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { caseScript, removeKnowledge, writeKnowledge } from '../helpers/knowledge-fixture.js';
import { loadBase, testBot, textOf } from '../helpers/router.js';

let shipped: KnowledgeBase;
beforeAll(async () => {
  shipped = await loadBase();
});

describe('/script argument parsing', () => {
  it.each([
    ['', { mode: 'browse' }],
    ['   ', { mode: 'browse' }],
    ['限速', { mode: 'search', query: '限速' }],
    ['check you must restart', { mode: 'check', draft: 'you must restart' }],
    ['CHECK: sorry for the wait', { mode: 'check', draft: 'sorry for the wait' }],
    ['检查 让您久等了', { mode: 'check', draft: '让您久等了' }],
    ['checkout page broken', { mode: 'search', query: 'checkout page broken' }],
    ['page 2', { mode: 'browse', page: 2 }],
    ['第2页', { mode: 'browse', page: 2 }],
    ['page not loading', { mode: 'search', query: 'page not loading' }],
    // Asking for more is no search ("more" had opened an unrelated case); the reply says how to get more.
    ['more', { mode: 'more' }],
    ['More results', { mode: 'more' }],
    ['next page', { mode: 'more' }],
    ['更多', { mode: 'more' }],
    ['下一頁', { mode: 'more' }],
    ['还有吗', { mode: 'more' }],
    ['more data used than I thought', { mode: 'search', query: 'more data used than I thought' }],
    ['還有嗎？', { mode: 'more' }],
    ['其他的', { mode: 'more' }],
  ])('%j', (text, expected) => {
    expect(ScriptArgs.parse(toScriptArgs(text))).toEqual(expected);
  });
});

describe('/script more', () => {
  it('says how to see other close cases or page through every case, in the reader\'s language', async () => {
    expect(textOf(await testBot(shipped).ask('script', 'more', 'en'))).toContain('/script page 2');
    const zhTW = textOf(await testBot(shipped).ask('script', '更多', 'zh-TW'));
    expect(zhTW).toContain('/script page 2');
    expect(zhTW).toContain('客戶');
  });
});

describe('/script on the shipped knowledge', () => {
  it('answers a shorthand query privately with the full script and two alternates as buttons', async () => {
    const reply = await testBot(shipped).ask('script', '达量限速');
    expect(reply.private).toBe(true);
    expect(reply.title).toBe(shipped.get('unlimited-plan-throttling', 'zh-CN')!.title);
    const labels = reply.blocks.flatMap((b) => ('label' in b && b.label ? [b.label] : []));
    expect(labels).toEqual(expect.arrayContaining(['适用情形', '目标', '处理步骤', '可以这样说', '不要这样说', '何时升级']));
    const actions = reply.blocks.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' && actions.actions.map((a) => a.typed)).toEqual(['/script throttled-below-promised-speed']);
    expect(textOf(reply)).toMatch(/入门示例 · 尚未经团队审批 · 使用前请团队审核 · 第 \d+ 版/);
    expect(textOf(reply)).not.toMatch(/审批\uff1a/);
  });

  it('shows every shipped script as a starter pack to review, never as approved by the team', async () => {
    for (const entry of shipped.entriesByCategory().flatMap((group) => group.entries)) {
      for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
        const footer = (await testBot(shipped).ask('script', entry.id, locale)).blocks.filter((b) => b.type === 'context').at(-1);
        const expected = { 'zh-CN': '入门示例 · 尚未经团队审批', 'zh-TW': '入門示例 · 尚未經團隊核准', en: 'Starter pack · not yet approved by your team' }[locale];
        expect(footer, `${entry.id} ${locale}`).toEqual({ type: 'context', text: expect.stringContaining(expected) });
      }
    }
  });

  it('marks the say block so each platform highlights its fill-ins', async () => {
    const reply = await testBot(shipped).ask('script', 'unlimited-plan-throttling', 'en');
    const say = reply.blocks.find((b) => b.type === 'quote');
    expect(say).toMatchObject({ fillIns: true });
    expect(say?.type === 'quote' && say.lines.join('\n')).toContain('[reset date]');
  });

  it('offers the next two candidates when several cases are close', async () => {
    const reply = await testBot(shipped).ask('script', '客户说宽带到期了也没人提醒,直接转成包月扣钱了');
    expect(reply.title).toBe(shipped.get('broadband-renewal-dispute', 'zh-CN')!.title);
    const actions = reply.blocks.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' && actions.actions).toHaveLength(2);
  });

  it('answers English queries in the English script for an English-speaking agent', async () => {
    const reply = await testBot(shipped).ask('script', 'unlimited data throttled', 'en');
    expect(reply.title).toBe(shipped.get('unlimited-plan-throttling', 'en')!.title);
    expect(textOf(reply)).toContain('Never say');
  });

  it('answers a pasted Chinese sentence in Chinese even for an English-speaking agent', async () => {
    const reply = await testBot(shipped).ask('script', '客户说你们宣传流量无限用,结果用到一半就降速了', 'en');
    expect(reply.title).toBe(shipped.get('unlimited-plan-throttling', 'zh-CN')!.title);
  });

  it('answers a Traditional query in Traditional Chinese, converted from the zh-CN script', async () => {
    const reply = await testBot(shipped).ask('script', '客戶說流量無限用,結果被降速了');
    const traditional = shipped.get('unlimited-plan-throttling', 'zh-TW')!;
    expect(reply.title).toBe(traditional.title);
    expect(traditional.title).not.toBe(shipped.get('unlimited-plan-throttling', 'zh-CN')!.title);
    expect(textOf(reply)).toContain('處理步驟');
  });

  it('keeps the locale the person chose explicitly', async () => {
    const reply = await testBot(shipped).ask('script', '达量限速', 'en', true);
    expect(reply.title).toBe(shipped.get('unlimited-plan-throttling', 'en')!.title);
  });

  it('opens an alternate in the locale of the reply it was on', async () => {
    const bot = testBot(shipped);
    const first = await bot.ask('script', '达量限速', 'en');
    const actions = first.blocks.find((b) => b.type === 'actions');
    if (actions?.type !== 'actions') throw new Error('no alternates');
    const alt = actions.actions[0]!;
    const opened = await bot.press(alt.command, alt.id, alt.value, 'en');
    const id = alt.typed.replace('/script ', '');
    expect(opened.title).toBe(shipped.get(id, 'zh-CN')!.title);
  });

  it('opens a script by its id', async () => {
    const reply = await testBot(shipped).ask('script', 'parcel-delayed', 'en');
    expect(reply.title).toBe(shipped.get('parcel-delayed', 'en')!.title);
  });

  it('lists every category and case when given no text, 20 a page, Next and typed page N reaching the rest', async () => {
    const bot = testBot(shipped);
    const pages = [await bot.ask('script', '')];
    for (;;) {
      const next = pages.at(-1)!.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : [])).find((a) => a.id === 'browse-page' && Number(a.value) > pages.length);
      if (!next) break;
      expect(next.typed).toBe(`/script page ${pages.length + 1}`);
      const pressed = await bot.press('script', next.id, next.value);
      expect(pressed.replacesOriginal).toBe(true);
      expect(textOf(await bot.ask('script', next.typed.replace('/script ', '')))).toBe(textOf(pressed));
      pages.push(pressed);
    }
    expect(pages.length).toBe(Math.ceil(shipped.size / 20));
    const text = pages.map(textOf).join('\n');
    for (const c of shipped.categories) expect(text).toContain(c.name['zh-CN']);
    const listed = pages.flatMap((r) => r.blocks.flatMap((b) => (b.type === 'list' ? b.items : [])));
    expect(listed).toHaveLength(shipped.size);
    expect(new Set(listed).size).toBe(shipped.size);
    if (pages.length > 1) expect(textOf(pages[0]!)).toContain(`第 1–20 条，共 ${shipped.size} 条`);
  });

  it('says so and suggests what to type when nothing matches', async () => {
    const reply = await testBot(shipped).ask('script', 'zxqv blorf', 'en');
    expect(reply.title).toBe('No approved script matches that');
    expect(textOf(reply)).toContain('/script');
    expect(reply.tone).toBe('warning');
  });

  it('explains what to type for an over-long paste instead of failing', async () => {
    const reply = await testBot(shipped).ask('script', 'x'.repeat(5000), 'en');
    expect(textOf(reply)).toContain('longer than 1000 characters');
  });

  it('asks for the draft when /script check has none', async () => {
    const reply = await testBot(shipped).ask('script', 'check', 'en');
    expect(textOf(reply)).toContain('/script check');
  });
});

describe('/script with a small knowledge folder', () => {
  let dir: string;
  let kb: KnowledgeBase;
  beforeAll(async () => {
    dir = writeKnowledge({
      scripts: [
        caseScript('parcel-late', 'zh-CN', { reviewBy: '2026-06-01', approvedOn: '2026-01-01' }),
        caseScript('parcel-late', 'en', { reviewBy: '2026-06-01', approvedOn: '2026-01-01' }),
        caseScript('only-chinese', 'zh-CN', { aliases: ['只有中文'] }),
        caseScript('draft-case', 'zh-CN', { status: 'draft', aliases: ['草稿场景'] }),
        caseScript('draft-case', 'en', { status: 'draft', aliases: ['draft case'] }),
      ],
    });
    kb = await loadBase(dir);
  });
  afterAll(() => removeKnowledge(dir));

  it('still serves a script past its review date, marked as due for review', async () => {
    const reply = await testBot(kb).ask('script', 'parcel-late', 'en');
    expect(reply.tone).toBe('warning');
    expect(reply.blocks[0]).toEqual({ type: 'context', text: expect.stringContaining('Due for review since 2026-06-01') });
  });

  it('does not mark a script whose review date is still ahead', async () => {
    const reply = await testBot(kb, '2026-05-01T09:00:00Z').ask('script', 'parcel-late', 'en');
    expect(textOf(reply)).not.toContain('Due for review');
  });

  it('serves only approved scripts', async () => {
    expect(kb.has('draft-case')).toBe(false);
    const reply = await testBot(kb).ask('script', 'draft-case', 'en');
    expect(reply.title).not.toContain('draft-case');
  });

  it('shows a script approved by the team with its approval record', async () => {
    const reply = await testBot(kb, '2026-05-01T09:00:00Z').ask('script', 'parcel-late', 'en');
    expect(textOf(reply)).toContain('Approved by Team lead on 2026-01-01 · version 1');
    expect(textOf(reply)).not.toContain('Starter pack');
  });

  it('falls back to the other language, saying so, when a twin is missing', async () => {
    const reply = await testBot(kb).ask('script', 'only-chinese', 'en');
    expect(textOf(reply)).toContain('No version in your language yet');
    expect(reply.title).toBe('测试场景 only-chinese');
  });
});
