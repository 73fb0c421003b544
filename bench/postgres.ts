/**
 * The promise figures on PostgreSQL (issue 13, "Measure"): durable create with 100,000 archived,
 * start-up with 10,000 open, and reminder lateness with 10,000 due in one minute across two
 * replicas (two stores and two graphile-worker engines in this process, each on its own pool,
 * as two processes would be; each send takes 20 ms like a chat API call, and the intent is
 * written on the promise before it, as the bot does).
 * Server: BENCH_DATABASE_URL, else a throwaway cluster with fsync on (so "durable" means what it
 * says); without either the section is skipped with a line saying why.
 */
import pino from 'pino';
import pg from 'pg';
import { PgBotStore } from '../src/db/pg-bot-store.js';
import { GraphileJobEngine } from '../src/jobs/graphile-job-engine.js';
import { reminderJobTime } from '../src/jobs/job-engine.js';
import type { PromiseRecord } from '../src/promises/model.js';
import { stillPlanned, type PlannedReminder, type ReminderTimings } from '../src/promises/reminder-plan.js';
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
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

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

let serial = 0;
function nextId(): string {
  let n = serial++;
  let id = '';
  for (let i = 0; i < 7; i++, n = Math.floor(n / ALPHABET.length)) id = ALPHABET[n % ALPHABET.length] + id;
  return id;
}

function promiseAt(createdAtMs: number, dueAtMs: number, closedAtMs?: number): PromiseRecord {
  const createdAt = new Date(createdAtMs).toISOString();
  const user = `U0${(serial % 40).toString().padStart(8, '0')}`;
  const record: PromiseRecord = {
    id: nextId(),
    owner: { platform: 'slack', userId: user },
    createdAt,
    dueAt: new Date(dueAtMs).toISOString(),
    timeZone: 'Asia/Shanghai',
    note: '4411 refund check',
    status: 'open',
    reminders: {},
    requestKey: `slack:trigger-${serial}`,
    history: [{ at: createdAt, by: user, event: 'created' }],
  };
  if (closedAtMs !== undefined) {
    const closedAt = new Date(closedAtMs).toISOString();
    Object.assign(record, { status: 'done', closedAt, keptOnTime: closedAtMs <= dueAtMs });
    record.history.push({ at: closedAt, by: user, event: 'done' });
  }
  return record;
}

/** Promises written in a few large statements (one by one takes minutes): set-up, not what is measured. */
async function insertMany(url: string, records: readonly PromiseRecord[], archived: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < records.length; i += 2000) {
      await client.query(
        `INSERT INTO promises (id, status, owner_platform, owner_user_id, due_at, closed_at, archived, request_key, body)
         SELECT e->>'id', e->>'status', e->'owner'->>'platform', e->'owner'->>'userId', (e->>'dueAt')::timestamptz,
                (e->>'closedAt')::timestamptz, $2, e->>'requestKey', e::jsonb
         FROM json_array_elements($1::json) AS e`,
        [JSON.stringify(records.slice(i, i + 2000)), archived],
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
    return promiseAt(closed - 3_600_000, closed - 1_800_000, closed);
  });
}

async function timeCreates(store: PgBotStore): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + CREATES; i++) {
    const now = Date.now();
    const record = promiseAt(now, now + 2 * 3_600_000);
    const start = performance.now();
    const created = await store.createPromise(record);
    if (created.status !== 'created') throw new Error(`bench create: ${created.status}`);
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function createOpen(store: PgBotStore, count: number, dueAt: (i: number) => number): Promise<PromiseRecord[]> {
  const made: PromiseRecord[] = [];
  for (let i = 0; i < count; i += 200) {
    const batch = Array.from({ length: Math.min(200, count - i) }, (_, k) => promiseAt(Date.now(), dueAt(i + k)));
    await Promise.all(batch.map((r) => store.createPromise(r)));
    made.push(...batch);
  }
  return made;
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
 * Two replicas, each a store and an engine. The handler does what the bot's does for a due
 * reminder: read the promise, write the intent (optimistic version), send, then plan the
 * promise's next job (the escalation).
 */
async function timeLateness(url: string, timings: ReminderTimings): Promise<Pick<PostgresBench, 'lateness' | 'duplicates' | 'missing'>> {
  const log = pino({ level: 'silent' });
  const sends = new Map<string, number[]>();
  const replicas = await Promise.all(['a', 'b'].map(async (name) => {
    const store = await PgBotStore.open({ url, timings, poolSize: 12 });
    const engine = new GraphileJobEngine({ url, replica: name, log, concurrency: 10 });
    return { store, engine };
  }));
  for (const { store, engine } of replicas) {
    await engine.start({
      digest: async () => undefined,
      reminderDue: async (promiseId) => {
        const stored = await store.getPromise(promiseId);
        const planned: PlannedReminder | undefined = stored && { promiseId, stage: 'due', at: Date.parse(stored.record.dueAt), forDueAt: stored.record.dueAt };
        if (!stored || !planned || !stillPlanned(stored.record, planned) || Date.now() < planned.at) return;
        const intent = await store.changePromise(promiseId, stored.version, (p) => {
          p.reminders.due = { at: new Date().toISOString(), late: false, forDueAt: p.dueAt, inFlight: true };
        });
        if (!intent.ok) return; // another replica wrote it first: theirs to send
        sends.set(promiseId, [...(sends.get(promiseId) ?? []), Date.now() - planned.at]);
        await new Promise((resolve) => setTimeout(resolve, SEND_MS));
        await engine.scheduleReminder(promiseId, reminderJobTime(intent.stored.record, timings));
      },
    });
  }
  // Enough lead for making 10,000 promises and their jobs on a loaded machine before the first falls due.
  const first = Date.now() + 60_000;
  const made = Array.from({ length: DUE_IN_A_MINUTE }, (_, i) => promiseAt(Date.now(), first + Math.floor((i * SPREAD_MS) / DUE_IN_A_MINUTE)));
  await insertMany(url, made, false);
  for (let i = 0; i < made.length; i += 100) {
    await Promise.all(made.slice(i, i + 100).map((r, k) => replicas[(i + k) % 2]!.engine.scheduleReminder(r.id, reminderJobTime(r, timings))));
  }
  if (Date.now() > first - 1000) process.stdout.write('  (set-up ran into the first due time; the first reminders count as late)\n');
  const deadline = first + SPREAD_MS + 60_000;
  while (sends.size < made.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  await new Promise((resolve) => setTimeout(resolve, 3000)); // duplicates would show now
  await Promise.all(replicas.map(async ({ store, engine }) => {
    await engine.stop();
    await store.close();
  }));
  const lateness = [...sends.values()].map((l) => l[0]!).sort((a, b) => a - b);
  return { lateness, duplicates: [...sends.values()].reduce((n, l) => n + l.length - 1, 0), missing: made.length - sends.size };
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
    await insertMany(url, archivedPromises(), true);
    await createOpen(store, OPEN_TYPICAL, () => Date.now() + 2 * 3_600_000);
    const creates = await timeCreates(store);
    await createOpen(store, OPEN_LARGE - OPEN_TYPICAL - CREATES - WARM_UP, () => Date.now() + 2 * 3_600_000);
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
