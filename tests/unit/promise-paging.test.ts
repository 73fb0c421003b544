import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { degradeFor } from '../../src/core/degrade.js';
import { TEXT_ONLY } from '../../src/core/platform.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { Reply } from '../../src/core/reply.js';
import type { Router } from '../../src/core/router.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { botRouter } from '../helpers/router.js';

let bot: BotContext;
let router: Router;

const user = (id: string, locale: Locale = 'en', isLead = false) => ({ id, locale, timeZone: 'Asia/Shanghai', isLead });
const ask = (text: string, id = 'U1', locale: Locale = 'en', isLead = false): Promise<Reply> =>
  router.handle({ kind: 'command', platform: 'slack', user: user(id, locale, isLead), command: 'promise', text, localeExplicit: false });
const press = (actionId: string, value: string, id = 'U1', isLead = false): Promise<Reply> =>
  router.handle({ kind: 'action', platform: 'slack', user: user(id, 'en', isLead), command: 'promise', actionId, value, localeExplicit: false });
const nav = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));

beforeEach(async () => {
  bot = await botContext({ now: '2026-12-01T02:00:00Z' });
  router = botRouter(bot.context);
  for (let i = 0; i < 45; i++) await ask(`${i + 1}h call back customer number ${i}`, `U${i % 3}`);
});

afterEach(async () => {
  await bot.close();
});

describe('long promise lists page instead of stopping', () => {
  it('/promise list shows 20 at a time with "Showing 1–20 of N", Next and the typed equivalent', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => ask(`${i + 50}h extra promise ${i}`, 'U0')));
    const first = renderText(degradeFor(TEXT_ONLY, await ask('list', 'U0')));
    expect(first).toContain('Showing 1–20 of 45');
    expect(first).toContain('/promise list page 2');
    const next = await press('list-page', '2', 'U0');
    expect(next.replacesOriginal).toBe(true);
    expect(renderText(next)).toContain('Showing 21–40 of 45');
    expect(nav(next).map((a) => a.value)).toEqual(['1', '3']);
    const last = renderText(await ask('list page 3', 'U0'));
    expect(last).toContain('Showing 41–45 of 45');
    expect(last).not.toContain('/promise list page 4');
  });

  it('/promise team pages across owners, naming an owner again when their promises continue', async () => {
    const p1 = await ask('team', 'L1', 'en', true);
    expect(renderText(p1)).toContain('Showing 1–20 of 45');
    const p3 = await press('team-page', '3', 'L1', true);
    expect(renderText(p3)).toContain('Showing 41–45 of 45');
    const all = [p1, await ask('team page 2', 'L1', 'en', true), p3].map(renderText).join('\n');
    for (let i = 0; i < 45; i++) expect(all).toMatch(new RegExp(`customer number ${i}$`, 'm'));
  });

  it('shows the page line in Chinese too', async () => {
    expect(renderText(await ask('团队 第2页', 'L1', 'zh-CN', true))).toContain('第 21–40 条，共 45 条');
  });

  it('App Home shows the first page and says where the rest are', async () => {
    const home = renderText(await router.home(user('L1', 'en', true), 'slack'));
    expect(home).toContain('20 of 45 shown here');
    expect(home).toContain('/promise list');
  });
});
