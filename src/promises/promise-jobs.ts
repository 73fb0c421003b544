import cron from 'node-cron';
import type { Logger } from 'pino';
import type { PendingDeliveries } from './pending-deliveries.js';
import type { ReminderScheduler } from './reminder-scheduler.js';

export interface PromiseJobsOptions {
  scheduler: ReminderScheduler;
  pending: PendingDeliveries;
  /** Posts the shift-start digest. */
  postDigest: () => Promise<void>;
  digestCron: string;
  timeZone: string;
  log: Logger;
}

/**
 * The clockwork: a node-cron tick every second drives the reminder queue and the retries, and
 * the digest runs on its own schedule in the team's zone. The logic itself lives in the
 * scheduler, which tests drive directly with a moved clock.
 */
export function startPromiseJobs(options: PromiseJobsOptions): { stop(): void } {
  const { scheduler, pending, log } = options;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await scheduler.tick();
      await pending.retryDue();
    } catch (error) {
      log.error({ err: error }, 'reminder tick failed');
    } finally {
      busy = false;
    }
  };
  const ticker = cron.schedule('* * * * * *', tick, { name: 'promise-reminders', noOverlap: true });
  const digest = cron.schedule(
    options.digestCron,
    () => options.postDigest().catch((error: unknown) => log.error({ err: error }, 'digest failed')),
    { name: 'promise-digest', timezone: options.timeZone },
  );
  void tick();
  return {
    stop() {
      void ticker.stop();
      void digest.stop();
    },
  };
}
