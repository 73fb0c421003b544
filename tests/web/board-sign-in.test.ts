import { afterEach, describe, expect, it } from 'vitest';
import { textOf } from '../helpers/router.js';
import { boardHarness, type BoardHarness } from './board-harness.js';

let h: BoardHarness;
afterEach(async () => h?.stop());

const post = (url: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams(body), headers });

describe('signing in to the board', () => {
  it('gives a lead a private one-time link, and anyone else a polite no without a link', async () => {
    h = await boardHarness();
    const lead = await h.chat('ULEAD', 'board');
    expect(lead.private).toBe(true);
    expect(textOf(lead)).toMatch(/\/board\/sign-in\?token=[\w-]{40,}/);
    expect(textOf(lead)).toContain('works once');
    const agent = await h.chat('UAGENT', 'board');
    expect(agent.private).toBe(true);
    expect(textOf(agent)).toContain('for team leads');
    expect(textOf(agent)).not.toContain('http');
    const zh = await h.chat('UAGENT', '看板', 'zh-CN');
    expect(textOf(zh)).toContain('仅供组长');
  });

  it('opens a 12-hour HttpOnly SameSite=Lax session from the link, once', async () => {
    h = await boardHarness();
    const link = await h.linkFor('ULEAD');
    // Opening the link shows a button: a chat app's link preview does not use it up.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('method="post" action="/board/sign-in"');
    const token = new URL(link).searchParams.get('token')!;
    const first = await post(`${h.base}/board/sign-in`, { token });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/board');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);
    const board = await fetch(`${h.base}/board`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('Open promises');
    const again = await post(`${h.base}/board/sign-in`, { token });
    expect(again.status).toBe(410);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect((await fetch(link)).status).toBe(410);
  });

  it('refuses a link older than 10 minutes', async () => {
    h = await boardHarness();
    const link = await h.linkFor('ULEAD');
    h.clock.advance(10 * 60_000 + 1000);
    expect((await fetch(link)).status).toBe(410);
    const res = await post(`${h.base}/board/sign-in`, { token: new URL(link).searchParams.get('token')! });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('expired');
  });

  it('ends the session after 12 hours, and on sign-out', async () => {
    h = await boardHarness();
    const cookie = await h.signIn('ULEAD');
    h.clock.advance(11 * 3_600_000);
    expect((await fetch(`${h.base}/board`, { headers: { cookie } })).status).toBe(200);
    h.clock.advance(3_600_000 + 1000);
    const late = await fetch(`${h.base}/board`, { headers: { cookie } });
    expect(late.status).toBe(401);
    expect(await late.text()).toContain('/promise board');

    const fresh = await h.signIn('ULEAD');
    const csrf = await h.csrfOf(fresh);
    const out = await post(`${h.base}/board/sign-out`, { _csrf: csrf }, { cookie: fresh });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await fetch(`${h.base}/board`, { headers: { cookie: fresh } })).status).toBe(401);
  });

  it('asks the lead rules again on every request', async () => {
    h = await boardHarness();
    const cookie = await h.signIn('ULEAD');
    expect((await fetch(`${h.base}/board`, { headers: { cookie } })).status).toBe(200);
    h.leads.delete('ULEAD');
    const res = await fetch(`${h.base}/board`, { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('for team leads');
    h.leads.add('ULEAD');
    // The session was ended, not just paused.
    expect((await fetch(`${h.base}/board`, { headers: { cookie } })).status).toBe(401);
  });

  it('does not sign in someone who stopped being a lead after the link was sent', async () => {
    h = await boardHarness();
    const link = await h.linkFor('ULEAD');
    h.leads.delete('ULEAD');
    const res = await post(`${h.base}/board/sign-in`, { token: new URL(link).searchParams.get('token')! });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('marks the cookie Secure over HTTPS: PUBLIC_URL https, or a trusted proxy saying so', async () => {
    h = await boardHarness({ publicUrl: () => 'https://board.example.test' });
    const cookie = (await post(`${h.base}/board/sign-in`, { token: new URL(await h.linkFor('ULEAD')).searchParams.get('token')! }, { origin: 'https://board.example.test' })).headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-frontline-board=/);
    expect(cookie).toMatch(/; Secure/);
    await h.stop();

    h = await boardHarness({ trustProxy: true });
    const proxied = (await post(`${h.base}/board/sign-in`, { token: new URL(await h.linkFor('ULEAD')).searchParams.get('token')! }, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')!;
    expect(proxied).toMatch(/; Secure/);
    await h.stop();

    h = await boardHarness({ trustProxy: false });
    const untrusted = (await post(`${h.base}/board/sign-in`, { token: new URL(await h.linkFor('ULEAD')).searchParams.get('token')! }, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')!;
    expect(untrusted).not.toMatch(/Secure/);
  });
});

describe('the board is protected', () => {
  it('sets a strict Content-Security-Policy and serves no inline script or style', async () => {
    h = await boardHarness();
    const cookie = await h.signIn('ULEAD');
    await h.chat('UAGENT', '30m order 4411 refund check');
    const res = await fetch(`${h.base}/board`, { headers: { cookie } });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toMatch(/<script src="\/board\/app\.js" defer><\/script>/);
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page).not.toMatch(/\sstyle=|\son[a-z]+=/);
    const js = await fetch(`${h.base}/board/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('refuses a state change without the session’s CSRF token or from another site', async () => {
    h = await boardHarness();
    const cookie = await h.signIn('ULEAD');
    const csrf = await h.csrfOf(cookie);
    await h.chat('UAGENT', '30m order 4411 refund check');
    const [p] = (await h.promises.allOpen());
    const url = `${h.base}/board/promises/${p!.id}/done`;
    expect((await post(url, {}, { cookie })).status).toBe(403);
    expect((await post(url, { _csrf: 'x'.repeat(csrf.length) }, { cookie })).status).toBe(403);
    expect((await post(url, { _csrf: csrf }, { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(url, { _csrf: csrf }, { cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await h.promises.find(p!.id))!.status).toBe('open');
    const ok = await post(url, { _csrf: csrf }, { cookie, origin: h.base });
    expect(ok.status).toBe(303);
    expect((await h.promises.find(p!.id))!.status).toBe('done');
  });

  it('answers 401 to every board path without a session, and shows no board data', async () => {
    h = await boardHarness();
    await h.chat('UAGENT', '30m order 4411 refund check');
    for (const path of ['/board', '/board/list', '/board/events', '/board/charts']) {
      const res = await fetch(`${h.base}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.text()).not.toContain('4411');
    }
  });
});

describe('ways to the board from chat', () => {
  it('puts "Open the board" on a lead\'s App Home and the digest; pressing it gives the link', async () => {
    h = await boardHarness();
    const { createPromiseCommand } = await import('../../commands/promise.js');
    const { digestReply } = await import('../../src/promises/digest.js');
    const promise = createPromiseCommand({ desk: h.promises, outbox: h.outbox, addresses: h.context.addresses, clock: h.clock, board: h.app.links });
    const leadHome = await promise.home!({ id: 'ULEAD', locale: 'en', isLead: true }, 'slack');
    const agentHome = await promise.home!({ id: 'UAMY', locale: 'en', isLead: false }, 'slack');
    const button = leadHome.flatMap((b) => (b.type === 'actions' ? b.actions : [])).find((a) => a.id === 'board');
    expect(button?.label).toBe('Open the board');
    expect(agentHome.some((b) => b.type === 'actions')).toBe(false);
    const digest = digestReply({ open: 1, dueThisShift: 1, overdue: 0, yesterday: { kept: 0, late: 0 } }, 'en', { boardButton: true });
    expect(digest.blocks.at(-1)).toMatchObject({ type: 'actions', actions: [{ id: 'board', label: 'Open the board' }] });
    const pressed = await h.router.handle({ kind: 'action', platform: 'slack', user: { id: 'ULEAD', locale: 'en', isLead: true }, command: 'promise', actionId: 'board', value: button!.value, localeExplicit: false });
    expect(textOf(pressed)).toMatch(/\/board\/sign-in\?token=/);
    expect(pressed.private).toBe(true);
  });
});
