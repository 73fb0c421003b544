import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Timers } from '../core/timers.js';
import type { Clock } from '../core/clock.js';
import type { LeadDirectory } from '../core/leads.js';
import type { Locale } from '../i18n/locale.js';
import type { Outbox } from '../core/outbox.js';
import type { Delivery } from './delivery.js';
import { DEFAULT_VISIBILITY_MS, DurableSend, type DeliverySteps, type Intended, type Saved, type SendVia } from './durable-send.js';
import type { PromiseDesk } from './desk.js';
import { DueQueue } from './due-queue.js';
import type { PromiseRecord } from './model.js';
import { escalationNotice, ownerReminder } from './promise-card.js';
import { meantAt, plannedReminders, type PlannedReminder, type ReminderTimings } from './reminder-plan.js';
import { stageDelivery, type ReminderWork } from './reminder-marks.js';

/** A reminder counts as late (and says so) when it goes out this long after its time. */
const LATE_AFTER_MS = 60_000;
/** How many deliveries run at once; a burst of due promises must not wait in one line. */
const PARALLEL_SENDS = 50;
/** Promises claimed per look at the store; more wait for the next pass, which follows at once. */
const CLAIM_BATCH = 1000;

export interface SchedulerOptions {
  desk: PromiseDesk;
  outbox: Outbox;
  leads: LeadDirectory;
  clock: Clock;
  log: Logger;
  timings: ReminderTimings;
  /** Language for messages to leads, and for owners whose language is not known. */
  leadLocale: Locale;
  teamTimeZone: string;
  /**
   * When given, the scheduler also wakes itself at the exact time of a reminder due within the
   * next second, instead of waiting for the next once-a-second tick.
   */
  timers?: Timers;
  /** Who this process is when it claims due work from the store (one id per replica). Default a fresh id. */
  claimant?: string;
  /**
   * How long a claim holds (JOB_VISIBILITY_TIMEOUT): a reminder whose sender has not confirmed it
   * by then is taken up by whoever claims it next, who asks the platform whether it landed.
   */
  visibilityMs?: number;
  /** Called with how late each reminder went out (ms), for the benchmark. */
  onSent?: (latenessMs: number, stage: PlannedReminder['stage']) => void;
}

/**
 * Sends each reminder exactly once. Due work is claimed from the store (claimDueReminders: on
 * PostgreSQL, replicas share it and never hold the same promise at once) for the visibility
 * timeout, and each reminder goes out by the one send path for what the bot sends on its own
 * (DurableSend: intent with the claim's end, send or resend, confirm, or wait retryDelayMs, give
 * up after a day), its delivery state kept on the promise's stage, all through the desk. The one
 * retry path is the store's claim: whoever claims it next (this replica or another, or this one
 * after a restart) sends it. The in-memory queue only holds wake-up times, so a reminder goes out
 * at its exact time rather than on the next once-a-second tick.
 */
export class ReminderScheduler {
  readonly #o: SchedulerOptions;
  readonly #claimant: string;
  readonly #visibilityMs: number;
  /** When to wake up: due times of reminders this process has seen planned. Never the work itself. */
  readonly #wakeUps = new DueQueue<{ at: number }>();
  /** Intents this process could not take back after a failed delivery (the store could not be written); taken back on the next pass. */
  readonly #toWithdraw = new Map<string, { work: ReminderWork; failure: Delivery | undefined }>();
  readonly #durable: DurableSend;
  #ticking: Promise<void> | undefined;
  #wake: { at: number; cancel: () => void } | undefined;

  constructor(options: SchedulerOptions) {
    this.#o = options;
    this.#claimant = options.claimant ?? randomUUID();
    this.#visibilityMs = options.visibilityMs ?? DEFAULT_VISIBILITY_MS;
    this.#durable = new DurableSend({ outbox: options.outbox, clock: options.clock, log: options.log, visibilityMs: this.#visibilityMs });
    options.desk.onChange((record) => this.plan(record));
  }

  get queued(): number {
    return this.#wakeUps.size;
  }

