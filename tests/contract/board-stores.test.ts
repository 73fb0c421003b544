import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { PgBoardAuthStore } from '../../src/db/pg-board-auth-store.js';
import { PgUsageStore } from '../../src/db/pg-usage-store.js';
import { FileUsageStore } from '../../src/knowledge/file-usage-store.js';
import { UsageLog } from '../../src/knowledge/usage-log.js';
import type { UsageStore } from '../../src/knowledge/usage-store.js';
import type { BoardAuthStore } from '../../src/web/board-auth-store.js';
import { FileBoardAuthStore } from '../../src/web/file-board-auth-store.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { tempDir } from '../helpers/temp-dir.js';
import { boardHarness, type BoardHarness } from '../web/board-harness.js';

const log = pino({ level: 'silent' });
const server = testPostgresUrl('the board stores on PostgreSQL');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const harness = async (authStore: BoardAuthStore): Promise<BoardHarness> => {
  const h = await boardHarness({ authStore });
  cleanups.push(() => h.stop());
  return h;
};
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const redeem = (h: BoardHarness, token: string) => fetch(`${h.base}/board/sign-in`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token }) });
const boardStatus = async (h: BoardHarness, cookie: string) => (await fetch(`${h.base}/board`, { headers: { cookie } })).status;

describe('board sign-ins in DATA_DIR', () => {
  it('keeps sessions and unused links across a restart, and a link still works only once', async () => {
    const dir = tempDir('board-auth-');
    const before = await boardHarness({ authStore: await FileBoardAuthStore.open({ dataDir: dir, log }) });
    const cookie = await before.signIn('ULEAD');
    const spare = tokenOf(await before.linkFor('ULEAD'));
    await before.stop();

    const after = await harness(await FileBoardAuthStore.open({ dataDir: dir, log }));
    expect(await boardStatus(after, cookie)).toBe(200);
    expect((await redeem(after, spare)).status).toBe(303);
    expect((await redeem(after, spare)).status).toBe(410);
  });

  it('keeps a language switch across a restart', async () => {
    const dir = tempDir('board-auth-');
    const before = await boardHarness({ authStore: await FileBoardAuthStore.open({ dataDir: dir, log }) });
    const cookie = await before.signIn('ULEAD');
    const csrf = await before.csrfOf(cookie);
    await fetch(`${before.base}/board/language`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: new URLSearchParams({ _csrf: csrf, locale: 'zh-CN' }) });
    await before.stop();
    const after = await harness(await FileBoardAuthStore.open({ dataDir: dir, log }));
    expect(await (await fetch(`${after.base}/board`, { headers: { cookie } })).text()).toContain('<html lang="zh-CN">');
  });
});

describe.runIf(server)('board sign-ins on PostgreSQL, two replicas', () => {
  it('share links and sessions; a link raced on both replicas signs in exactly once; sign-out on one ends it on both', async () => {
    const db = await createTestDatabase(server!);
    cleanups.push(() => db.drop());
    const a = await harness(await PgBoardAuthStore.open(db.url));
    const b = await harness(await PgBoardAuthStore.open(db.url));

    const token = tokenOf(await a.linkFor('ULEAD'));
    const signIn = await redeem(b, token);
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect(await boardStatus(a, cookie)).toBe(200);
    expect(await boardStatus(b, cookie)).toBe(200);

    for (let i = 0; i < 5; i++) {
      const raced = tokenOf(await a.linkFor('ULEAD'));
      const answers = await Promise.all([redeem(a, raced), redeem(b, raced), redeem(a, raced), redeem(b, raced)]);
      expect(answers.map((r) => r.status).sort()).toEqual([303, 410, 410, 410]);
    }

    const csrf = await b.csrfOf(cookie);
    await fetch(`${b.base}/board/sign-out`, { method: 'POST', headers: { cookie }, body: new URLSearchParams({ _csrf: csrf }) });
    expect(await boardStatus(a, cookie)).toBe(401);
  });

  it('shows the note a form left on the next page even when the redirect lands on the other replica, once', async () => {
    const db = await createTestDatabase(server!);
    cleanups.push(() => db.drop());
    const a = await harness(await PgBoardAuthStore.open(db.url));
    const b = await harness(await PgBoardAuthStore.open(db.url));
    const cookie = await a.signIn('ULEAD');
    const csrf = await a.csrfOf(cookie);
    await a.chat('UAMY', '2h order 7788 call back');
    const promise = (await a.promises.openOf({ platform: 'slack', userId: 'UAMY' }))[0]!.id;
    const done = await fetch(`${a.base}/board/promises/${promise}/done`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: new URLSearchParams({ _csrf: csrf }) });
    expect(done.status).toBe(303);
    const flashOn = async (h: BoardHarness) => /<p id="flash"[^>]*>([^<]*)<\/p>/.exec(await (await fetch(`${h.base}/board`, { headers: { cookie } })).text())?.[1];
    expect(await flashOn(b)).toBe(`${promise} is done.`);
    expect(await flashOn(a)).toBe('');
    expect(await flashOn(b)).toBe('');
  });
});

