import type { Logger } from 'pino';
import type { Timers } from '../core/timers.js';
import type { Clock } from '../core/clock.js';
import type { LeadDirectory } from '../core/leads.js';
import type { Locale } from '../i18n/locale.js';
import { deliver, type Outbox } from '../core/outbox.js';
import type { PromiseDesk } from './desk.js';
import { DueQueue } from './due-queue.js';
import { retryDelayMs } from './retry-delay.js';
import type { PromiseRecord, SentReminder } from './model.js';
import { escalationNotice, ownerReminder } from './promise-card.js';
import { plannedReminders, stillPlanned, type PlannedReminder, type ReminderTimings } from './reminder-plan.js';

interface Work {
  planned: PlannedReminder;
  /** Owner stages due in the same pass that this message stands for. */
  folded: PlannedReminder['stage'][];
}

/** A reminder counts as late (and says so) when it goes out this long after its time. */
const LATE_AFTER_MS = 60_000;
/** How many deliveries run at once; a burst of due promises must not wait in one line. */
const PARALLEL_SENDS = 50;

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
  /** Called with how late each reminder went out (ms), for the benchmark. */
  onSent?: (latenessMs: number, stage: PlannedReminder['stage']) => void;
}

/**
 * Sends each reminder exactly once. The queue lives in memory and is rebuilt from the store at
 * start; what counts as sent is the store, written right after a delivery succeeds. A delivery
 * that fails goes back into the queue with a growing delay: never dropped.
 */
export class ReminderScheduler {
  readonly #o: SchedulerOptions;
  /** `at` is when to try; the plan keeps the reminder's own time, so a retry still knows how late it is. */
  readonly #queue = new DueQueue<{ at: number; planned: PlannedReminder }>();
  readonly #attempts = new Map<string, number>();
  /** Reminders whose intent this process wrote and has not yet delivered (a retry must not be blocked by its own intent). */
  readonly #claimed = new Set<string>();
  #ticking: Promise<void> | undefined;
  #wake: { at: number; cancel: () => void } | undefined;

  constructor(options: SchedulerOptions) {
    this.#o = options;
    options.desk.onChange((record) => this.plan(record));
  }

  get queued(): number {
    return this.#queue.size;
  }