  /** Learns the wake-up times of every open promise; anything already due goes out on the next tick, marked late. */
  async rebuild(): Promise<void> {
    this.#wakeUps.clear();
    for (const record of await this.#o.desk.allOpen()) this.plan(record);
  }

  plan(record: PromiseRecord): void {
    for (const planned of plannedReminders(record, this.#o.timings)) this.#wakeUps.push({ at: planned.at });
    this.#armWake();
  }

  stop(): void {
    this.#wake?.cancel();
    this.#wake = undefined;
  }

  #armWake(): void {
    const head = this.#wakeUps.peek();
    const timers = this.#o.timers;
    if (!head || !timers) return;
    const delay = head.at - this.#o.clock.now().getTime();
    if (delay > 1000 || (this.#wake && this.#wake.at <= head.at)) return;
    this.#wake?.cancel();
    this.#wake = {
      at: head.at,
      cancel: timers.after(delay, () => {
        this.#wake = undefined;
        this.tick().catch((error: unknown) => this.#o.log.error({ err: error }, 'reminder wake-up failed'));
      }),
    };
  }

  /** Sends what is due; overlapping calls share the one running pass. */
  tick(): Promise<void> {
    this.#ticking ??= this.#pass().finally(() => {
      this.#ticking = undefined;
      this.#armWake();
    });
    return this.#ticking;
  }

  async #pass(): Promise<void> {
    await this.#withdrawOwed();
    // A full batch may have left more behind; another look follows at once while it finds work.
    while (await this.#claimDue());
  }

  /** The seam where due work comes from: the store's claims for this replica. True when there may be more. */
  async #claimDue(): Promise<boolean> {
    const { desk, clock } = this.#o;
    const now = clock.now();
    this.#wakeUps.takeDue(now.getTime());
    const claims = await desk.claimDueReminders({ now, claimant: this.#claimant, visibilityMs: this.#visibilityMs, limit: CLAIM_BATCH });
    // Planned with this scheduler's timings: the store's may differ only in tests.
    const due = claims.flatMap((c) => plannedReminders(c.stored.record, this.#o.timings).filter((p) => p.at <= now.getTime()));
    const work = collapse(due);
    const busy = new Set(work.map((w) => w.planned.promiseId));
    await Promise.all(claims.filter((c) => !busy.has(c.stored.record.id)).map((c) => desk.releaseReminderClaim(c.stored.record.id, this.#claimant)));
    const records = new Map(claims.map((c) => [c.stored.record.id, c.stored.record]));
    // Every intent of the pass is written before any is sent; on the file store they share one write.
    const intended = (await Promise.all(work.map((w) => this.#intend(w, records.get(w.planned.promiseId)!, now)))).filter((i) => i !== undefined);
    // A pool rather than fixed batches: one slow platform call holds one worker, not a batch.
    let next = 0;
    const worker = async () => {
      while (next < intended.length) await this.#finish(intended[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, intended.length) }, worker));
    return claims.length === CLAIM_BATCH && work.length > 0;
  }

  /**
   * Gives the reminder up after a day of failures, or records its intent before it goes out
   * (DurableSend.begin). A store that cannot be written means "not sent yet, try later" (the claim
   * runs out and the reminder is claimed again), never "sent but not marked". Undefined when it is
   * not to be sent (given up, already sent by someone, closed, moved).
   */
  async #intend(work: ReminderWork, record: PromiseRecord, claimedAt: Date): Promise<Intended | undefined> {
    const { desk, log } = this.#o;
    const { planned } = work;
    const late = claimedAt.getTime() - meantAt(planned) > LATE_AFTER_MS;
    const release = () => desk.releaseReminderClaim(planned.promiseId, this.#claimant).catch((error: unknown) => log.warn({ err: error, promise: planned.promiseId }, 'could not release a reminder claim; it runs out by itself'));
    let intended: ReminderWork | undefined;
    let written: PromiseRecord | undefined;
    let sendingAt = 0;
    const steps: DeliverySteps = {
      intend: async (state, at) => {
        written = await desk.recordReminderIntent(work, { at: at.toISOString(), late, forDueAt: planned.forDueAt, ...state });
        intended = { ...work, ...(state.intentId ? { intentId: state.intentId } : {}) };
        return written !== undefined;
      },
      send: (via) => {
        sendingAt = this.#o.clock.now().getTime();
        return this.#deliver(planned, written!, late ? new Date(meantAt(planned)) : undefined, via);
      },
      confirm: async (checked) => {
        // The intent on the record keeps anyone from sending it again; the claim can go now, so the
        // promise's next reminder is not held up by it.
        await release();
        // Not awaited: the confirmation only tidies the record, and the next reminders need not wait for the disk.
        void desk
          .recordReminderSent(intended!)
          .then((saved) => {
            if (!saved) log.warn({ promise: planned.promiseId, stage: planned.stage }, 'reminder sent after its claim ran out; another sender has taken it over, so its state is left to that one');
          })
          .catch((error: unknown) => log.warn({ err: error, promise: planned.promiseId }, 'reminder sent; could not confirm it in the store (whoever sends it next asks the platform first)'));
        // Not sent here, so not counted as sent (its lateness is unknown).
        if (!checked) return;
        this.#o.onSent?.(sendingAt - meantAt(planned), planned.stage);
        log.info({ promise: planned.promiseId, stage: planned.stage, late }, 'reminder sent');
      },
      withdraw: async (failure) => {
        const saved = await this.#withdraw(intended!, failure);
        await release();
        return saved;
      },
      giveUp: async () => {
        await desk.giveUpReminder(work);
        await release();
      },
    };
    try {
      const begun = await this.#durable.begin(stageDelivery(record, planned), steps, { promise: planned.promiseId, stage: planned.stage });
      if (typeof begun !== 'string') return begun;
      if (begun === 'not-applicable') await release();
    } catch (error) {
      log.warn({ err: error, promise: planned.promiseId, stage: planned.stage }, 'reminder not sent: the promise store cannot be written; will retry');
    }
    return undefined;
  }

  async #finish(intended: Intended): Promise<void> {
    try {
      await this.#durable.finish(intended);
    } catch (error) {
      // Nothing here may end the pass: the other reminders in it still go out.
      this.#o.log.error({ err: error, ...intended.about }, 'reminder pass failed for one promise');
    }
  }

  /** The reminder, or the escalation to every lead, each copy through `via` (the platform's check when an earlier try may have landed). */
  async #deliver(planned: PlannedReminder, record: PromiseRecord, lateSince: Date | undefined, via: SendVia): Promise<void> {
    const { log, clock } = this.#o;
    const now = clock.now();
    const deliveryKey = deliveryKeyOf(planned);
    if (planned.stage === 'escalation') {
      const targets = await this.#o.leads.targetsOn(record.owner.platform);
      const notice = { ...escalationNotice(record, now, this.#o.leadLocale, this.#o.teamTimeZone, lateSince), deliveryKey };
      if (targets.length === 0) log.warn({ promise: record.id, platform: record.owner.platform }, 'no lead to escalate to; set LEAD_IDS or LEADS_CHANNEL');
      await Promise.all(targets.map((to) => via(to, notice)));
    } else {
      const reminder = { ...ownerReminder(record, planned.stage, now, lateSince, this.#o.leadLocale), deliveryKey };
      await via({ platform: record.owner.platform, userId: record.owner.userId }, reminder);
    }
  }

  /**
   * Takes an intent back (after a failed delivery: `failure`); if the store cannot be written now,
   * on a later pass. False when the intent is no longer this sender's (nothing written).
   */
  async #withdraw(work: ReminderWork, failure: Delivery | undefined): Promise<Saved> {
    try {
      const saved = await this.#o.desk.withdrawReminderIntent(work, failure);
      this.#toWithdraw.delete(deliveryKeyOf(work.planned));
      return saved;
    } catch (error) {
      this.#toWithdraw.set(deliveryKeyOf(work.planned), { work, failure });
      this.#o.log.warn({ err: error, promise: work.planned.promiseId }, 'could not take back a reminder intent; tried again on the next pass');
      return undefined;
    }
  }

  async #withdrawOwed(): Promise<void> {
    for (const { work, failure } of [...this.#toWithdraw.values()]) await this.#withdraw(work, failure);
  }
}

/** The platform delivery key of a reminder: the same on every attempt, so a retry that landed twice shows once. */
function deliveryKeyOf(planned: PlannedReminder): string {
  // Each snooze is its own repeat: keyed by its time, so a second one is not taken for the first.
  const about = planned.stage === 'snooze' ? new Date(meantAt(planned)).toISOString() : planned.forDueAt;
  return `${planned.promiseId}:${planned.stage}:${about}`;
}

/**
 * One message per promise and audience per pass. After downtime several owner stages can be due
 * at once, and then the owner gets only the most urgent: a heads-up after the due time is noise,
 * and a snoozed repeat is covered by the due reminder. What is folded in is marked so it is never
 * sent later.
 */
function collapse(due: PlannedReminder[]): ReminderWork[] {
  const rank: Record<PlannedReminder['stage'], number> = { 'heads-up': 0, snooze: 1, due: 2, escalation: 3 };
  const escalations = new Map<string, PlannedReminder>();
  const owner = new Map<string, { planned: PlannedReminder; folded: Set<PlannedReminder['stage']> }>();
  for (const p of due) {
    if (p.stage === 'escalation') {
      escalations.set(p.promiseId, p);
      continue;
    }
    const current = owner.get(p.promiseId);
    if (!current) owner.set(p.promiseId, { planned: p, folded: new Set() });
    else if (current.planned.stage === p.stage) continue;
    else if (rank[p.stage] > rank[current.planned.stage]) owner.set(p.promiseId, { planned: p, folded: new Set([...current.folded, current.planned.stage]) });
    else current.folded.add(p.stage);
  }
  return [
    ...[...owner.values()].map(({ planned, folded }) => ({ planned, folded: [...folded] })),
    ...[...escalations.values()].map((planned) => ({ planned, folded: [] })),
  ];
}
