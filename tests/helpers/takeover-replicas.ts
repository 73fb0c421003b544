import type { Logger } from 'pino';
import { ManualClock } from '../../src/core/clock.js';
import { PgBotStore } from '../../src/db/pg-bot-store.js';
import { PromiseDesk } from '../../src/promises/desk.js';
import { botContext } from './bot-context.js';
import { createTestDatabase } from './postgres-server.js';

/** Two replicas' desks over one store, on one moved clock. */
export interface Replicas {
  clock: ManualClock;
  a: PromiseDesk;
  b: PromiseDesk;
  close(): Promise<void>;
}

/**
 * How two replicas share a store: one file store in one process, or (with a PostgreSQL server)
 * two connections to one fresh database, each replica with its own desk.
 */
export function replicaStores(options: { server: string | undefined; visibilityMs: number; log: Logger; timings: { remindBeforeMs: number; escalateAfterMs: number } }): Record<string, () => Promise<Replicas>> {
  const { server, visibilityMs, log, timings } = options;
  return {
    'file store': async () => {
      const ctx = await botContext({ now: '2026-12-01T08:00:00Z', visibilityMs });
      const desk = new PromiseDesk(ctx.fileStore, ctx.clock, { visibilityMs, log });
      return { clock: ctx.clock, a: desk, b: desk, close: () => ctx.close() };
    },
    ...(server
      ? {
          PostgreSQL: async () => {
            const clock = new ManualClock('2026-12-01T08:00:00Z');
            const db = await createTestDatabase(server);
            const open = () => PgBotStore.open({ url: db.url, timings, now: () => clock.now(), poolSize: 3 });
            const [storeA, storeB] = await Promise.all([open(), open()]);
            return {
              clock,
              a: new PromiseDesk(storeA, clock, { visibilityMs, log }),
              b: new PromiseDesk(storeB, clock, { visibilityMs, log }),
              async close() {
                await Promise.all([storeA.close(), storeB.close()]);
                await db.drop();
              },
            };
          },
        }
      : {}),
  };
}
