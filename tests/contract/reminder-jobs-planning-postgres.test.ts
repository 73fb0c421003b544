import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock.js';
import { PgBotStore } from '../../src/db/pg-bot-store.js';
import { GraphileJobEngine, planReminderJob } from '../../src/jobs/graphile-job-engine.js';
import { startReminderJobs } from '../../src/jobs/reminder-jobs.js';
import { PromiseDesk } from '../../src/promises/desk.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TIMINGS } from './store.contract.js';

/**
 * startReminderJobs as main.ts wires it: each change of a promise plans its reminder job once. On
 * PostgreSQL that is inside the write's own transaction (PgBotStore.planJobsWith), so the engine
 * is not asked again after the write; on the file store, which cannot, after the desk announces it.
 */
const server = testPostgresUrl('reminder jobs planned once per promise change');
const log = pino({ level: 'silent' });
const HOUR = 3_600_000;
const owner = { platform: 'slack' as const, userId: 'U1', name: 'amy', locale: 'en' as const };
const lead = { platform: 'slack' as const, userId: 'ULEAD', isLead: true };

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.runIf(server)('reminder jobs: each promise change planned once', () => {
  /** A real engine on a fresh database; `asked` lists the promises it was asked to plan after a write. */
  async function engineOn(url: string): Promise<{ engine: GraphileJobEngine; asked: string[]; jobOf: (id: string) => Promise<Date | undefined> }> {
    const engine = new GraphileJobEngine({ url, replica: 'planning-test', log, concurrency: 1 });
    const asked: string[] = [];
    const schedule = engine.scheduleReminder.bind(engine);
    engine.scheduleReminder = (id, at) => {
      asked.push(id);
      return schedule(id, at);
    };
    const probe = await PgBotStore.open({ url, timings: TIMINGS, migrate: false, poolSize: 1 });
    cleanups.push(() => probe.close());
    const jobOf = async (id: string) => {
      const { rows } = await probe.pool.query<{ run_at: Date }>(`SELECT run_at FROM graphile_worker.jobs WHERE key = $1 AND task_identifier = 'promise-reminder'`, [id]);
      return rows[0]?.run_at;
    };
    return { engine, asked, jobOf };
  }

  const start = (engine: GraphileJobEngine, desk: PromiseDesk, planWithWrites?: Parameters<typeof startReminderJobs>[0]['planWithWrites']) =>
    startReminderJobs({ engine, desk, scheduler: { tick: async () => undefined }, timings: TIMINGS, clock: systemClock, log, postDigest: async () => undefined, retryMs: 15_000, ...(planWithWrites ? { planWithWrites } : {}) }).then((jobs) => {
      cleanups.push(() => jobs.stop());
      return jobs;
    });

  it('on PostgreSQL, in the write’s own transaction only: the engine is not asked again after the write', async () => {
    const db = await createTestDatabase(server!);
    cleanups.push(() => db.drop());
    const store = await PgBotStore.open({ url: db.url, timings: TIMINGS, poolSize: 3 });
    cleanups.push(() => store.close());
    const { engine, asked, jobOf } = await engineOn(db.url);
    const desk = new PromiseDesk(store, systemClock);
    await start(engine, desk, (jobTime) => store.planJobsWith((client, record) => planReminderJob(client, record.id, jobTime(record))));

    const dueAt = new Date(Date.now() + 2 * HOUR);
    const { record } = await desk.create({ owner, dueAt, note: 'call back about the refund', timeZone: 'UTC' });
    expect(await jobOf(record.id)).toEqual(new Date(dueAt.getTime() - TIMINGS.remindBeforeMs));
    const later = new Date(dueAt.getTime() + HOUR);
    await desk.renegotiate(record.id, lead, later);
    expect(await jobOf(record.id)).toEqual(new Date(later.getTime() - TIMINGS.remindBeforeMs));
    await desk.done(record.id, lead);
    expect(await jobOf(record.id)).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('on the file store, after each change the desk announces', async () => {
    const db = await createTestDatabase(server!);
    cleanups.push(() => db.drop());
    const { engine, asked, jobOf } = await engineOn(db.url);
    const desk = await PromiseDesk.open({ dataDir: tempDir('reminder-jobs-file-'), clock: systemClock, timings: TIMINGS });
    cleanups.push(() => desk.close());
    await start(engine, desk);

    const dueAt = new Date(Date.now() + 2 * HOUR);
    const { record } = await desk.create({ owner, dueAt, note: 'call back about the refund', timeZone: 'UTC' });
    await expect.poll(() => jobOf(record.id)).toEqual(new Date(dueAt.getTime() - TIMINGS.remindBeforeMs));
    await desk.done(record.id, lead);
    await expect.poll(() => jobOf(record.id)).toBeUndefined();
    expect(asked).toEqual([record.id, record.id]);
  });
});
