import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { Outbox } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import type { IfIntent } from '../db/bot-store.js';
import { pendingDeliveryKey, type PromiseDesk } from './desk.js';
import { deliveryTarget, describeDeliveryTarget, type KeptMessage, type PendingDelivery } from './model.js';
import { deliveryOf } from './delivery.js';
import { DEFAULT_VISIBILITY_MS, DurableSend, type DeliverySteps } from './durable-send.js';
import { messagesFor } from '../i18n/index.js';
import { privateReply } from '../core/reply.js';
import { handoffNotice } from './promise-card.js';

export { GIVE_UP_AFTER_MS } from './durable-send.js';
/** Messages retried per pass. */
const CLAIM_BATCH = 100;

/** How the kinds kept by other features are written again at send time (wired in main.ts). */
export interface KeptMessageRenderers {
  leadNote?: (note: NonNullable<PendingDelivery['leadNote']>) => Reply;
  review?: (script: NonNullable<PendingDelivery['script']>) => Reply;
}

/**
 * Retries messages that could not be delivered when they were due, or whose sender died while
 * sending (kept in the store, so a restart does not lose them; claimed, so two replicas never
 * retry the same one), by the one send path (DurableSend), as reminders are. Each is rebuilt at
 * send time, so a retried digest is current.
 */
export class PendingDeliveries {
  readonly #desk: PromiseDesk;
  readonly #outbox: Outbox;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #digest: () => Promise<Reply>;
  readonly #renderers: KeptMessageRenderers;
  readonly #claimant: string;
  readonly #visibilityMs: number;
  readonly #send: DurableSend;

  /**
   * `visibilityMs` (JOB_VISIBILITY_TIMEOUT): how long a claimed message, and the intent written
   * before it goes out, hold it; not confirmed by then, the next pass takes it over and asks the
   * platform whether it landed.
   */
  constructor(options: { desk: PromiseDesk; outbox: Outbox; clock: Clock; log: Logger; digest: () => Promise<Reply>; render?: KeptMessageRenderers; claimant?: string; visibilityMs?: number }) {
    this.#desk = options.desk;
    this.#outbox = options.outbox;
    this.#clock = options.clock;
    this.#log = options.log;
    this.#digest = options.digest;
    this.#renderers = options.render ?? {};
    this.#claimant = options.claimant ?? randomUUID();
    this.#visibilityMs = options.visibilityMs ?? DEFAULT_VISIBILITY_MS;
    this.#send = new DurableSend({ outbox: this.#outbox, clock: this.#clock, log: this.#log, visibilityMs: this.#visibilityMs });
  }

  async retryDue(): Promise<void> {
    const now = this.#clock.now();
    const due = await this.#desk.claimPendingDeliveries({ now, claimant: this.#claimant, visibilityMs: this.#visibilityMs, limit: CLAIM_BATCH });
    for (const pending of due) await this.#send.run(deliveryOf(pending), this.#steps(pending), { kind: pending.kind, id: pending.id });
  }

  /** How a kept message's delivery is written down: on its own record, which goes once it is delivered. */
  #steps(pending: PendingDelivery): DeliverySteps {
    // Each save names the intent it expects to find: the one claimed (to write this try's), then this try's own.
    let mine: IfIntent = { intentId: pending.intentId };
    return {
      intend: async (state) => {
        const written = await this.#desk.recordKeptDelivery(pending, state, mine);
        mine = { intentId: state.intentId };
        return written;
      },
      send: async (via) => {
        const message = await this.#render(pending, this.#clock.now());
        if (message) await via(deliveryTarget(pending.to), { ...message, deliveryKey: pendingDeliveryKey(pending.id) });
      },
      confirm: () => this.#desk.deliveryFinished(pending.id, mine),
      // Untried, it stays as it was (still unsure, if its last sender died), claimable at once.
      withdraw: (failure) => this.#desk.recordKeptDelivery(pending, failure ?? { ...deliveryOf(pending), nextAttemptAt: this.#clock.now().toISOString() }, mine),
      giveUp: () => this.#giveUp(pending, mine),
    };
  }

  /**
   * Stops retrying and, for a handoff, tells the person who handed over that the colleague was
   * never told: itself a kept message, retried like the rest until delivered or a day old. Only
   * over the intent claimed (`only`): a pass held up past its claim works from a stale copy, and
   * another sender may have taken the message over (and delivered it) meanwhile. False then.
   */
  async #giveUp(pending: PendingDelivery, only: IfIntent): Promise<boolean> {
    if (!(await this.#desk.deliveryFinished(pending.id, only))) return false;
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
    return true;
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
