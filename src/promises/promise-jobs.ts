import type { Logger } from 'pino';
import { systemTimers, type Timers } from '../core/timers.js';
import type { PendingDeliveries } from './pending-deliveries.js';
import type { ReminderScheduler } from './reminder-scheduler.js';

export interface PromiseJobsOptions {
  scheduler: ReminderScheduler;
  pending: PendingDeliveries;
  /** Posts the shift-start digest. */
  postDigest: () => Promise<void>;
  /** The digest's schedule; none here when the job engine runs it (once across replicas). */
  digestCron: string | undefined;
  timeZone: string;
  /**
   * How often the reminder pass runs. Default every tick (1 s). When a job engine triggers the
   * reminders this is only a slow sweep, for a reminder whose job was lost with its replica.
   */
  reminderSweepMs?: number;
  log: Logger;
  /** What paces the reminder loop; real timers count monotonic time, whatever the wall clock does. */
  timers?: Timers;
}

/** How often the reminder queue and the retries are looked at. */
const TICK_MS = 1000;

/**
 * The clockwork: a tick every second drives the reminder queue and the retries, and the digest
 * runs on its own cron schedule in the team's zone. The logic itself lives in the scheduler,
 * which tests drive directly with a moved clock.
 *
 * The tick is paced by a plain timer, not by cron: cron plans its next beat from the wall clock,
 * so after the clock stepped back two hours (NTP, resume) it slept two hours and no reminder
 * went out; after a step forward it warned once for every missed second (21,600 lines for six
 * hours). A timer counts monotonic time; each tick reads the clock afresh.
 */
export function startPromiseJobs(options: PromiseJobsOptions): { stop(): void } {
  const { scheduler, pending, log } = options;
  let busy = false;
  let lastSweep = -Infinity;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = performance.now();
      if (now - lastSweep >= (options.reminderSweepMs ?? 0)) {
        lastSweep = now;
        await scheduler.tick();
      }
      await pending.retryDue();
    } catch (error) {
      log.error({ err: error }, 'reminder tick failed');
    } finally {
      busy = false;
    }
  };
  const timers = options.timers ?? systemTimers;
  let stopped = false;
  let cancelTick = (): void => undefined;
  const loop = (): void => {
    if (stopped) return;
    cancelTick = timers.after(TICK_MS, () => void tick().finally(loop));
  };
  // node-cron is loaded here, where the digest is scheduled, not at start-up for every process.
  let digest: { stop(): unknown } | undefined;
  const { digestCron } = options;
  if (digestCron) {
    import('node-cron')
      .then(({ default: cron }) => {
        if (stopped) return;
        digest = cron.schedule(digestCron, () => options.postDigest().catch((error: unknown) => log.error({ err: error }, 'digest failed')), {
          name: 'promise-digest',
          timezone: options.timeZone,
        });
      })
      .catch((error: unknown) => log.error({ err: error }, 'could not schedule the digest'));
  }
  void tick().finally(loop);
  return {
    stop() {
      stopped = true;
      cancelTick();
      void digest?.stop();
    },
  };
}
