import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { PendingDelivery, PromiseRecord } from '../../src/promises/model.js';
import type { ReminderTimings } from '../../src/promises/reminder-plan.js';
import type { BotStore, StoredPromise } from '../../src/db/bot-store.js';

export const TIMINGS: ReminderTimings = { remindBeforeMs: 10 * 60_000, escalateAfterMs: 5 * 60_000 };
export const START = '2026-03-02T09:00:00.000Z';

export interface StoreUnderTest {
  store: BotStore;
  /** Closes the store and opens it again on the same data, as a restart would. */
  reopen(): Promise<BotStore>;
  /** Another client on the same data: a second replica for PostgreSQL, the same store for files (one process per DATA_DIR). */
  second(): Promise<BotStore>;
  cleanup(): Promise<void>;
}

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function idFor(n: number): string {
  let id = '';
  for (let i = 0; i < 5; i++) {
    id = ALPHABET[n % ALPHABET.length] + id;
    n = Math.floor(n / ALPHABET.length);
  }
  return id;
}

const minutes = (n: number) => n * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export function promise(n: number, over: Partial<PromiseRecord> = {}): PromiseRecord {
  const createdAt = over.createdAt ?? START;
  return {
    id: idFor(n),
    owner: { platform: 'slack', userId: `U${n % 3}` },
    createdAt,
    dueAt: iso(Date.parse(START) + minutes(60 + n)),
    timeZone: 'Asia/Shanghai',
    note: `call back customer ${n} about the refund`,
    status: 'open',
    reminders: {},
    history: [{ at: createdAt, by: `U${n % 3}`, event: 'created' }],
    ...over,
  };
}

function closed(n: number, closedAt: string, status: 'done' | 'cancelled' = 'done'): PromiseRecord {
  const p = promise(n);
  return { ...p, status, closedAt, ...(status === 'done' ? { keptOnTime: true } : {}), history: [...p.history, { at: closedAt, by: p.owner.userId, event: status }] };
}

function pending(id: string, nextAttemptAt: string): PendingDelivery {
  return { id, kind: 'handoff', promiseId: idFor(1), from: 'U1', to: { platform: 'slack', userId: 'U2' }, attempts: 1, nextAttemptAt, firstTriedAt: START };
}

const ids = (list: StoredPromise[]) => list.map((s) => s.record.id);

