/**
 * Reminder lateness on PostgreSQL with 10,000 jobs due within one minute, taken by two workers
 * ("replicas", here two instances in one process), each send taking 20 ms like a chat API call:
 *   - pg-boss (v10; polling, batch fetch with SKIP LOCKED)
 *   - graphile-worker (v0.17; LISTEN/NOTIFY plus polling for future jobs)
 *   - the store's own claim (PgBotStore.claimDueReminders, FOR UPDATE SKIP LOCKED, 100 ms tick with a 1 s horizon)
 * Lateness = when the handler started minus the job's due time. Also counts duplicates and misses.
 * Run: npm run bench:jobs   (BENCH_DATABASE_URL=postgres://… to use a server; else a throwaway one)
 *
 * Measured 2026-12-02, PostgreSQL 15 (fsync off), Node 20, 2 cores at load average ~17 (shared):
 *   pg-boss 10, batch 10     p50 46.5 s, p99 95 s, 5,113 not run within a minute of the last due time
 *                            (it waits 0.5 s after every fetch: at most 2 x 10 jobs per 0.5 s)
 *   pg-boss 10, batch 100    p50 287 ms, p99 597 ms, max 718 ms, no duplicates
 *   graphile-worker 0.17     p50 40 ms,  p99 189 ms, max 308 ms, no duplicates
 *   store claims             p50 15 ms,  p99 223 ms, max 528 ms, no duplicates (claimer every 100 ms, 1 s ahead;
 *                            the intent is written on the record before each send, as the bot does)
 */
import PgBoss from 'pg-boss';
import { Logger as GraphileLogger, makeWorkerUtils, run as runGraphile } from 'graphile-worker';
import { PgBotStore } from '../src/db/pg-bot-store.js';
import { DueQueue } from '../src/promises/due-queue.js';
import type { PromiseRecord } from '../src/promises/model.js';
import type { ReminderClaim } from '../src/db/bot-store.js';
import { createTestDatabase, findPostgresBin, startPostgres } from '../tests/helpers/postgres-server.js';
import { ms, percentile } from './stats.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const SPREAD_MS = 60_000;
const LEAD_MS = 30_000; // enqueueing 10,000 must finish before the first falls due, even on a loaded machine
const SEND_MS = 20;
const CONCURRENCY = 10;

interface Outcome {
  lateness: number[];
  duplicates: number;
  missing: number;
  setupMs: number;
}

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

const ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function promiseIdFor(n: number): string {
  let id = '';
  for (let i = 0; i < 5; i++, n = Math.floor(n / ID_ALPHABET.length)) id = ID_ALPHABET[n % ID_ALPHABET.length] + id;
  return id;
}

function dueTimes(start: number): number[] {
  return Array.from({ length: JOBS }, (_, i) => start + Math.floor((i * SPREAD_MS) / JOBS));
}

/** Collects handler starts and waits until every job ran once (or a deadline passed). */
class Tally {
  readonly starts = new Map<number, number[]>();
  constructor(private readonly due: number[]) {}
  record(index: number): void {
    const list = this.starts.get(index) ?? [];
    list.push(Date.now() - this.due[index]!);
    this.starts.set(index, list);
  }
  async settle(deadline: number): Promise<Outcome & { setupMs: number }> {
    while (this.starts.size < this.due.length && Date.now() < deadline) await sleep(200);
    await sleep(3000); // let late duplicates show up
    const lateness = [...this.starts.values()].map((l) => l[0]!).sort((a, b) => a - b);
    const duplicates = [...this.starts.values()].reduce((n, l) => n + l.length - 1, 0);
    return { lateness, duplicates, missing: this.due.length - this.starts.size, setupMs: 0 };
  }
}

/** Runs `fn` over items, `width` at a time. */
async function inPool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = items.slice();
  await Promise.all(Array.from({ length: width }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
  }));
}

/** pg-boss 10 waits its polling interval (at least 0.5 s) after every fetch, so a worker takes at most batchSize jobs per interval. */
async function benchPgBoss(url: string, batchSize: number): Promise<Outcome> {
  const t0 = Date.now();
  const due = dueTimes(t0 + LEAD_MS);
  const tally = new Tally(due);
  const bosses = [0, 1].map(() => new PgBoss({ connectionString: url, max: CONCURRENCY + 2 }));
  for (const boss of bosses) boss.on('error', (error: unknown) => console.error('pg-boss:', error));
  await bosses[0]!.start();
  await bosses[0]!.createQueue('reminders');
  await bosses[1]!.start();
  for (let i = 0; i < JOBS; i += 1000) {
    await bosses[0]!.insert(due.slice(i, i + 1000).map((at, k) => ({ name: 'reminders', data: { index: i + k }, startAfter: new Date(at) })));
  }
  const setupMs = Date.now() - t0;
  for (const boss of bosses) {
    await boss.work<{ index: number }>('reminders', { batchSize, pollingIntervalSeconds: 0.5 }, (jobs) =>
      inPool(jobs, CONCURRENCY, async (job) => {
        tally.record(job.data.index);
        await sleep(SEND_MS);
      }),
    );
  }
  const outcome = await tally.settle(due.at(-1)! + 60_000);
  await Promise.all(bosses.map((boss) => boss.stop({ graceful: false, wait: true })));
  return { ...outcome, setupMs };
}

