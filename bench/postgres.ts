/**
 * The promise figures on PostgreSQL (issue 13, "Measure"): durable create with 100,000 archived,
 * start-up with 10,000 open, and reminder lateness with 10,000 due in one minute across two
 * replicas (two desks, schedulers and graphile-worker engines in this process, each on its own
 * pools, as two processes would be; each send takes 20 ms like a chat API call).
 * Server: BENCH_DATABASE_URL, else a throwaway cluster with fsync on (so "durable" means what it
 * says); without either the section is skipped with a line saying why.
 *
 * Measured 2026-12-02, PostgreSQL 15, Node 20, 2 cores at load average ~17 (8 engineers sharing):
 *   durable create, 100,000 archived   p50 11-16 ms, p99 52-172 ms (file store: see its line)
 *   start-up, 10,000 open              2.3-3.5 s (open + read every open promise)
 *   lateness, 1,000 due in a minute    p50 207 ms, p99 1.2 s, max 1.6 s; no duplicate, none missing
 *   lateness, 10,000 due in a minute   p50 9.4 s, p99 23 s; no duplicate, none missing. The machine's
 *                                      CPU is the limit: each reminder costs ~15 round trips (job,
 *                                      claim, intent, confirm, release, next job); the engine alone
 *                                      (bench/job-engines.ts, empty handler) keeps p99 ~0.2 s.
 */
import pino from 'pino';
import pg from 'pg';
import { PgBotStore } from '../src/db/pg-bot-store.js';
import { systemClock } from '../src/core/clock.js';
import { GraphileJobEngine, planReminderJob } from '../src/jobs/graphile-job-engine.js';
import { reminderJobTime } from '../src/jobs/job-engine.js';
import { planAllReminderJobs, startReminderJobs } from '../src/jobs/reminder-jobs.js';
import { PromiseDesk } from '../src/promises/desk.js';
import type { PromiseRecord } from '../src/promises/model.js';
import type { ReminderTimings } from '../src/promises/reminder-plan.js';
import { ReminderScheduler } from '../src/promises/reminder-scheduler.js';
import { leadDirectory } from '../tests/helpers/platforms.js';
import { syntheticPromise } from './promise-store.js';
import { SlowOutbox } from './reminder-lateness.js';
import { createTestDatabase, findPostgresBin, startPostgres } from '../tests/helpers/postgres-server.js';
import { percentile } from './stats.js';

const ARCHIVED = 100_000;
const OPEN_TYPICAL = 300;
const OPEN_LARGE = 10_000;
const CREATES = 300;
const WARM_UP = 20;
const DUE_IN_A_MINUTE = Number(process.env.BENCH_JOBS ?? 10_000);
const SPREAD_MS = 60_000;
const SEND_MS = 20;

export interface PostgresBench {
  archived: number;
  createMedianMs: number;
  createP99Ms: number;
  /** PgBotStore.open() (schema check) plus reading every open promise, page by page, as a replica's desk does. */
  startupMs: number;
  startupOpen: number;
  /** How late each due reminder's send began (ms), sorted; with duplicates and misses. */
  lateness: number[];
  duplicates: number;
  missing: number;
  /** Whether the server for create and start-up syncs each commit to disk (fsync and synchronous_commit on). */
  durable: boolean;
  /** The same for the lateness run. */
  latenessDurable: boolean;
}

/** A promise made at `createdAtMs`, due at `dueAtMs`, no reminder sent yet. */
function promiseAt(createdAtMs: number, dueAtMs: number): PromiseRecord {
  return { ...syntheticPromise(createdAtMs), dueAt: new Date(dueAtMs).toISOString(), reminders: {} };
}

/**
 * Promises written in a few large statements (one by one takes minutes): set-up, not what is
 * measured. The next-reminder column is filled as the store fills it: the claims read it.
 */
async function insertMany(url: string, records: readonly PromiseRecord[], archived: boolean, timings: ReminderTimings): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < records.length; i += 2000) {
      const rows = records.slice(i, i + 2000).map((r) => ({ r, next: reminderJobTime(r, timings)?.toISOString() ?? null }));
      await client.query(
        `INSERT INTO promises (id, status, owner_platform, owner_user_id, due_at, closed_at, archived, request_key, next_reminder_at, body)
         SELECT e->'r'->>'id', e->'r'->>'status', e->'r'->'owner'->>'platform', e->'r'->'owner'->>'userId', (e->'r'->>'dueAt')::timestamptz,
                (e->'r'->>'closedAt')::timestamptz, $2, e->'r'->>'requestKey', (e->>'next')::timestamptz, (e->'r')::jsonb
         FROM json_array_elements($1::json) AS e`,
        [JSON.stringify(rows), archived],
      );
    }
  } finally {
    await client.end();
  }
}

function archivedPromises(): PromiseRecord[] {
  const start = Date.parse('2026-08-01T00:00:00Z');
  return Array.from({ length: ARCHIVED }, (_, i) => {
    const closed = start + i * 60_000;
    return syntheticPromise(closed - 3_600_000, closed);
  });
}

