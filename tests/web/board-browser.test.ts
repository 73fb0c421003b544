import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boardHarness, DRAFT_ID, type BoardHarness } from './board-harness.js';
import { launch, screenshot } from './browser.js';

let browser: Browser;
let h: BoardHarness;
let page: Page;

beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(async () => browser?.close());
afterEach(async () => {
  await page?.context().close();
  await h?.stop();
});

async function signedInPage(userId = 'ULEAD', locale: 'en' | 'zh-CN' = 'en'): Promise<Page> {
  const context = await browser.newContext({ locale: locale === 'en' ? 'en-GB' : 'zh-CN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(await h.linkFor(userId, locale));
  await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : '登录' }).click();
  await page.waitForURL(/\/board$/);
  return page;
}

describe('the board in a browser', () => {
  it('signs in once from the chat link, and signs out', async () => {
    h = await boardHarness({ realTimers: true });
    const link = await h.linkFor('ULEAD');
    const context = await browser.newContext();
    page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Open promises');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'frontline-board')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('You are signed out');
    await page.goto(`${h.base}/board`);
    expect(await page.textContent('main')).toContain('/promise board');
    // The same link a second time: used up.
    const second = await page.goto(link);
    expect(second?.status()).toBe(410);
  });

  it('shows a promise made in chat without a reload, and drops it when Done is pressed in chat', async () => {
    h = await boardHarness({ realTimers: true });
    await signedInPage();
    await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));
    await expect.poll(() => page.locator('#live-state').textContent()).toBe('Live');
    await h.chat('UAMY', '45m order 4411 refund check');
    const id = (await h.promises.allOpen())[0]!.id;
    const row = page.locator(`#p-${id}`);
    await row.waitFor({ timeout: 3000 });
    expect(await row.textContent()).toContain('order 4411 refund check');
    await h.router.handle({ kind: 'action', platform: 'slack', user: { id: 'UAMY', locale: 'en', isLead: false }, command: 'promise', actionId: 'done', value: id, localeExplicit: false });
    await row.waitFor({ state: 'detached', timeout: 3000 });
    expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it('closes a promise from the page, keyboard only', async () => {
    h = await boardHarness({ realTimers: true });
    await h.chat('UAMY', '45m order 4411 refund check');
    await h.chat('UBEN', '2h order 9911 invoice copy');
    const id = (await h.promises.openOf({ platform: 'slack', userId: 'UAMY' }))[0]!.id;
    await signedInPage();
    await page.getByRole('button', { name: `Done ${id}` }).focus();
    await page.keyboard.press('Enter');
    await page.locator(`#p-${id}`).waitFor({ state: 'detached', timeout: 3000 });
    await expect.poll(() => page.locator('#flash').textContent()).toBe(`${id} is done.`);
    expect((await h.promises.find(id))).toMatchObject({ status: 'done' });
    expect((await h.promises.find(id))!.history.at(-1)).toMatchObject({ event: 'done', by: 'ULEAD' });
  });

  it('passes the accessibility check with no serious violations, in Chinese too', async () => {
    h = await boardHarness({ realTimers: true });
    await h.chat('UAMY', '20m 订单 4411 退款进度 客户电话 13812345678', 'zh-CN');
    await h.chat('UBEN', '2h order 9911 invoice copy');
    await h.chat('UBEN', 'tomorrow 10am call back about the parcel');
    h.clock.advance(40 * 60_000);
    for (const locale of ['en', 'zh-CN'] as const) {
      await signedInPage('ULEAD', locale);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await screenshot(page, `board-${locale}`);
      await page.context().close();
    }
  }, 90_000);

  it('reads the charts as tables, and the charts page passes the accessibility check', async () => {
    h = await boardHarness({ realTimers: true });
    await h.chat('UAMY', '30m order 1001 refund');
    await h.promises.done((await h.promises.allOpen())[0]!.id, { platform: 'slack', userId: 'UAMY', isLead: false });
    await h.router.handle({ kind: 'command', platform: 'slack', user: { id: 'UBEN', locale: 'en', isLead: false }, command: 'calm', text: 'tired', localeExplicit: false });
    await signedInPage();
    await page.getByRole('link', { name: 'Kept on time' }).click();
    await page.waitForURL(/\/board\/charts$/);
    const kept = page.getByRole('table', { name: /Promises kept on time, Whole team, last 14 days/ });
    expect(await kept.getByRole('row').count()).toBe(15);
    expect(await kept.getByRole('row', { name: /2026-12-01/ }).textContent()).toMatch(/2026-12-01\s*1\s*0\s*100%/);
    const weather = page.getByRole('table', { name: /Uses of \/calm per day/ });
    expect(await weather.getByRole('row', { name: /2026-12-01/ }).textContent()).toMatch(/2026-12-01\s*1/);
    expect(await page.getByRole('img', { name: /Promises kept on time/ }).count()).toBe(1);
    await page.getByRole('combobox', { name: 'Days' }).selectOption('30');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/days=30/);
    expect(await page.getByRole('table', { name: /Promises kept on time.*last 30 days/ }).getByRole('row').count()).toBe(31);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await screenshot(page, 'charts-en');
  }, 90_000);

  it('approves a draft from the page, and /script finds it right after', async () => {
    h = await boardHarness({ realTimers: true });
    await signedInPage();
    await page.getByRole('link', { name: 'Scripts' }).click();
    await page.waitForURL(/\/board\/knowledge$/);
    await page.getByRole('link', { name: 'Refund went to a closed bank card' }).click();
    await page.waitForURL(/script\?id=/);
    expect(await page.locator('section[lang="zh-TW"] h3').textContent()).toBe('退款退到了已登出的銀行卡');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await screenshot(page, 'script-en');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('#flash').textContent()).toContain(`${DRAFT_ID} is approved (version 2)`);
    const found = await h.script('UAMY', 'refund to cancelled card');
    expect(found.title).toBe('Refund went to a closed bank card');
  }, 90_000);
});
