import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/core/clock.js';
import { PgBotStore } from '../../src/db/pg-bot-store.js';
import type { BotStore } from '../../src/db/bot-store.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { idFor, promise, START, storeContract, TIMINGS } from './store.contract.js';

const server = testPostgresUrl('the PostgreSQL store contract');

function openStore(url: string, clock: ManualClock): Promise<PgBotStore> {
  return PgBotStore.open({ url, timings: TIMINGS, now: () => clock.now(), poolSize: 4 });
}

if (server) {
  storeContract('PostgreSQL', async (clock) => {
    const db = await createTestDatabase(server);
    const stores: BotStore[] = [];
    const track = async (s: Promise<PgBotStore>) => {
      const opened = await s;
      stores.push(opened);
      return opened;
    };
    let store = await track(openStore(db.url, clock));
    return {
      store,
      async reopen() {
        await store.close();
        stores.splice(stores.indexOf(store), 1);
        store = await track(openStore(db.url, clock));
        return store;
      },
      second: () => track(openStore(db.url, clock)),
      async cleanup() {
        await Promise.all(stores.map((s) => s.close()));
        await db.drop();
      },
    };
  });

  describe('PostgreSQL store across replicas', () => {
    it('two replicas claiming the same due reminders in rounds: each promise is claimed exactly once', async () => {
      const db = await createTestDatabase(server);
      const clock = { now: () => new Date(START) } as ManualClock;
      const [a, b] = await Promise.all([openStore(db.url, clock), openStore(db.url, clock)]);
      try {
        const due = new Date(Date.parse(START) - 60_000).toISOString();
        for (let n = 0; n < 300; n += 50) {
          await Promise.all(Array.from({ length: 50 }, (_, i) => a.createPromise(promise(n + i, { dueAt: due, createdAt: '2026-03-02T08:00:00.000Z', history: [{ at: '2026-03-02T08:00:00.000Z', by: 'U1', event: 'created' }] }))));
        }
        const claimedBy = new Map<string, string[]>();
        const claim = async (store: PgBotStore, claimant: string) => {
          for (;;) {
            const got = await store.claimDueReminders({ now: new Date(START), claimant, visibilityMs: 60_000, limit: 7 });
            if (!got.length) return;
            for (const c of got) claimedBy.set(c.stored.record.id, [...(claimedBy.get(c.stored.record.id) ?? []), claimant]);
          }
        };
        await Promise.all([claim(a, 'a'), claim(b, 'b'), claim(a, 'a2'), claim(b, 'b2')]);
        expect(claimedBy.size).toBe(300);
        expect([...claimedBy.values()].every((by) => by.length === 1)).toBe(true);
        const claimants = new Set([...claimedBy.values()].flat());
        expect(claimants.size).toBeGreaterThan(1);
        expect(claimedBy.get(idFor(0))).toHaveLength(1);
      } finally {
        await Promise.all([a.close(), b.close()]);
        await db.drop();
      }
    });

    it('keeps every history entry in the audit table, once', async () => {
      const db = await createTestDatabase(server);
      const store = await openStore(db.url, { now: () => new Date(START) } as ManualClock);
      try {
        await store.createPromise(promise(1));
        await store.changePromise(idFor(1), 1, (p) => {
          p.status = 'done';
          p.closedAt = START;
          p.history.push({ at: START, by: 'U1', event: 'done' });
        });
        const { rows } = await store.pool.query<{ seq: number; event: string }>('SELECT seq, event FROM promise_history WHERE promise_id = $1 ORDER BY seq', [idFor(1)]);
        expect(rows).toEqual([
          { seq: 0, event: 'created' },
          { seq: 1, event: 'done' },
        ]);
      } finally {
        await store.close();
        await db.drop();
      }
    });
  });
}