async function benchGraphile(url: string): Promise<Outcome> {
  const t0 = Date.now();
  const due = dueTimes(t0 + LEAD_MS);
  const tally = new Tally(due);
  const logger = new GraphileLogger(() => () => undefined);
  const utils = await makeWorkerUtils({ connectionString: url, logger });
  await utils.migrate();
  for (let i = 0; i < JOBS; i += 1000) {
    await utils.addJobs(due.slice(i, i + 1000).map((at, k) => ({ identifier: 'reminder', payload: { index: i + k }, runAt: new Date(at) })));
  }
  await utils.release();
  const setupMs = Date.now() - t0;
  const runners = await Promise.all(
    [0, 1].map(() =>
      runGraphile({
        connectionString: url,
        concurrency: CONCURRENCY,
        pollInterval: 500,
        noHandleSignals: true,
        logger,
        taskList: {
          reminder: async (payload) => {
            tally.record((payload as { index: number }).index);
            await sleep(SEND_MS);
          },
        },
      }),
    ),
  );
  const outcome = await tally.settle(due.at(-1)! + 60_000);
  await Promise.all(runners.map((r) => r.stop()));
  return { ...outcome, setupMs };
}

async function benchStoreClaims(url: string): Promise<Outcome> {
  const t0 = Date.now();
  const due = dueTimes(t0 + LEAD_MS);
  const tally = new Tally(due);
  // Made at t0 with a heads-up window longer than the lead, so no heads-up: only the due stage (escalation a day later).
  const timings = { remindBeforeMs: 120_000, escalateAfterMs: 24 * 3_600_000 };
  const stores = await Promise.all([0, 1].map(() => PgBotStore.open({ url, timings, poolSize: CONCURRENCY + 2 })));
  const indexOf = new Map<string, number>();
  const created = new Date(t0).toISOString();
  for (let i = 0; i < JOBS; i += 200) {
    await Promise.all(
      due.slice(i, i + 200).map((at, k) => {
        const id = promiseIdFor(i + k);
        indexOf.set(id, i + k);
        const record: PromiseRecord = {
          id, owner: { platform: 'slack', userId: 'U1' }, createdAt: created, dueAt: new Date(at).toISOString(), timeZone: 'UTC',
          note: 'bench', status: 'open', reminders: {}, history: [{ at: created, by: 'U1', event: 'created' }],
        };
        return stores[0]!.createPromise(record);
      }),
    );
  }
  const setupMs = Date.now() - t0;
  let stop = false;
  // Each replica: a claimer tops up a local due-queue every 100 ms (1 s ahead); CONCURRENCY senders take
  // what has come due, record the intent on the record (before sending), send, and release the claim.
  const replica = async (store: PgBotStore, claimant: string) => {
    const queue = new DueQueue<ReminderClaim & { at: number }>();
    const ready: (ReminderClaim & { at: number })[] = [];
    const claimer = async () => {
      while (!stop) {
        const claims = await store.claimDueReminders({ now: new Date(), horizonMs: 1000, claimant, visibilityMs: 30_000, limit: 500 });
        for (const c of claims) queue.push({ ...c, at: c.due.at(-1)!.at });
        await sleep(100);
      }
    };
    const sender = async () => {
      while (!stop) {
        if (!ready.length) ready.push(...queue.takeDue(Date.now()));
        const c = ready.shift();
        if (!c) {
          await sleep(Math.max(1, Math.min(20, (queue.peek()?.at ?? Infinity) - Date.now())));
          continue;
        }
        const intent = await store.changePromise(c.stored.record.id, c.stored.version, (p) => {
          for (const { stage } of c.due) if (stage !== 'snooze') p.reminders[stage] = { at: new Date().toISOString(), late: false, forDueAt: p.dueAt, inFlight: true };
        });
        if (intent.ok) {
          tally.record(indexOf.get(c.stored.record.id)!);
          await sleep(SEND_MS);
        }
        await store.releaseReminderClaim(c.stored.record.id, claimant);
      }
    };
    await Promise.all([claimer(), ...Array.from({ length: CONCURRENCY }, sender)]);
  };
  const running = [replica(stores[0]!, 'a'), replica(stores[1]!, 'b')];
  const outcome = await tally.settle(due.at(-1)! + 60_000);
  stop = true;
  await Promise.all(running);
  await Promise.all(stores.map((s) => s.close()));
  return { ...outcome, setupMs };
}

async function main(): Promise<void> {
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let stopServer: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const bin = findPostgresBin();
    if (!bin) throw new Error('no PostgreSQL binaries; run bash .ci/ensure-postgres or set BENCH_DATABASE_URL');
    const server = await startPostgres(bin);
    serverUrl = server.url;
    stopServer = server.stop;
  }
  const only = process.argv[2];
  const engines: [string, (url: string) => Promise<Outcome>][] = [
    ['pg-boss 10 (batch 10)', (url) => benchPgBoss(url, 10)],
    ['pg-boss 10 (batch 100)', (url) => benchPgBoss(url, 100)],
    ['graphile-worker 0.17', benchGraphile],
    ['store claims (SKIP LOCKED)', benchStoreClaims],
  ];
  try {
    for (const [name, bench] of engines) {
      if (only && !name.startsWith(only)) continue;
      const db = await createTestDatabase(serverUrl);
      try {
        const o = await bench(db.url);
        console.log(
          `${name}: ${JOBS} due in one minute, 2 workers x ${CONCURRENCY}: lateness p50 ${ms(percentile(o.lateness, 50))}, ` +
            `p99 ${ms(percentile(o.lateness, 99))}, max ${ms(o.lateness.at(-1) ?? NaN)}; duplicates ${o.duplicates}, missing ${o.missing}; enqueue ${ms(o.setupMs)}`,
        );
      } finally {
        await db.drop();
      }
    }
  } finally {
    await stopServer?.();
  }
}

await main();
