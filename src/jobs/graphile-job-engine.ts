import { EventEmitter } from 'node:events';
import { Logger as GraphileLogger, makeWorkerUtils, parseCronItems, run, type Runner, type WorkerEvents, type WorkerPool, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';
import { z } from 'zod';
import { systemTimers, type Timers } from '../core/timers.js';
import { migrate } from '../db/migrate.js';
import type { JobEngine, JobHandlers } from './job-engine.js';
import { ReplicaHeartbeats } from './replica-heartbeats.js';
import { zonedCronMatcher } from './zoned-cron.js';

export interface GraphileJobEngineOptions {
  url: string;
  /** This process, in logs and in the heartbeat table. */
  replica: string;
  log: Logger;
  /** The shift digest's schedule (five cron fields, in `timeZone`); no digest job without it. */
  digest?: { cron: string; timeZone: string };
  /** Jobs run at once by this replica. Default 10. */
  concurrency?: number;
  /** How often future jobs are looked for (new due-now jobs arrive by NOTIFY at once). Default 250 ms. */
  pollIntervalMs?: number;
  /** A replica that has not beaten for this long is taken to have died and its jobs run elsewhere. Default 10 s. */
  visibilityMs?: number;
  /** Paces the heartbeat. Default real timers. */
  timers?: Timers;
}

const REMINDER_TASK = 'promise-reminder';
const DIGEST_TASK = 'promise-digest';
/** A failing reminder is retried with graphile-worker's growing delay (e^attempt s, then 6 h apart): days, never dropped quietly. */
const REMINDER_ATTEMPTS = 25;
/** A digest missed because every replica was down at its minute still goes out if one is back within this. */
const DIGEST_BACKFILL_MS = 10 * 60_000;

const ReminderPayload = z.object({ promiseId: z.string().min(1) });

/**
 * Plans a promise's reminder job to run at `at` (its key is the promise id: an earlier plan is
 * replaced), or removes it. Plain SQL on the caller's client, so the PostgreSQL store can plan it
 * in the same transaction as the promise change (PgBotStore.planJobsWith). Needs the
 * graphile_worker schema, which the engine's start creates.
 */
export async function planReminderJob(client: Pick<pg.ClientBase, 'query'>, promiseId: string, at: Date | undefined): Promise<void> {
  if (!at) {
    await client.query('SELECT graphile_worker.remove_job($1)', [promiseId]);
    return;
  }
  await client.query(
    `SELECT graphile_worker.add_job($1, json_build_object('promiseId', $2::text), run_at => $3::timestamptz, max_attempts => $4::int,
       job_key => $2::text, job_key_mode => 'replace')`,
    [REMINDER_TASK, promiseId, at.toISOString(), REMINDER_ATTEMPTS],
  );
}
const DigestPayload = z.object({ _cron: z.object({ ts: z.string() }) });

/**
 * The JobEngine on graphile-worker (chosen by bench/job-engines.ts: LISTEN/NOTIFY wakes a worker
 * as soon as a job is due, p99 lateness ~0.2 s with 10,000 due in a minute across two replicas).
 * The digest is a graphile-worker cron item: every replica runs the cron, and its
 * known_crontabs row lets exactly one of them add each tick's job.
 */
export class GraphileJobEngine implements JobEngine {
  readonly #o: GraphileJobEngineOptions;
  readonly #pool: pg.Pool;
  readonly #heartbeats: ReplicaHeartbeats;
  readonly #logger: GraphileLogger;
  #utils: WorkerUtils | undefined;
  #runner: Runner | undefined;
  #workerPool: WorkerPool | undefined;
  #stopBeating: (() => void) | undefined;
  #beat: Promise<void> | undefined;

  constructor(options: GraphileJobEngineOptions) {
    this.#o = options;
    const concurrency = options.concurrency ?? 10;
    this.#pool = new pg.Pool({ connectionString: options.url, max: concurrency + 4 });
    // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
    const dropped = (error: Error) => options.log.warn({ err: error }, 'job engine: a database connection dropped');
    this.#pool.on('error', dropped);
    this.#pool.on('connect', (client) => client.on('error', dropped));
    this.#heartbeats = new ReplicaHeartbeats(this.#pool, this.visibilityMs);
    this.#logger = graphileLogger(options.log);
  }

  get visibilityMs(): number {
    return this.#o.visibilityMs ?? 10_000;
  }

  /** The id this replica's jobs are locked under (graphile-worker's pool id), once started. */
  get workerId(): string | undefined {
    return this.#workerPool?.id;
  }

  async start(handlers: JobHandlers): Promise<void> {
    const { log } = this.#o;
    await migrate(this.#pool);
    this.#utils = await makeWorkerUtils({ pgPool: this.#pool, logger: this.#logger });
    await this.#utils.migrate();
    const events: WorkerEvents = new EventEmitter();
    events.on('pool:create', ({ workerPool }) => {
      this.#workerPool = workerPool;
      // Before the pool's first job if the database is quick; the dead-worker sweep covers the rest.
      void this.#beatOnce();
    });
    this.#runner = await run({
      pgPool: this.#pool,
      concurrency: this.#o.concurrency ?? 10,
      pollInterval: this.#o.pollIntervalMs ?? 250,
      noHandleSignals: true,
      logger: this.#logger,
      events,
      taskList: {
        [REMINDER_TASK]: async (payload) => handlers.reminderDue(ReminderPayload.parse(payload).promiseId),
        [DIGEST_TASK]: async (payload) => handlers.digest(new Date(DigestPayload.parse(payload)._cron.ts)),
      },
      parsedCronItems: this.#o.digest
        ? parseCronItems([
            {
              task: DIGEST_TASK,
              identifier: DIGEST_TASK,
              match: zonedCronMatcher(this.#o.digest.cron, this.#o.digest.timeZone),
              options: { backfillPeriod: DIGEST_BACKFILL_MS, maxAttempts: 3 },
            },
          ])
        : [],
    });
    const every = Math.max(250, Math.floor(this.visibilityMs / 4));
    const timers = this.#o.timers ?? systemTimers;
    let beating = true;
    let cancel = (): void => undefined;
    const loop = (): void => {
      if (beating) cancel = timers.after(every, () => void this.#beatOnce().finally(loop));
    };
    loop();
    this.#stopBeating = () => {
      beating = false;
      cancel();
    };
    log.info({ replica: this.#o.replica, workerId: this.workerId, visibilityMs: this.visibilityMs }, 'job engine started (graphile-worker)');
  }

  async scheduleReminder(promiseId: string, at: Date | undefined): Promise<void> {
    await this.#started().withPgClient((client) => planReminderJob(client, promiseId, at));
  }

  async stop(): Promise<void> {
    // Running jobs finish first, still covered by the heartbeat.
    await this.#runner?.stop();
    this.#stopBeating?.();
    await this.#beat;
    if (this.workerId) await this.#heartbeats.forget(this.workerId).catch(() => undefined);
    await this.#utils?.release();
    await this.#pool.end();
  }

  /** One beat, then the sweep for replicas that stopped beating; never two at once. */
  #beatOnce(): Promise<void> {
    this.#beat ??= this.#beatAndSweep()
      .catch((error: unknown) => this.#o.log.warn({ err: error }, 'job engine: heartbeat failed; retrying'))
      .finally(() => (this.#beat = undefined));
    return this.#beat;
  }

  async #beatAndSweep(): Promise<void> {
    const workerId = this.workerId;
    if (!workerId || !this.#utils) return;
    await this.#heartbeats.beat(workerId, this.#o.replica);
    const dead = (await this.#heartbeats.deadWorkers()).filter((id) => id !== workerId);
    if (!dead.length) return;
    await this.#utils.forceUnlockWorkers(dead);
    this.#o.log.warn({ workers: dead }, 'job engine: replicas stopped beating; their jobs are free for the others');
    this.#workerPool?.nudge(this.#o.concurrency ?? 10);
  }

  #started(): WorkerUtils {
    if (!this.#utils) throw new Error('job engine not started');
    return this.#utils;
  }
}

/** graphile-worker's log lines into the bot's logger; its routine chatter goes to debug. */
function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    const fields = { ...meta, scope };
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else log.debug(fields, message);
  });
}