/** The one contract every BotStore implementation passes. */
export function storeContract(name: string, open: (clock: ManualClock) => Promise<StoreUnderTest>): void {
  describe(`BotStore contract: ${name}`, () => {
    let clock: ManualClock;
    let t: StoreUnderTest;
    let store: BotStore;
    beforeEach(async () => {
      clock = new ManualClock(START);
      t = await open(clock);
      store = t.store;
    });
    afterEach(async () => {
      await t.cleanup();
    });

    it('creates a promise once: same id is refused, same request key returns the first', async () => {
      const first = promise(1, { requestKey: 'trigger-1' });
      expect(await store.createPromise(first)).toEqual({ status: 'created', stored: { record: first, version: 1 } });
      expect(await store.createPromise(promise(1))).toEqual({ status: 'id-taken' });
      const again = await store.createPromise({ ...promise(2), requestKey: 'trigger-1' });
      expect(again).toMatchObject({ status: 'repeated', stored: { record: { id: first.id } } });
      expect(await store.getPromise(idFor(2))).toBeUndefined();
      expect(await store.getPromise(first.id)).toEqual({ record: first, version: 1 });
    });

    it('refuses a record the schema rejects, and stores nothing', async () => {
      await expect(store.createPromise({ ...promise(3), note: '' })).rejects.toThrow();
      await expect(store.createPromise({ ...promise(3), id: 'lower' })).rejects.toThrow();
      expect(await store.getPromise(idFor(3))).toBeUndefined();
    });

    it('lists open promises by owner and all open ones page by page, soonest first', async () => {
      const sameDue = iso(Date.parse(START) + minutes(30));
      for (let n = 1; n <= 25; n++) await store.createPromise(promise(n, n > 20 ? { dueAt: sameDue } : {}));
      await store.createPromise(closed(26, START));
      const mine = await store.openPromisesOf({ platform: 'slack', userId: 'U1' });
      expect(ids(mine)).toEqual([idFor(22), idFor(25), idFor(1), idFor(4), idFor(7), idFor(10), idFor(13), idFor(16), idFor(19)]);
      expect(await store.openPromisesOf({ platform: 'discord', userId: 'U1' })).toEqual([]);

      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await store.openPromises({ limit: 10, ...(after ? { after } : {}) });
        seen.push(...ids(page.items));
        after = page.next;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual([21, 22, 23, 24, 25, ...Array.from({ length: 20 }, (_, i) => i + 1)].map(idFor));
    });

    it('changes a promise only at the version it was read at', async () => {
      await store.createPromise(promise(4));
      const read = (await store.getPromise(idFor(4)))!;
      const changed = await store.changePromise(idFor(4), read.version, (p) => {
        p.snoozedUntil = iso(Date.parse(START) + minutes(5));
        p.history.push({ at: START, by: 'U1', event: 'snoozed', to: p.snoozedUntil });
      });
      expect(changed).toMatchObject({ ok: true, stored: { version: read.version + 1 } });
      const stale = await store.changePromise(idFor(4), read.version, (p) => {
        p.status = 'done';
      });
      expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: read.version + 1, record: { status: 'open' } } });
      expect(await store.changePromise(idFor(9), 1, () => undefined)).toEqual({ ok: false, reason: 'not-found' });
      await expect(store.changePromise(idFor(4), read.version + 1, (p) => void (p.note = ''))).rejects.toThrow();
      const now = (await store.getPromise(idFor(4)))!;
      expect(now.version).toBe(read.version + 1);
      expect(now.record.history.map((h) => h.event)).toEqual(['created', 'snoozed']);
    });

    it('concurrent changes at the same version: exactly one wins', async () => {
      await store.createPromise(promise(5));
      const other = await t.second();
      const { version } = (await store.getPromise(idFor(5)))!;
      const results = await Promise.all([
        store.changePromise(idFor(5), version, (p) => void (p.note = 'first writer')),
        other.changePromise(idFor(5), version, (p) => void (p.note = 'second writer')),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(1);
    });

    it('finds closed promises by closing time, [from, to), oldest first', async () => {
      const at = (m: number) => iso(Date.parse(START) + minutes(m));
      await store.createPromise(closed(6, at(10)));
      await store.createPromise(closed(7, at(0), 'cancelled'));
      await store.createPromise(closed(8, at(20)));
      await store.createPromise(promise(9));
      const found = await store.closedBetween(new Date(at(0)), new Date(at(20)));
      expect(found.map((p) => p.id)).toEqual([idFor(7), idFor(6)]);
    });

    it('claims due reminders once until released or expired, then not again once sent', async () => {
      const due = Date.parse(START) + minutes(20);
      await store.createPromise(promise(10, { dueAt: iso(due) }));
      await store.createPromise(promise(11, { dueAt: iso(due + minutes(60)) }));
      const other = await t.second();
      const window = { claimant: 'replica-a', visibilityMs: 30_000, limit: 100 };

      expect(await store.claimDueReminders({ ...window, now: new Date(due - minutes(11)) })).toEqual([]);
      clock.set(due - minutes(10));
      const claims = await store.claimDueReminders({ ...window, now: clock.now() });
      expect(claims.map((c) => [c.stored.record.id, c.due.map((d) => d.stage)])).toEqual([[idFor(10), ['heads-up']]]);
      expect(await other.claimDueReminders({ ...window, claimant: 'replica-b', now: clock.now() })).toEqual([]);

      clock.advance(30_000); // replica-a went silent: its claim has expired
      const retaken = await other.claimDueReminders({ ...window, claimant: 'replica-b', now: clock.now() });
      expect(retaken.map((c) => c.stored.record.id)).toEqual([idFor(10)]);

      // replica-b records the heads-up (the intent, before sending) and releases its claim.
      const claimed = retaken[0]!.stored;
      await other.changePromise(claimed.record.id, claimed.version, (p) => {
        p.reminders['heads-up'] = { at: clock.now().toISOString(), late: false, forDueAt: p.dueAt, inFlight: true };
      });
      await other.releaseReminderClaim(claimed.record.id, 'replica-a'); // not its claim: no effect
      expect(await store.claimDueReminders({ ...window, now: clock.now() })).toEqual([]);
      await other.releaseReminderClaim(claimed.record.id, 'replica-b');
      expect(await store.claimDueReminders({ ...window, now: clock.now() })).toEqual([]); // heads-up recorded, due not yet

      // With a horizon, the coming due stage is claimed ahead of time.
      const ahead = await store.claimDueReminders({ ...window, now: clock.now(), horizonMs: minutes(10) });
      expect(ahead.map((c) => [c.stored.record.id, c.due.map((d) => d.stage)])).toEqual([[idFor(10), ['due']]]);
    });

    it('an intent left unconfirmed past its claim is claimable again, as unsure, by another replica', async () => {
      const due = Date.parse(START) + minutes(20);
      await store.createPromise(promise(12, { dueAt: iso(due), createdAt: iso(due - minutes(5)) })); // inside the heads-up window: no heads-up
      const other = await t.second();
      const window = { claimant: 'replica-a', visibilityMs: 30_000, limit: 100 };
      clock.set(due);
      const [claim] = await store.claimDueReminders({ ...window, now: clock.now() });
      // replica-a records its intent with its claim's end, then dies before sending or confirming.
      await store.changePromise(idFor(12), claim!.stored.version, (p) => {
        p.reminders.due = { at: clock.now().toISOString(), late: false, forDueAt: p.dueAt, inFlight: true, until: iso(due + 30_000) };
      });
      clock.advance(29_000);
      expect(await other.claimDueReminders({ ...window, claimant: 'replica-b', now: clock.now() })).toEqual([]);
      clock.advance(1000);
      const retaken = await other.claimDueReminders({ ...window, claimant: 'replica-b', now: clock.now() });
      expect(retaken.map((c) => c.due.map((d) => [d.stage, d.unsureSince]))).toEqual([[['due', iso(due)]]]);
    });

    it('a snoozed repeat whose intent was left unconfirmed past its claim is claimable again, as unsure', async () => {
      const snoozeAt = Date.parse(START) + minutes(5);
      await store.createPromise(promise(13, { snoozedUntil: iso(snoozeAt) }));
      const other = await t.second();
      const window = { claimant: 'replica-a', visibilityMs: 30_000, limit: 100 };
      clock.set(snoozeAt);
      const [claim] = await store.claimDueReminders({ ...window, now: clock.now() });
      expect(claim!.due.map((d) => d.stage)).toEqual(['snooze']);
      await store.changePromise(idFor(13), claim!.stored.version, (p) => {
        p.snoozeIntent = { at: clock.now().toISOString(), late: false, forDueAt: p.dueAt, inFlight: true, until: iso(snoozeAt + 30_000), snoozedUntil: p.snoozedUntil! };
      });
      clock.advance(29_000);
      expect(await other.claimDueReminders({ ...window, claimant: 'replica-b', now: clock.now() })).toEqual([]);
      clock.advance(1000);
      const retaken = await other.claimDueReminders({ ...window, claimant: 'replica-b', now: clock.now() });
      expect(retaken.map((c) => c.due.map((d) => [d.stage, d.unsureSince]))).toEqual([[['snooze', iso(snoozeAt)]]]);
    });

    it('claims undelivered messages that are due, one claimant at a time', async () => {
      const now = Date.parse(START);
      await store.addPendingDelivery(pending('d1', iso(now - 1000)));
      await store.addPendingDelivery(pending('d2', iso(now + minutes(5))));
      await store.addPendingDelivery(pending('d1', iso(now - 1000))); // added twice: kept once
      const other = await t.second();
      const window = { now: clock.now(), visibilityMs: 60_000, limit: 10 };
      const mine = await store.claimPendingDeliveries({ ...window, claimant: 'a' });
      expect(mine.map((d) => d.id)).toEqual(['d1']);
      expect(await other.claimPendingDeliveries({ ...window, claimant: 'b' })).toEqual([]);
      await store.savePendingDelivery({ ...mine[0]!, attempts: 2, nextAttemptAt: iso(now + minutes(1)), lastError: 'rate limited' });
      expect(await other.claimPendingDeliveries({ ...window, claimant: 'b' })).toEqual([]);
      clock.advance(minutes(6));
      const later = await other.claimPendingDeliveries({ ...window, now: clock.now(), claimant: 'b' });
      expect(later.map((d) => [d.id, d.attempts])).toEqual([
        ['d1', 2],
        ['d2', 1],
      ]);
      await other.removePendingDelivery('d1');
      expect((await store.pendingDeliveries()).map((d) => d.id)).toEqual(['d2']);
    });

    it('writes a kept message’s delivery after a try only over the intent that try wrote (compare-and-set on intentId)', async () => {
      const now = Date.parse(START);
      const inFlight = (intentId: string): PendingDelivery => ({ ...pending('d1', iso(now + 30_000)), inFlight: true, until: iso(now + 30_000), intentId });
      // Written before intents had ids: a sender that takes it over expects none.
      await store.addPendingDelivery({ ...pending('d1', iso(now)), inFlight: true, until: iso(now) });
      const other = await t.second();
      expect(await other.savePendingDelivery(inFlight('intent-a'), { intentId: 'someone-else' })).toBe(false);
      expect(await other.savePendingDelivery(inFlight('intent-a'), { intentId: undefined })).toBe(true);
      // B took it over; A's failure, then A's confirmation, find B's intent and write nothing.
      expect(await store.savePendingDelivery(inFlight('intent-b'), { intentId: 'intent-a' })).toBe(true);
      const failedA = { ...pending('d1', iso(now + 15_000)), attempts: 1, lastError: 'timed out' };
      expect(await other.savePendingDelivery(failedA, { intentId: 'intent-a' })).toBe(false);
      expect(await other.removePendingDelivery('d1', { intentId: 'intent-a' })).toBe(false);
      expect(await store.pendingDeliveries()).toEqual([inFlight('intent-b')]);
      expect(await other.removePendingDelivery('d1', { intentId: 'intent-b' })).toBe(true);
      expect(await store.pendingDeliveries()).toEqual([]);
      expect(await store.savePendingDelivery(inFlight('intent-c'))).toBe(false);
    });

    it('keeps time zones, redelivery keys and /calm counts', async () => {
      const person = { platform: 'discord', userId: '123456789012345678' };
      expect(await store.timeZoneOf(person)).toBeUndefined();
      await store.setTimeZone(person, 'Europe/London');
      await store.setTimeZone(person, 'Asia/Shanghai');
      expect(await store.timeZoneOf(person)).toBe('Asia/Shanghai');

      expect(await store.firstDelivery('Ev01')).toBe(true);
      expect(await store.firstDelivery('Ev01')).toBe(false);
      clock.advance(minutes(11));
      expect(await store.firstDelivery('Ev01')).toBe(true);

      await store.addCalmUse('2026-03-01');
      await store.addCalmUse('2026-03-01');
      await store.addCalmUse('2026-03-02');
      expect(await store.calmUses('2026-03-02', 3)).toEqual([
        { day: '2026-02-28', count: 0 },
        { day: '2026-03-01', count: 2 },
        { day: '2026-03-02', count: 1 },
      ]);
    });

    it('keeps Slack posts that may have landed for two days, seen by every replica; redelivery keys and /calm counts too', async () => {
      const other = await t.second();
      expect(await store.isUncertainPost('reminder:AB234:heads-up@D1')).toBe(false);
      await store.markUncertainPost('reminder:AB234:heads-up@D1');
      await store.markUncertainPost('digest:2026-03-02@C7');
      expect(await other.isUncertainPost('reminder:AB234:heads-up@D1')).toBe(true);
      await other.clearUncertainPost('reminder:AB234:heads-up@D1');
      expect(await store.isUncertainPost('reminder:AB234:heads-up@D1')).toBe(false);
      expect(await store.isUncertainPost('digest:2026-03-02@C7')).toBe(true);
      clock.advance(minutes(47 * 60));
      await store.markUncertainPost('digest:2026-03-02@C7'); // marked again: the first time still counts
      expect(await other.isUncertainPost('digest:2026-03-02@C7')).toBe(true);
      clock.advance(minutes(60));
      expect(await other.isUncertainPost('digest:2026-03-02@C7')).toBe(false);
      await store.markUncertainPost('digest:2026-03-02@C7'); // expired, so a new mark starts two days again
      expect(await other.isUncertainPost('digest:2026-03-02@C7')).toBe(true);

      expect(await store.firstDelivery('feishu:message:om_1')).toBe(true);
      expect(await other.firstDelivery('feishu:message:om_1')).toBe(false);
      await other.addCalmUse('2026-03-02');
      await store.addCalmUse('2026-03-02');
      expect(await other.calmUses('2026-03-02', 1)).toEqual([{ day: '2026-03-02', count: 2 }]);
    });

    it('keeps everything across a restart', async () => {
      await store.createPromise(promise(12, { requestKey: 'k12' }));
      await store.setTimeZone({ platform: 'slack', userId: 'U1' }, 'Europe/Paris');
      await store.addPendingDelivery(pending('d3', START));
      await store.addCalmUse('2026-03-02');
      expect(await store.firstDelivery('Ev02')).toBe(true);
      await store.markUncertainPost('reminder:AB234:due@D1');
      store = await t.reopen();
      expect(await store.isUncertainPost('reminder:AB234:due@D1')).toBe(true);
      expect((await store.getPromise(idFor(12)))?.record.requestKey).toBe('k12');
      expect(await store.timeZoneOf({ platform: 'slack', userId: 'U1' })).toBe('Europe/Paris');
      expect((await store.pendingDeliveries()).map((d) => d.id)).toEqual(['d3']);
      expect(await store.calmUses('2026-03-02', 1)).toEqual([{ day: '2026-03-02', count: 1 }]);
      expect(await store.firstDelivery('Ev02')).toBe(false);
    });
  });
}
