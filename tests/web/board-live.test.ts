import { afterEach, describe, expect, it } from 'vitest';
import { boardHarness, type BoardHarness } from './board-harness.js';

let h: BoardHarness;
afterEach(async () => h?.stop());

const post = (url: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams(body), headers });

/** The page's JSON answer to a form sent by its script. */
const answer = async (res: Response) => (await res.json()) as { ok: boolean; message: string };

/** Reads server-sent events until `want` is seen (or the time runs out). */
async function waitForEvent(res: Response, want: string, ms = 3000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  const deadline = Date.now() + ms;
  while (!seen.includes(want) && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<{ done: true; value: undefined }>((r) => setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now()))]);
    if (chunk.done) break;
    seen += decoder.decode(chunk.value);
  }
  void reader.cancel();
  return seen;
}

describe('the promise board', () => {
  it('groups open promises by owner, overdue owners first, with masked notes, countdowns and marks', async () => {
    h = await boardHarness();
    await h.chat('UAMY', '2h order 7788 call back about the refund');
    await h.chat('UBEN', '20m customer 13812345678 wants the invoice');
    h.clock.advance(30 * 60_000);
    const cookie = await h.signIn('ULEAD');
    const full = await (await fetch(`${h.base}/board`, { headers: { cookie } })).text();
    const page = full.slice(full.indexOf('id="board"'));
    const ben = page.indexOf('Name UBEN');
    const amy = page.indexOf('Name UAMY');
    expect(ben).toBeGreaterThan(0);
    expect(amy).toBeGreaterThan(ben);
    expect(page).toContain('1 open, 1 overdue');
    expect(page).toContain('overdue by 10 min');
    expect(page).toContain('due in 1 h 30 min');
    expect(page).not.toContain('13812345678');
    expect(page).toMatch(/138\*+5678|138\S*5678/);
  });

  it('filters by owner and by status', async () => {
    h = await boardHarness();
    await h.chat('UAMY', '2h order 7788 call back');
    await h.chat('UBEN', '20m order 9911 invoice');
    h.clock.advance(30 * 60_000);
    const cookie = await h.signIn('ULEAD');
    const overdue = await (await fetch(`${h.base}/board/list?status=overdue`, { headers: { cookie } })).text();
    expect(overdue).toContain('9911');
    expect(overdue).not.toContain('7788');
    const amy = await (await fetch(`${h.base}/board/list?owner=slack:UAMY`, { headers: { cookie } })).text();
    expect(amy).toContain('7788');
    expect(amy).not.toContain('9911');
  });

  it('closes, moves and hands over from the page with the chat rules and history', async () => {
    h = await boardHarness();
    await h.chat('UAMY', '2h order 7788 call back');
    await h.chat('UBEN', '20m order 9911 invoice');
    const [amy, ben] = [(await h.promises.openOf({ platform: 'slack', userId: 'UAMY' }))[0]!, (await h.promises.openOf({ platform: 'slack', userId: 'UBEN' }))[0]!];
    const cookie = await h.signIn('ULEAD');
    const csrf = await h.csrfOf(cookie);
    const json = { cookie, accept: 'application/json' };

    const done = await post(`${h.base}/board/promises/${ben.id}/done`, { _csrf: csrf }, json);
    expect(await answer(done)).toEqual({ ok: true, message: `${ben.id} is done.` });
    expect((await h.promises.find(ben.id))!.history.at(-1)).toMatchObject({ event: 'done', by: 'ULEAD' });
    const again = await post(`${h.base}/board/promises/${ben.id}/done`, { _csrf: csrf }, json);
    expect(again.status).toBe(422);

    const moved = await post(`${h.base}/board/promises/${amy.id}/move`, { _csrf: csrf, due: '2026-12-01T18:30' }, json);
    expect((await answer(moved)).ok).toBe(true);
    // 18:30 in Asia/Shanghai (the team's zone).
    expect((await h.promises.find(amy.id))!.dueAt).toBe('2026-12-01T10:30:00.000Z');
    expect((await h.promises.find(amy.id))!.history.at(-1)).toMatchObject({ event: 'renegotiated', by: 'ULEAD', to: '2026-12-01T10:30:00.000Z' });
    const past = await post(`${h.base}/board/promises/${amy.id}/move`, { _csrf: csrf, due: '2026-11-30T09:00' }, json);
    expect((await answer(past)).message).toContain('future');

    const bad = await post(`${h.base}/board/promises/${amy.id}/handoff`, { _csrf: csrf, to: 'not a user' }, json);
    expect((await answer(bad)).ok).toBe(false);
    const handed = await post(`${h.base}/board/promises/${amy.id}/handoff`, { _csrf: csrf, to: 'UCAT' }, json);
    expect((await answer(handed)).ok).toBe(true);
    expect((await h.promises.find(amy.id))!.owner.userId).toBe('UCAT');
    expect((await h.promises.find(amy.id))!.history.at(-1)).toMatchObject({ event: 'handed-off', by: 'ULEAD', from: 'UAMY', to: 'UCAT' });
    // The new owner is told, as when it is handed over in chat.
    expect(h.outbox.sent.some((d) => 'userId' in d.to && d.to.userId === 'UCAT')).toBe(true);

    // Move and hand over live on the promise's own page, with its history.
    const own = await (await fetch(`${h.base}/board/promises/${amy.id}`, { headers: { cookie } })).text();
    expect(own).toContain(`action="/board/promises/${amy.id}/move"`);
    expect(own).toContain(`action="/board/promises/${amy.id}/handoff"`);
    expect(own).toMatch(/handed-off · ULEAD · UAMY → UCAT/);

    // Without JavaScript: the form posts, and the page comes back with what happened.
    await h.chat('UBEN', '1h order 5555 parcel');
    const next = (await h.promises.openOf({ platform: 'slack', userId: 'UBEN' }))[0]!;
    const plain = await post(`${h.base}/board/promises/${next.id}/done`, { _csrf: csrf, back: '?status=all' }, { cookie });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe('/board?status=all');
    expect(await (await fetch(`${h.base}/board`, { headers: { cookie } })).text()).toContain(`${next.id} is done.`);
  });

  it('tells open pages about a change through server-sent events', async () => {
    h = await boardHarness({ realTimers: true });
    const cookie = await h.signIn('ULEAD');
    const events = await fetch(`${h.base}/board/events`, { headers: { cookie } });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const heard = waitForEvent(events, 'event: changed');
    await new Promise((r) => setTimeout(r, 50));
    await h.chat('UAMY', '2h order 7788 call back');
    expect(await heard).toContain('event: changed');
  });

  it('notices an escalation written by the reminder scheduler (not through the desk)', async () => {
    h = await boardHarness({ realTimers: true });
    await h.chat('UAMY', '20m order 7788 call back');
    const cookie = await h.signIn('ULEAD');
    const events = await fetch(`${h.base}/board/events`, { headers: { cookie } });
    const heard = waitForEvent(events, 'event: changed', 4000);
    const p = (await h.promises.allOpen())[0]!;
    await h.fileStore.promiseStore.update(() => {
      h.fileStore.promiseStore.find(p.id)!.reminders.escalation = { at: h.clock.now().toISOString(), late: false, forDueAt: p.dueAt };
    });
    expect(await heard).toContain('event: changed');
    const list = await (await fetch(`${h.base}/board/list`, { headers: { cookie } })).text();
    expect(list).toContain('escalated');
  });
});
