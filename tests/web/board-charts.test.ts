import { afterEach, describe, expect, it } from 'vitest';
import { boardHarness, type BoardHarness } from './board-harness.js';

let h: BoardHarness;
afterEach(async () => h?.stop());

describe('kept on time and team weather', () => {
  it('shows per-day kept-on-time rates for the team and each agent, as SVG and as a table', async () => {
    h = await boardHarness({ now: '2026-12-01T02:00:00Z' });
    // Amy keeps one and misses one on 12-01 (Shanghai); Ben keeps one.
    await h.chat('UAMY', '30m order 1001 refund');
    await h.chat('UAMY', '40m order 1002 invoice');
    await h.chat('UBEN', '1h order 2001 parcel');
    const [a1, a2] = (await h.promises.openOf({ platform: 'slack', userId: 'UAMY' }));
    const [b1] = (await h.promises.openOf({ platform: 'slack', userId: 'UBEN' }));
    const amy = { platform: 'slack' as const, userId: 'UAMY', isLead: false };
    await h.promises.done(a1!.id, amy);
    await h.promises.done(b1!.id, { platform: 'slack', userId: 'UBEN', isLead: false });
    h.clock.advance(2 * 3_600_000);
    await h.promises.done(a2!.id, amy);
    const cookie = await h.signIn('ULEAD');
    const page = await (await fetch(`${h.base}/board/charts`, { headers: { cookie } })).text();
    expect(page).toContain('<svg class="chart" id="kept-chart"');
    expect(page).toMatch(/<tr><th scope="row">2026-12-01<\/th><td>2<\/td><td>1<\/td><td>67%<\/td><\/tr>/);
    expect(page).toMatch(/Name UAMY<\/a><\/th><td>1<\/td><td>1<\/td><td>50%/);
    expect((page.match(/<tr><th scope="row">2026-/g) ?? []).length).toBe(14 + 14);
    const amyPage = await (await fetch(`${h.base}/board/charts?agent=slack:UAMY&days=30`, { headers: { cookie } })).text();
    expect(amyPage).toMatch(/<tr><th scope="row">2026-12-01<\/th><td>1<\/td><td>1<\/td><td>50%<\/td><\/tr>/);
    expect((amyPage.match(/<tr><th scope="row">2026-/g) ?? []).length).toBe(30 + 30);
  });

  it('shows only the anonymous /calm count per day: no names, nothing written', async () => {
    h = await boardHarness();
    await h.router.handle({ kind: 'command', platform: 'slack', user: { id: 'UAMY', name: 'Amy', locale: 'en', isLead: false }, command: 'calm', text: 'the customer shouted at me', localeExplicit: false });
    await h.router.handle({ kind: 'command', platform: 'slack', user: { id: 'UBEN', name: 'Ben', locale: 'en', isLead: false }, command: 'calm', text: 'tired and sad', localeExplicit: false });
    const cookie = await h.signIn('ULEAD');
    const page = await (await fetch(`${h.base}/board/charts`, { headers: { cookie } })).text();
    expect(page).toMatch(/<table id="weather-table"[\s\S]*<tr><th scope="row">2026-12-01<\/th><td>2<\/td><\/tr>/);
    expect(page).not.toMatch(/Amy|Ben|shouted|tired/);
  });
});
