import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { PromiseRecord } from '../promises/model.js';
import type { ReminderTimings } from '../promises/reminder-plan.js';
import { reminderJobTime, type JobEngine } from './job-engine.js';

/** The parts of the promise desk the jobs need; `find` may answer at once (file) or later (database). */
export interface PromiseSource {
  onChange(listener: (record: PromiseRecord) => void): void;
  find(id: string): PromiseRecord | undefined | Promise<PromiseRecord | undefined>;
}

/** What sends due reminders: one pass over everything due, claimed so no other replica sends it too. */
export interface ReminderPass {
  tick(): Promise<void>;
}

export interface ReminderJobsOptions {
  engine: JobEngine;
  desk: PromiseSource;
  scheduler: ReminderPass;
  timings: ReminderTimings;
  clock: Clock;
  log: Logger;
  /** Posts the shift digest; the engine runs it once per tick of the schedule across replicas. */
  postDigest: () => Promise<void>;
  /** When a reminder is still owed after its job ran (delivery failed, another replica holds it): look again this much later. */
  retryMs: number;
  /**
   * Where the store plans a promise's job inside each promise write's own transaction
   * (PostgreSQL: PgBotStore.planJobsWith), hands it the job time to plan; called once the engine
   * has started (its schema exists). Then a change is planned there only. Without it (a store
   * that cannot), each change the desk announces plans its job after the write.
   */
  planWithWrites?: (jobTime: (record: PromiseRecord) => Date | undefined) => void;
}

/**
 * Reminders driven by the job engine instead of a once-a-second loop: every change of a promise
 * (made, moved, snoozed, handed off, closed) plans its one job for the next reminder it owes, once:
 * in the write's own transaction where the store can (`planWithWrites`), else after the write.
 * The job, run by whichever replica is alive, makes that replica's scheduler send what is due
 * (the scheduler's claims and the intent written before sending keep it to one copy), then
 * plans the promise's next job; a reminder still owed then (delivery failed, or another
 * replica holds it) is looked at again `retryMs` later.
 */
export async function startReminderJobs(options: ReminderJobsOptions): Promise<{ stop(): Promise<void> }> {
  const { engine, desk, scheduler, timings, clock, log } = options;
  const plan = (record: PromiseRecord): Promise<void> =>
    engine.scheduleReminder(record.id, reminderJobTime(record, timings)).catch((error: unknown) => {
      log.error({ err: error, promise: record.id }, 'could not plan the reminder job; the slow sweep will still send it');
    });
  const nextFor = async (id: string): Promise<number | undefined> => {
    const record = await desk.find(id);
    return record && reminderJobTime(record, timings)?.getTime();
  };
  await engine.start({
    reminderDue: async (promiseId) => {
      await scheduler.tick();
      let next = await nextFor(promiseId);
      // A pass already running when the job came may have started before this reminder was due.
      if (next !== undefined && next <= clock.now().getTime()) {
        await scheduler.tick();
        next = await nextFor(promiseId);
      }
      // Sending a reminder is not a change the desk announces: the job plans the promise's next one itself.
      const now = clock.now().getTime();
      await engine.scheduleReminder(promiseId, next === undefined ? undefined : new Date(next <= now ? now + options.retryMs : next));
    },
    digest: () => options.postDigest(),
  });
  if (options.planWithWrites) options.planWithWrites((record) => reminderJobTime(record, timings));
  else desk.onChange((record) => void plan(record));
  return { stop: () => engine.stop() };
}

/** Plans the job of every open promise (idempotent): at start, so promises made while no replica planned them get theirs. */
export async function planAllReminderJobs(engine: JobEngine, open: readonly PromiseRecord[], timings: ReminderTimings): Promise<void> {
  for (let i = 0; i < open.length; i += 50) {
    await Promise.all(open.slice(i, i + 50).map((record) => engine.scheduleReminder(record.id, reminderJobTime(record, timings))));
  }
}
