import { afterEach, describe, expect, it } from 'vitest';
import { boardHarness, type BoardHarness } from './board-harness.js';

let h: BoardHarness;
afterEach(async () => h?.stop());

/**
 * What the browser has to parse and lay out for a full shift: the load time itself is measured by
 * `npm run bench`; this keeps the page from growing back to what made it slow (a form and two
 * hidden fields per row, whitespace nodes between cells, every owner laid out at once).
 */
describe('the board with 500 open promises', () => {
  it('stays a light page: one shared form for the rows, no whitespace between cells, off-screen owners skipped', async () => {
    h = await boardHarness();
    for (let i = 0; i < 500; i++) {
      const owner = { platform: 'slack' as const, userId: `U${String(i % 40).padStart(4, '0')}`, name: `Agent ${i % 40}` };
      await h.promises.create({ owner, dueAt: new Date(h.clock.now().getTime() + (i - 100) * 60_000), note: `order ${100000 + i} call back about the refund, customer 1381234${String(i).padStart(4, '0')}`, timeZone: 'Asia/Shanghai' });
    }
    const cookie = await h.signIn('ULEAD', 'zh-CN');
    const page = await (await fetch(`${h.base}/board`, { headers: { cookie } })).text();
    const list = page.slice(page.indexOf('id="board"'));
    expect((list.match(/<tr id="p-/g) ?? []).length).toBe(500);
    // 337 KB before.
    expect(Buffer.byteLength(page)).toBeLessThan(280_000);
    expect((page.match(/<form/g) ?? []).length).toBeLessThan(10);
    expect(list).not.toMatch(/<\/t[dh]>\s+<t[dh]/);
    const css = await (await fetch(`${h.base}/board/app.css`)).text();
    expect(css).toMatch(/section\.owner \{[^}]*content-visibility: auto/);
  }, 60_000);
});
