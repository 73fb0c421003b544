import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { deliver, type Outbox } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import type { PromiseDesk } from './desk.js';
import type { PendingDelivery } from './model.js';
import { handoffNotice } from './promise-card.js';
import { retryDelayMs } from './retry-delay.js';

/**
 * Retries messages that could not be delivered when they were due (kept in the store, so a
 * restart does not lose them). Each is rebuilt at send time, so a retried digest is current.
 */
export class PendingDeliveries {
  readonly #desk: PromiseDesk;
  readonly #outbox: Outbox;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #digest: () => Promise<Reply>;

  constructor(options: { desk: PromiseDesk; outbox: Outbox; clock: Clock; log: Logger; digest: () => Promise<Reply> }) {
    this.#desk = options.desk;
    this.#outbox = options.outbox;
    this.#clock = options.clock;
    this.#log = options.log;
    this.#digest = options.digest;
  }

  async retryDue(): Promise<void> {
    const now = this.#clock.now();
    const due = this.#desk.store.data.pending.filter((p) => Date.parse(p.nextAttemptAt) <= now.getTime());
    for (const pending of due) {
      const message = await this.#render(pending, now);
      let delivered = message === undefined;
      if (message) {
        try {
          const to = pending.to.userId
            ? { platform: pending.to.platform, userId: pending.to.userId }
            : { platform: pending.to.platform, channel: pending.to.channel ?? '' };
          await deliver(this.#outbox, to, message);
          delivered = true;
        } catch (error) {
          this.#log.warn({ err: error, kind: pending.kind, attempts: pending.attempts + 1 }, 'delivery retry failed; will retry');
        }
      }
      await this.#desk.store.update((data) => {
        const entry = data.pending.find((p) => p.id === pending.id);
        if (!entry) return;
        if (delivered) {
          data.pending.splice(data.pending.indexOf(entry), 1);
        } else {
          entry.attempts += 1;
          entry.nextAttemptAt = new Date(now.getTime() + retryDelayMs(entry.attempts)).toISOString();
        }
      });
    }
  }

  /** The message to send now; undefined when it no longer applies (the promise was closed meanwhile). */
  async #render(pending: PendingDelivery, now: Date): Promise<Reply | undefined> {
    if (pending.kind === 'digest') return this.#digest();
    const record = pending.promiseId ? this.#desk.find(pending.promiseId) : undefined;
    if (!record || record.status !== 'open') return undefined;
    return handoffNotice(record, pending.from ?? '', now);
  }
}
