import { makeWorkerUtils } from 'graphile-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { PgBotStore } from '../../src/db/pg-bot-store.js';
import { planReminderJob } from '../../src/jobs/graphile-job-engine.js';
import { reminderJobTime } from '../../src/jobs/job-engine.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { idFor, promise, START, TIMINGS } from './store.contract.js';

/**
 * On PostgreSQL a promise write and its reminder job are one transaction (as main.ts wires it):
 * no moment where the promise is made, moved or closed and its job still says otherwise.
 */
const server = testPostgresUrl('promise writes and their reminder jobs in one transaction');
const minutes = (n: number) => n * 60_000;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.runIf(server)('PostgreSQL store: the reminder job is planned in the promise’s transaction', () => {
  async function storeWithJobs(): Promise<{ store: PgBotStore; jobOf: (id: string) => Promise<Date | undefined> }> {
    const db = await createTestDatabase(server!);
    cleanups.push(() => db.drop());
    const utils = await makeWorkerUtils({ connectionString: db.url });
    await utils.migrate(); // the job engine's schema, as GraphileJobEngine.start leaves it (no worker runs here)
    await utils.release();
    const store = await PgBotStore.open({ url: db.url, timings: TIMINGS, now: () => new Date(START), poolSize: 2 });
    cleanups.push(() => store.close());
    store.planJobsWith((client, record) => planReminderJob(client, record.id, reminderJobTime(record, TIMINGS)));
    const jobOf = async (id: string) => {
      const { rows } = await store.pool.query<{ run_at: Date }>(`SELECT run_at FROM graphile_worker.jobs WHERE key = $1 AND task_identifier = 'promise-reminder'`, [id]);
      expect(rows.length).toBeLessThanOrEqual(1);
      return rows[0]?.run_at;
    };
    return { store, jobOf };
  }

  it('made: its job is there at the heads-up; moved: the job moves; closed: the job is gone', async () => {
    const { store, jobOf } = await storeWithJobs();
    const made = promise(1);
    await store.createPromise(made);
    expect(await jobOf(made.id)).toEqual(new Date(Date.parse(made.dueAt) - TIMINGS.remindBeforeMs));

    const later = new Date(Date.parse(made.dueAt) + minutes(90)).toISOString();
    await store.changePromise(made.id, 1, (p) => {
      p.dueAt = later;
      p.history.push({ at: START, by: 'U1', event: 'renegotiated', from: made.dueAt, to: later });
    });
    expect(await jobOf(made.id)).toEqual(new Date(Date.parse(later) - TIMINGS.remindBeforeMs));

    await store.changePromise(made.id, 2, (p) => {
      p.status = 'done';
      p.closedAt = START;
      p.history.push({ at: START, by: 'U1', event: 'done' });
    });
    expect(await jobOf(made.id)).toBeUndefined();
  });

  it('a change whose job cannot be planned is not written either', async () => {
    const { store, jobOf } = await storeWithJobs();
    await store.createPromise(promise(2));
    const planned = await jobOf(idFor(2));
    await store.pool.query('DROP SCHEMA graphile_worker CASCADE');
    await expect(
      store.changePromise(idFor(2), 1, (p) => {
        p.status = 'done';
        p.closedAt = START;
        p.history.push({ at: START, by: 'U1', event: 'done' });
      }),
    ).rejects.toThrow(/graphile_worker/);
    expect(await store.getPromise(idFor(2))).toMatchObject({ version: 1, record: { status: 'open' } });
    await expect(store.createPromise(promise(3))).rejects.toThrow(/graphile_worker/);
    expect(await store.getPromise(idFor(3))).toBeUndefined();
    expect(planned).toBeDefined();
  });
});