function usageContract(name: string, open: () => Promise<{ first: UsageStore; second: () => Promise<UsageStore> }>) {
  it(`${name}: counts and gaps are kept by the store, shared by whoever opens it next`, async () => {
    const clock = new ManualClock('2026-12-01T08:00:00Z');
    const { first, second } = await open();
    const one = new UsageLog({ store: first, clock, timeZone: 'Asia/Shanghai', log });
    await one.opened('refund-delay');
    await one.feedback('refund-delay', false, 'refund to card 6222 0200 1234 5678 903');
    await one.missed('call 13812345678 about a lost parcel');
    const two = new UsageLog({ store: await second(), clock, timeZone: 'Asia/Shanghai', log });
    await two.opened('refund-delay');
    await two.feedback('refund-delay', true);
    expect((await two.totals()).get('refund-delay')).toEqual({ opened: 2, helped: 1, notHelped: 1 });
    const gaps = await two.gaps();
    expect(gaps.map((g) => g.kind)).toEqual(['not-helped', 'no-hit']);
    expect(JSON.stringify(gaps)).not.toMatch(/13812345678|6222 ?0200 ?1234/);
    // 31 days on, the old day and its gaps are gone.
    clock.advance(31 * 86_400_000);
    await two.opened('other');
    expect((await two.totals()).has('refund-delay')).toBe(false);
    expect(await two.gaps()).toEqual([]);
    await one.close();
    await two.close();
  });
}

describe('the /script usage log', () => {
  usageContract('DATA_DIR file, reopened after a restart', async () => {
    const dir = tempDir('usage-');
    const first = await FileUsageStore.open({ dataDir: dir, log });
    return { first, second: async () => (await first.close(), FileUsageStore.open({ dataDir: dir, log })) };
  });
  if (server)
    usageContract('PostgreSQL, two replicas', async () => {
      const db = await createTestDatabase(server);
      cleanups.push(() => db.drop());
      return { first: await PgUsageStore.open(db.url), second: () => PgUsageStore.open(db.url) };
    });
});

describe.runIf(server)('review reminders on PostgreSQL', () => {
  it('lets one replica claim a script version, once, and gives it back when nothing was sent', async () => {
    const { PgReviewReminderStore } = await import('../../src/db/pg-review-reminder-store.js');
    const db = await createTestDatabase(server!);
    cleanups.push(() => db.drop());
    const a = await PgReviewReminderStore.open(db.url);
    const b = await PgReviewReminderStore.open(db.url);
    cleanups.push(() => a.close(), () => b.close());
    const at = new Date('2026-12-01T00:00:00Z');
    expect((await Promise.all([a.claim('refund-delay', 3, at), b.claim('refund-delay', 3, at)])).sort()).toEqual([false, true]);
    expect(await a.claim('refund-delay', 4, at)).toBe(true);
    await b.release('refund-delay', 4);
    expect(await a.claim('refund-delay', 4, at)).toBe(true);
  });
});
