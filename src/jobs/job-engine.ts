import type { PromiseRecord } from '../promises/model.js';
import { plannedReminders, type ReminderTimings } from '../promises/reminder-plan.js';

/** What the scheduled jobs do when they run; the engine knows nothing of promises or platforms. */
export interface JobHandlers {
  /**
   * Sends what is due for this promise now (reminder stages, escalation), recording the intent
   * on the promise before sending so that a second run of the same job sends nothing. Throwing
   * means "not sent; try again later".
   */
  reminderDue(promiseId: string): Promise<void>;
  /** The shift digest for the schedule's tick at `scheduledFor`; runs once per tick across replicas. */
  digest(scheduledFor: Date): Promise<void>;
}

/**
 * Durable, shared timers: one reminder job per promise (its key is the promise id, so a change
 * replaces it and a close removes it) and the digest schedule. Whichever replica is alive runs
 * each job once.
 */
export interface JobEngine {
  start(handlers: JobHandlers): Promise<void>;
  /** The promise's reminder job runs at `at`, replacing any earlier plan; `undefined` removes it. */
  scheduleReminder(promiseId: string, at: Date | undefined): Promise<void>;
  /** Stops taking jobs, waits for running ones, and says goodbye so no one waits for this replica. */
  stop(): Promise<void>;
}

/** When a promise's reminder job should next run: its earliest planned reminder, none once it is closed. */
export function reminderJobTime(record: PromiseRecord, timings: ReminderTimings): Date | undefined {
  const next = plannedReminders(record, timings)[0];
  return next ? new Date(next.at) : undefined;
}