  /** Fills the queue from every open promise; anything already due goes out on the next tick, marked late. */
  rebuild(): void {
    this.#queue.clear();
    for (const record of this.#o.desk.allOpen()) this.plan(record);
  }

  plan(record: PromiseRecord): void {
    for (const planned of plannedReminders(record, this.#o.timings)) this.#queue.push({ at: planned.at, planned });
    this.#armWake();
  }

  stop(): void {
    this.#wake?.cancel();
    this.#wake = undefined;
  }

  #armWake(): void {
    const head = this.#queue.peek();
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
    const now = this.#o.clock.now().getTime();
    const due = this.#queue
      .takeDue(now)
      .map((entry) => entry.planned)
      .filter((p) => this.#stillToSend(p));
    if (!due.length) return;
    const work = await this.#claim(this.#collapse(due));
    // A pool rather than fixed batches: one slow platform call holds one worker, not a batch.
    let next = 0;
    const worker = async () => {
      while (next < work.length) await this.#send(work[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, work.length) }, worker));
  }

  /**
   * One message per promise and audience per pass. The same stage can be queued twice (every
   * change re-plans); after downtime several owner stages can be due at once, and then the owner
   * gets only the most urgent: a heads-up after the due time is noise, and a snoozed repeat is
   * covered by the due reminder. What is folded in is marked so it is never sent later.
   */
  #collapse(due: PlannedReminder[]): Work[] {
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

  async #send(work: Work): Promise<void> {
    try {
      await this.#claimSendConfirm(work);
    } catch (error) {
      // Nothing here may end the pass: the other reminders in it still go out.
      this.#o.log.error({ err: error, promise: work.planned.promiseId, stage: work.planned.stage }, 'reminder pass failed for one promise');
    }
  }

  /**
   * Records the intent for every reminder of the pass in one write, before any is sent. A store
   * that cannot be written (disk full, read-only) then means "not sent yet, try later", never
   * "sent but not marked": a reminder is never sent twice because a write failed. Returns the
   * work this process now holds.
   */
  async #claim(work: Work[]): Promise<Work[]> {
    const { desk, clock } = this.#o;
    const fresh = work.filter((w) => !this.#claimed.has(keyOf(w.planned)));
    if (!fresh.length) return work;
    const now = clock.now();
    try {
      await desk.store.update(() => {
        for (const { planned, folded } of fresh) {
          const record = desk.find(planned.promiseId);
          if (!record) continue;
          const late = now.getTime() - planned.at > LATE_AFTER_MS;
          markSent(record, planned, folded, { at: now.toISOString(), late, forDueAt: record.dueAt, inFlight: true });
        }
      });
    } catch (error) {
      for (const { planned } of fresh) this.#retryLater(keyOf(planned), planned, now, error, 'reminder not sent: the promise store cannot be written; will retry');
      return work.filter((w) => this.#claimed.has(keyOf(w.planned)));
    }
    for (const { planned } of fresh) this.#claimed.add(keyOf(planned));
    return work;
  }

  /**
   * Sends a claimed reminder, then confirms it. A delivery that fails takes its intent back, so a
   * restart sends it; only a crash between sending and confirming leaves one in flight, and that
   * one is not repeated.
   */
  async #claimSendConfirm({ planned, folded }: Work): Promise<void> {
    const { desk, outbox, clock, log } = this.#o;
    const key = keyOf(planned);
    const record = desk.find(planned.promiseId);
    if (!record || !this.#claimed.has(key) || !stillOurs(record, planned)) {
      this.#claimed.delete(key);
      return;
    }
    const now = clock.now();
    const lateSince = now.getTime() - planned.at > LATE_AFTER_MS ? new Date(planned.at) : undefined;
    try {
      if (planned.stage === 'escalation') {
        const targets = await this.#o.leads.targetsOn(record.owner.platform);
        const notice = { ...escalationNotice(record, now, this.#o.leadLocale, this.#o.teamTimeZone, lateSince), deliveryKey: key };
        if (targets.length === 0) log.warn({ promise: record.id, platform: record.owner.platform }, 'no lead to escalate to; set LEAD_IDS or LEADS_CHANNEL');
        await Promise.all(targets.map((to) => deliver(outbox, to, notice)));
      } else {
        const reminder = { ...ownerReminder(record, planned.stage, now, lateSince, this.#o.leadLocale), deliveryKey: key };
        await outbox.sendDirect({ platform: record.owner.platform, userId: record.owner.userId }, reminder);
      }
    } catch (error) {
      this.#retryLater(key, planned, now, error, 'reminder not delivered; will retry');
      // Take the intent back so that a restart before the retry still sends it.
      await desk.store
        .update(() => unmarkSent(record, planned, folded))
        .then(() => this.#claimed.delete(key))
        .catch((writeError: unknown) => log.warn({ err: writeError, promise: record.id }, 'could not take back a reminder intent; it is retried while the bot runs'));
      return;
    }
    this.#attempts.delete(key);
    this.#claimed.delete(key);
    // Not awaited: the confirmation only tidies the record, and the next reminders need not wait for the disk.
    void desk.store
      .update(() => clearInFlight(record, planned, folded))
      .catch((error: unknown) => log.warn({ err: error, promise: record.id }, 'reminder sent; could not confirm it in the store (it will not be sent again)'));
    this.#o.onSent?.(now.getTime() - planned.at, planned.stage);
    log.info({ promise: record.id, stage: planned.stage, late: Boolean(lateSince) }, 'reminder sent');
  }

  #stillToSend(planned: PlannedReminder): boolean {
    const record = this.#o.desk.find(planned.promiseId);
    return this.#claimed.has(keyOf(planned)) ? stillOurs(record, planned) : stillPlanned(record, planned);
  }

  #retryLater(key: string, planned: PlannedReminder, now: Date, error: unknown, message: string): void {
    const attempt = (this.#attempts.get(key) ?? 0) + 1;
    this.#attempts.set(key, attempt);
    const delay = retryDelayMs(attempt);
    this.#o.log.warn({ err: error, promise: planned.promiseId, stage: planned.stage, attempt, retryInMs: delay }, message);
    this.#queue.push({ at: now.getTime() + delay, planned });
  }
}

function keyOf(planned: PlannedReminder): string {
  return `${planned.promiseId}:${planned.stage}:${planned.forDueAt}`;
}

/** The stage (and what it stands for) as sent; a snoozed repeat counts as sent once the snooze is gone. */
function markSent(record: PromiseRecord, planned: PlannedReminder, folded: readonly PlannedReminder['stage'][], sent: SentReminder): void {
  if (planned.stage === 'snooze' || folded.includes('snooze')) delete record.snoozedUntil;
  if (planned.stage !== 'snooze') record.reminders[planned.stage] = sent;
  for (const stage of folded) if (stage !== 'snooze') record.reminders[stage] = { ...sent, superseded: true };
}

function unmarkSent(record: PromiseRecord, planned: PlannedReminder, folded: readonly PlannedReminder['stage'][]): void {
  if (planned.stage === 'snooze') record.snoozedUntil = new Date(planned.at).toISOString();
  for (const stage of [planned.stage, ...folded]) if (stage !== 'snooze' && record.reminders[stage]?.inFlight) delete record.reminders[stage];
}

function clearInFlight(record: PromiseRecord, planned: PlannedReminder, folded: readonly PlannedReminder['stage'][]): void {
  for (const stage of [planned.stage, ...folded]) if (stage !== 'snooze') delete record.reminders[stage]?.inFlight;
}

/** A reminder this process has claimed is still worth sending while its promise is open for the same due time. */
function stillOurs(record: PromiseRecord | undefined, planned: PlannedReminder): record is PromiseRecord {
  return record !== undefined && record.status === 'open' && record.dueAt === planned.forDueAt;
}
