import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { deliver, type Outbox } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import { pendingDeliveryKey, type PromiseDesk } from './desk.js';
import { deliveryTarget, describeDeliveryTarget, type KeptMessage, type PendingDelivery } from './model.js';
import { messagesFor } from '../i18n/index.js';
import { privateReply } from '../core/reply.js';
import { handoffNotice } from './promise-card.js';

/** A message still undelivered this long after its first try is given up, and its sender told. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** A claimed message not retried by then is free for another replica (this one is taken to have died). */
const CLAIM_VISIBILITY_MS = 60_000;
/** Messages retried per pass. */
const CLAIM_BATCH = 100;

/** How the kinds kept by other features are written again at send time (wired in main.ts). */
export interface KeptMessageRenderers {
  leadNote?: (note: NonNullable<PendingDelivery['leadNote']>) => Reply;
  review?: (script: NonNullable<PendingDelivery['script']>) => Reply;
}

/**
 * Retries messages that could not be delivered when they were due (kept in the store, so a
 * restart does not lose them; claimed, so two replicas never retry the same one), by the one
 * retry policy (retry-delay.ts). Each is rebuilt at send time, so a retried digest is current.
 */
export class PendingDeliveries {
  readonly #desk: PromiseDesk;
  readonly #outbox: Outbox;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #digest: () => Promise<Reply>;
  readonly #renderers: KeptMessageRenderers;
  readonly #claimant: string;

  constructor(options: { desk: PromiseDesk; outbox: Outbox; clock: Clock; log: Logger; digest: () => Promise<Reply>; render?: KeptMessageRenderers; claimant?: string }) {
    this.#desk = options.desk;
    this.#outbox = options.outbox;
    this.#clock = options.clock;
    this.#log = options.log;
    this.#digest = options.digest;
    this.#renderers = options.render ?? {};
    this.#claimant = options.claimant ?? randomUUID();
  }

  async retryDue(): Promise<void> {
    const now = this.#clock.now();
    const due = await this.#desk.claimPendingDeliveries({ now, claimant: this.#claimant, visibilityMs: CLAIM_VISIBILITY_MS, limit: CLAIM_BATCH });
    for (const pending of due) {
      if (pending.firstTriedAt && now.getTime() - Date.parse(pending.firstTriedAt) > GIVE_UP_AFTER_MS) {
        await this.#giveUp(pending);
        continue;
      }
      try {
        const message = await this.#render(pending, now);
        if (message) await deliver(this.#outbox, deliveryTarget(pending.to), { ...message, deliveryKey: pendingDeliveryKey(pending.id) });
      } catch (error) {
        this.#log.warn({ err: error, kind: pending.kind, attempts: pending.attempts + 1 }, 'delivery retry failed; will retry');
        await this.#desk.deliveryFailedAgain(pending, now, error);
        continue;
      }
      await this.#desk.deliveryFinished(pending.id);
    }
  }

  /**
   * Stops retrying and, for a handoff, tells the person who handed over that the colleague was
   * never told: itself a kept message, retried like the rest until delivered or a day old.
   */
  async #giveUp(pending: PendingDelivery): Promise<void> {
    this.#log.warn({ kind: pending.kind, attempts: pending.attempts, lastError: pending.lastError }, 'delivery given up after a day of retries');
    if (pending.kind === 'handoff' && pending.sender) {
      const { sender } = pending;
      const about: KeptMessage = {
        kind: 'handoff-undelivered',
        ...(pending.promiseId ? { promiseId: pending.promiseId } : {}),
        notTold: describeDeliveryTarget(pending.to),
        sender,
        to: { platform: sender.platform, userId: sender.userId },
      };
      await this.#desk.notify(about, undeliveredNotice(about), this.#outbox);
    }
    await this.#desk.deliveryFinished(pending.id);
  }

  /** The message to send now; undefined when it no longer applies (the promise was closed meanwhile). */
  async #render(pending: PendingDelivery, now: Date): Promise<Reply | undefined> {
    if (pending.kind === 'digest') return this.#digest();
    if (pending.kind === 'lead-note') return rendered(pending.kind, this.#renderers.leadNote, pending.leadNote);
    if (pending.kind === 'review') return rendered(pending.kind, this.#renderers.review, pending.script);
    if (pending.kind === 'handoff-undelivered') return undeliveredNotice(pending);
    const record = pending.promiseId ? await this.#desk.find(pending.promiseId) : undefined;
    if (!record || record.status !== 'open') return undefined;
    return handoffNotice(record, pending.from ?? '', now);
  }
}

/** A kept message of another feature, written by its renderer; one this process cannot write stays kept (and is retried). */
function rendered<T>(kind: PendingDelivery['kind'], render: ((about: T) => Reply) | undefined, about: T | undefined): Reply {
  if (!render || about === undefined) throw new Error(`no way to write a kept ${kind} message here`);
  return render(about);
}

/** What the person who handed a promise over hears when the colleague could not be told in a day. */
function undeliveredNotice(about: Pick<PendingDelivery, 'promiseId' | 'notTold' | 'sender'>): Reply {
  const m = messagesFor(about.sender?.locale ?? 'en');
  return privateReply(undefined, [{ type: 'text', text: m.promise.handoffUndelivered(about.promiseId ?? '', about.notTold ?? '') }], 'warning');
}