async function timeCreates(store: PgBotStore): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + CREATES; i++) {
    const record = syntheticPromise(Date.now());
    const start = performance.now();
    const created = await store.createPromise(record);
    if (created.status !== 'created') throw new Error(`bench create: ${created.status}`);
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function timeStartup(url: string, timings: ReminderTimings): Promise<{ ms: number; open: number }> {
  const start = performance.now();
  const store = await PgBotStore.open({ url, timings });
  let open = 0;
  for (let after: string | undefined; ; ) {
    const page = await store.openPromises({ limit: 500, ...(after ? { after } : {}) });
    open += page.items.length;
    if (!page.next) break;
    after = page.next;
  }
  const ms = performance.now() - start;
  await store.close();
  return { ms, open };
}

/**
 * Two replicas, each as main.ts wires one on PostgreSQL: a PromiseDesk over a PgBotStore, the
 * ReminderScheduler, and startReminderJobs on a GraphileJobEngine. Lateness is the scheduler's
 * own figure for each due reminder; a duplicate is a delivery key the platform took twice.
 */
async function timeLateness(url: string, timings: ReminderTimings): Promise<Pick<PostgresBench, 'lateness' | 'duplicates' | 'missing'>> {
  const log = pino({ level: 'silent' });
  const outbox = new SlowOutbox(SEND_MS);
  const lateness: number[] = [];
  const replicas = await Promise.all(['a', 'b'].map(async (name) => {
    const store = await PgBotStore.open({ url, timings, poolSize: 12 });
    const desk = new PromiseDesk(store, systemClock);
    const scheduler = new ReminderScheduler({
      desk, outbox, leads: leadDirectory(), clock: systemClock, log, timings, claimant: name, leadLocale: 'en', teamTimeZone: 'UTC',
      onSent: (ms, stage) => void (stage === 'due' && lateness.push(ms)),
    });
    const engine = new GraphileJobEngine({ url, replica: name, log, concurrency: 10 });
    const jobs = await startReminderJobs({
      engine,
      desk,
      scheduler,
      timings,
      clock: systemClock,
      log,
      postDigest: async () => undefined,
      retryMs: 15_000,
      planWithWrites: (jobTime) => store.planJobsWith((client, record) => planReminderJob(client, record.id, jobTime(record))),
    });
    return { store, engine, jobs };
  }));
  // Enough lead for writing 10,000 promises and their jobs on a loaded machine before the first falls due.
  const first = Date.now() + 90_000;
  const made = Array.from({ length: DUE_IN_A_MINUTE }, (_, i) => promiseAt(Date.now(), first + Math.floor((i * SPREAD_MS) / DUE_IN_A_MINUTE)));
  await insertMany(url, made, false, timings);
  await planAllReminderJobs(replicas[0]!.engine, made, timings);
  if (Date.now() > first - 1000) process.stdout.write('  (set-up ran into the first due time; the first reminders count as late)\n');
  const deadline = first + SPREAD_MS + 60_000;
  while (lateness.length < made.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  await new Promise((resolve) => setTimeout(resolve, 3000)); // duplicates would show now
  await Promise.all(replicas.map(async ({ store, jobs }) => {
    await jobs.stop();
    await store.close();
  }));
  const dueKeys = [...outbox.keys].filter(([key]) => key.includes(':due:'));
  return {
    lateness: lateness.sort((a, b) => a - b),
    duplicates: dueKeys.reduce((n, [, count]) => n + count - 1, 0),
    missing: made.length - dueKeys.length,
  };
}

/** A server to measure on, or why there is none. */
async function server(durable: boolean): Promise<{ url: string; stop(): Promise<void> } | { skipped: string }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined };
  const bin = findPostgresBin();
  if (!bin) return { skipped: 'no PostgreSQL binaries (bash .ci/ensure-postgres, or set BENCH_DATABASE_URL)' };
  try {
    const started = await startPostgres(bin, { durable });
    return { url: started.url, stop: started.stop };
  } catch (error) {
    return { skipped: (error as Error).message.split('\n')[0]! };
  }
}

/** Runs `measure` on a fresh database of a server, and whether that server syncs each commit to disk. */
async function onServer<T>(durable: boolean, measure: (url: string) => Promise<T>): Promise<(T & { durable: boolean }) | { skipped: string }> {
  const found = await server(durable);
  if ('skipped' in found) return found;
  try {
    const synced = (await pgSetting(found.url, 'fsync')) === 'on' && (await pgSetting(found.url, 'synchronous_commit')) !== 'off';
    const db = await createTestDatabase(found.url);
    try {
      return { ...(await measure(db.url)), durable: synced };
    } finally {
      await db.drop();
    }
  } finally {
    await found.stop();
  }
}

/**
 * Create and start-up on a server that syncs each commit (durable); the lateness on one that does
 * not (as the tests run it) unless BENCH_DATABASE_URL names the server: on this shared machine a
 * synced commit takes tens of ms, which measures its disk rather than the scheduling.
 */
export async function benchPostgres(): Promise<PostgresBench | { skipped: string }> {
  const timings: ReminderTimings = { remindBeforeMs: 120_000, escalateAfterMs: 24 * 3_600_000 };
  const stored = await onServer(true, async (url) => {
    const store = await PgBotStore.open({ url, timings });
    await insertMany(url, archivedPromises(), true, timings);
    const openLater = (n: number) => Array.from({ length: n }, () => syntheticPromise(Date.now()));
    await insertMany(url, openLater(OPEN_TYPICAL), false, timings);
    const creates = await timeCreates(store);
    await insertMany(url, openLater(OPEN_LARGE - OPEN_TYPICAL - CREATES - WARM_UP), false, timings);
    await store.close();
    return { creates, startup: await timeStartup(url, timings) };
  });
  if ('skipped' in stored) return stored;
  const late = await onServer(false, (url) => timeLateness(url, timings));
  if ('skipped' in late) return late;
  return {
    archived: ARCHIVED,
    createMedianMs: percentile(stored.creates, 50),
    createP99Ms: percentile(stored.creates, 99),
    startupMs: stored.startup.ms,
    startupOpen: stored.startup.open,
    durable: stored.durable,
    lateness: late.lateness,
    duplicates: late.duplicates,
    missing: late.missing,
    latenessDurable: late.durable,
  };
}

async function pgSetting(url: string, name: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(`SHOW ${name}`);
    return Object.values(rows[0] ?? {})[0];
  } finally {
    await client.end();
  }
}
