import pg from 'pg';
import pino from 'pino';
import { onTestFinished } from 'vitest';
import type { Timers } from '../../src/core/timers.js';
import { systemTimers } from '../../src/core/timers.js';
import { GraphileJobEngine } from '../../src/jobs/graphile-job-engine.js';
import type { JobHandlers } from '../../src/jobs/job-engine.js';
import { createTestDatabase } from './postgres-server.js';

/** Which replica ran which reminder job, and when. */
export interface JobRun {
  replica: string;
  promiseId: string;
  at: number;
}

/** Real timers until frozen: a replica whose process hangs stops beating, as one that died. */
export class FreezableTimers implements Timers {
  frozen = false;
  after(ms: number, run: () => void): () => void {
    return systemTimers.after(ms, () => {
      if (!this.frozen) run();
    });
  }
}

export interface TestReplica {
  name: string;
  engine: GraphileJobEngine;
  timers: FreezableTimers;
}

export interface ReplicaOptions {
  visibilityMs?: number;
  handlers?: Partial<JobHandlers>;
  digest?: { cron: string; timeZone: string };
}

/**
 * A fresh database for job-engine replicas (as separate processes would run them); each replica
 * records the reminder jobs it runs into `runs`. Replicas are stopped and the database dropped
 * when the test ends.
 */
export async function jobDatabase(serverUrl: string): Promise<{
  url: string;
  runs: JobRun[];
  replica(name: string, options?: ReplicaOptions): Promise<TestReplica>;
  /** Resolves once no job is left in the queue (waiting or taken): after that nothing more can run. */
  drained(timeoutMs?: number): Promise<void>;
}> {
  const db = await createTestDatabase(serverUrl);
  const runs: JobRun[] = [];
  const replicas: TestReplica[] = [];
  const pool = new pg.Pool({ connectionString: db.url, max: 1 });
  // As the bot's own pools: a client still closing when the database is dropped WITH (FORCE) must not be an uncaught error.
  pool.on('error', () => undefined);
  onTestFinished(async () => {
    await Promise.allSettled(replicas.map((r) => r.engine.stop()));
    await pool.end();
    await db.drop();
  });
  return {
    url: db.url,
    runs,
    async drained(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM graphile_worker.jobs');
        if (rows[0]!.n === 0) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for the job queue to drain (${rows[0]!.n} left)`);
        await sleep(50);
      }
    },
    async replica(name, options = {}) {
      const timers = new FreezableTimers();
      const engine = new GraphileJobEngine({
        url: db.url,
        replica: name,
        log: pino({ level: 'silent' }),
        timers,
        pollIntervalMs: 100,
        ...(options.visibilityMs ? { visibilityMs: options.visibilityMs } : {}),
        ...(options.digest ? { digest: options.digest } : {}),
      });
      const replica = { name, engine, timers };
      replicas.push(replica);
      await engine.start({
        reminderDue: async (promiseId) => void runs.push({ replica: name, promiseId, at: Date.now() }),
        digest: async () => undefined,
        ...options.handlers,
      });
      return replica;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds, polling; fails after `timeoutMs` with `what`. */
export async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
