import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { deliver, type ChannelTarget, type Outbox, type Recipient, type SentMessage } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import type { Delivery } from './delivery.js';
import { retryDelayMs } from './retry-delay.js';

/** JOB_VISIBILITY_TIMEOUT's default (src/config.ts), for senders made without one. */
export const DEFAULT_VISIBILITY_MS = 10_000;

/** A message still undelivered this long after its first try is given up (and logged). */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/** Sends one copy of the message to one place: plainly, or through the platform's check when an earlier try may have landed. */
export type SendVia = (to: Recipient | ChannelTarget, reply: Reply) => Promise<SentMessage>;

/**
 * Whether a save after the try was written: false when the stored intent is no longer this
 * sender's (its claim ran out and another sender took the message over), and then nothing was.
 * Undefined when the save is left to finish on its own (a reminder's confirmation).
 */
export type Saved = boolean | void;

/**
 * How one message's delivery state is written down where it lives (its promise, or the
 * kept-message store). `confirm` and `withdraw` are compare-and-set: they write only over the
 * intent `intend` wrote (same `intentId`), so a slow sender never overwrites a newer one.
 */
export interface DeliverySteps {
  /**
   * Writes the intent (`state`, recorded at `at`) before sending, over the state it was planned
   * from; false when the message no longer applies or someone else's result got there first (nothing is sent).
   */
  intend(state: Delivery, at: Date): Promise<boolean>;
  /** Sends the message, every copy through `via` (with the delivery key that is the same on every try). */
  send(via: SendVia): Promise<void>;
  /** It went out (or, `checked` false, may have gone out and cannot be checked): its delivery state is done with. */
  confirm(checked: boolean): Promise<Saved>;
  /** Takes the intent back: after a failed try, with the state to wait in; untried (undefined), owed as before. */
  withdraw(failure: Delivery | undefined): Promise<Saved>;
  /** A day of failures: stop trying (already logged); compare-and-set like `withdraw` where it removes a record. */
  giveUp(last: Delivery): Promise<Saved>;
}

export type SendOutcome = 'sent' | 'unchecked' | 'failed' | 'withdrawn' | 'given-up' | 'not-applicable' | 'taken-over';

/** A message whose intent is written, ready to go out. */
export interface Intended {
  previous: Delivery;
  state: Delivery;
  at: Date;
  steps: DeliverySteps;
  about: Record<string, unknown>;
}

/**
 * The one way the bot sends a message on its own, whatever it is (a reminder, an escalation, a
 * hand-off notice, a lead note, a digest): give up after a day of failures; else write the intent
 * with the claim's end (`until`, visibilityMs from now); send, through Outbox.resend when an earlier
 * try may have landed (its sender died in flight, or a try failed part-way); then confirm, or
 * take the intent back with the next try retryDelayMs later. A send starts only in the first half
 * of the claim, so it has the other half to land before anyone takes it for abandoned. A try that
 * still outlasts its claim finds its intent replaced by the sender who took over: its result is
 * logged and dropped, and that sender's state stays as it is.
 */
export class DurableSend {
  readonly #outbox: Outbox;
  readonly #clock: Clock;
  readonly #log: Logger | undefined;
  readonly #visibilityMs: number;

  constructor(options: { outbox: Outbox; clock: Clock; visibilityMs: number; log?: Logger }) {
    this.#outbox = options.outbox;
    this.#clock = options.clock;
    this.#log = options.log;
    this.#visibilityMs = options.visibilityMs;
  }

  async run(previous: Delivery, steps: DeliverySteps, about: Record<string, unknown>): Promise<SendOutcome> {
    const intended = await this.begin(previous, steps, about);
    return typeof intended === 'string' ? intended : this.finish(intended);
  }

  /** Gives up, or writes the intent. Store errors reject: nothing was sent. */
  async begin(previous: Delivery, steps: DeliverySteps, about: Record<string, unknown>): Promise<Intended | SendOutcome> {
    const at = this.#clock.now();
    if (givenUp(previous, at)) {
      this.#log?.warn({ ...about, attempts: previous.attempts, lastError: previous.lastError, firstTriedAt: previous.firstTriedAt }, 'delivery given up after a day of retries');
      return this.#unlessTakenOver(await steps.giveUp(previous), 'given-up', about, 'given up');
    }
    const state = intentOf(previous, at, this.#visibilityMs);
    if (!(await steps.intend(state, at))) return 'not-applicable';
    return { previous, state, at, steps, about };
  }

  /** Sends a message whose intent is written, then confirms it or takes the intent back (each only over its own intent). */
  async finish({ previous, state, at, steps, about }: Intended): Promise<SendOutcome> {
    const now = this.#clock.now();
    if (now.getTime() >= at.getTime() + this.#visibilityMs / 2) {
      this.#log?.warn(about, 'not sent: its claim is running out; it goes out on the next pass');
      return this.#unlessTakenOver(await steps.withdraw(undefined), 'withdrawn', about, 'untried');
    }
    const outbox = this.#outbox;
    if (previous.inFlight && !outbox.resend) {
      this.#log?.warn(about, 'may have gone out before its sender stopped, and this outbox cannot check; not sent again');
      return this.#unlessTakenOver(await steps.confirm(false), 'unchecked', about, 'unchecked');
    }
    const send: SendVia = mayHaveLanded(previous) && outbox.resend ? (to, reply) => outbox.resend!(to, reply) : (to, reply) => deliver(outbox, to, reply);
    const copies: [Recipient | ChannelTarget, Reply][] = [];
    const via: SendVia = (to, reply) => (copies.push([to, reply]), send(to, reply));
    let outcome: SendOutcome | undefined;
    try {
      await steps.send(via);
    } catch (error) {
      const failure = failureOf(state, now, error);
      this.#log?.warn({ err: error, ...about, attempts: failure.attempts }, 'not delivered; will retry');
      outcome = this.#unlessTakenOver(await steps.withdraw(failure), 'failed', about, 'failed');
    }
    outcome ??= this.#unlessTakenOver(await steps.confirm(true), 'sent', about, 'sent');
    if (outcome === 'taken-over' || this.#clock.now().getTime() >= Date.parse(state.until!)) await this.#keepFirstCopies(copies, about);
    return outcome;
  }

  /**
   * A try that outlasted its claim may have landed after the sender who took over looked for it
   * and posted its own: the platform keeps the earliest copy of each (its own or the other's).
   * Failing that, the copies stay: logged, never thrown (the result is already saved).
   */
  async #keepFirstCopies(copies: [Recipient | ChannelTarget, Reply][], about: Record<string, unknown>): Promise<void> {
    const outbox = this.#outbox;
    if (!outbox.keepFirstCopy) return;
    for (const [to, reply] of copies) {
      await outbox.keepFirstCopy(to, reply).catch((error: unknown) => this.#log?.warn({ err: error, ...about }, 'could not check for a second copy of a try that outlasted its claim'));
    }
  }

  /** The outcome, or 'taken-over' (logged) when the result was not saved because another sender's intent replaced this one's. */
  #unlessTakenOver(saved: Saved, outcome: SendOutcome, about: Record<string, unknown>, result: string): SendOutcome {
    if (saved !== false) return outcome;
    this.#log?.warn({ ...about, result }, 'result of a try that outlasted its claim dropped: another sender has taken the message over');
    return 'taken-over';
  }
}

/** The state written before a try: in flight until the claim's end, failures so far kept, with a fresh intent id. */
export function intentOf(previous: Delivery, at: Date, visibilityMs: number, intentId: string = randomUUID()): Delivery {
  return {
    ...(previous.attempts ? { attempts: previous.attempts } : {}),
    ...(previous.lastError ? { lastError: previous.lastError } : {}),
    firstTriedAt: previous.firstTriedAt ?? at.toISOString(),
    inFlight: true,
    until: new Date(at.getTime() + visibilityMs).toISOString(),
    intentId,
  };
}

/** The state after a failed try: one more failure, the next try retryDelayMs of them later. */
export function failureOf(state: Delivery, at: Date, error: unknown): Delivery {
  const attempts = (state.attempts ?? 0) + 1;
  return {
    attempts,
    firstTriedAt: state.firstTriedAt ?? at.toISOString(),
    nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts)).toISOString(),
    lastError: error instanceof Error ? error.message.slice(0, 200) : 'delivery failed',
  };
}

/** An earlier try may have reached someone: its sender died in flight, or it failed part-way (an escalation to several leads). */
export function mayHaveLanded(previous: Delivery): boolean {
  return previous.inFlight === true || (previous.attempts ?? 0) > 0;
}

function givenUp(previous: Delivery, now: Date): boolean {
  return previous.firstTriedAt !== undefined && now.getTime() - Date.parse(previous.firstTriedAt) > GIVE_UP_AFTER_MS;
}
