import { randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { Outbox } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import pino, { type Logger } from 'pino';
import type { BotStore, ClaimWindow, IfIntent, ReminderClaim } from '../db/bot-store.js';
import { FileBotStore } from '../db/file-bot-store.js';
import type { PromiseStoreOptions } from './promise-store.js';
import { stillPlanned, type ReminderTimings } from './reminder-plan.js';
import { clearInFlight, dropStaleSnoozeIntent, markSent, stillOurs, unmarkSent, type ReminderWork } from './reminder-marks.js';
import { withoutDelivery, type Delivery } from './delivery.js';
import { DEFAULT_VISIBILITY_MS, DurableSend } from './durable-send.js';
import { storedEntry, storedNote } from './stored-text.js';
import { deliveryTarget, personKey, type HistoryEntry, type KeptMessage, type PendingDelivery, type Person, type PromiseRecord, type SentReminder } from './model.js';

const ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const ID_LENGTH = 5;
/** A promise kept early (closed before its due window) still counts for that window if closed at most this long before it. */
const CLOSED_EARLY_MS = 7 * 86_400_000;

/** Who is asking for a change, and whether they may change other people's promises. */
export interface Actor {
  platform: Person['platform'];
  userId: string;
  name?: string;
  isLead: boolean;
}

export type Refusal = 'not-found' | 'not-yours' | 'closed' | 'same-owner' | 'other-platform' | 'unchanged';
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: Refusal };

export interface NewPromise {
  owner: Person;
  dueAt: Date;
  note: string;
  timeZone: string;
  requestKey?: string;
}

export interface KeptTally {
  owner: Person;
  kept: number;
  late: number;
}

type ChangeListener = (record: PromiseRecord) => void;

/** How often a change is tried again after another replica changed the same promise first. */
const CONFLICT_RETRIES = 8;
/** Open promises are read from the store this many at a time. */
const OPEN_PAGE = 1000;

/** The reminder settings a desk opened on DATA_DIR uses when none are given (the config defaults). */
const DEFAULT_TIMINGS: ReminderTimings = { remindBeforeMs: 10 * 60_000, escalateAfterMs: 5 * 60_000 };

/**
 * The promise rules: who may change what, and how each change is written down. Everything is
 * kept behind the BotStore port (files in DATA_DIR, or PostgreSQL); every change is stored before
 * the method resolves, so "recorded" is never a lie. Changes name the version they read, so two
 * replicas never overwrite each other: a conflict is read again and re-checked.
 */
export class PromiseDesk {
  readonly #store: BotStore;
  readonly #clock: Clock;
  readonly #listeners: ChangeListener[] = [];
  readonly #visibilityMs: number;
  readonly #log: Logger | undefined;

  /**
   * `visibilityMs` (JOB_VISIBILITY_TIMEOUT): how long the first try of a kept message holds it before a retry pass may take it over.
   * `log`: where that first try says it failed, or that its result was dropped because a retry pass took the message over.
   */
  constructor(store: BotStore, clock: Clock, options: { visibilityMs?: number; log?: Logger } = {}) {
    this.#store = store;
    this.#clock = clock;
    this.#visibilityMs = options.visibilityMs ?? DEFAULT_VISIBILITY_MS;
    this.#log = options.log;
  }

  /** A desk over the file store in `dataDir` (tests, benchmarks, the embedded default). */
  static async open(options: { dataDir: string; clock: Clock; write?: PromiseStoreOptions['write']; timings?: ReminderTimings; visibilityMs?: number }): Promise<PromiseDesk> {
    const { dataDir, clock, write, timings, visibilityMs } = options;
    const store = await FileBotStore.open({ dataDir, clock, timings: timings ?? DEFAULT_TIMINGS, log: pino({ level: 'silent' }), ...(write ? { write } : {}) });
    return new PromiseDesk(store, clock, visibilityMs !== undefined ? { visibilityMs } : {});
  }

  close(): Promise<void> {
    return this.#store.close();
  }

  /** For /readyz: whether the store can be read and written. */
  storeReady(): Promise<true | string> {
    return this.#store.ready();
  }

  /** Called after each change, e.g. so the reminder queue picks up a new due time. */
  onChange(listener: ChangeListener): void {
    this.#listeners.push(listener);
  }

  timeZoneSetting(person: { platform: string; userId: string }): Promise<string | undefined> {
    return this.#store.timeZoneOf(person);
  }

  async setTimeZone(person: { platform: string; userId: string }, timeZone: string): Promise<void> {
    await this.#store.setTimeZone(person, timeZone);
  }

  async find(id: string): Promise<PromiseRecord | undefined> {
    return (await this.#store.getPromise(id.toUpperCase()))?.record;
  }

  /** Records a promise; a redelivered request (same requestKey) returns the first one instead of a second. */
  async create(input: NewPromise): Promise<{ record: PromiseRecord; repeated: boolean }> {
    const now = this.#now();
    for (;;) {
      const record: PromiseRecord = {
        id: newId(),
        owner: input.owner,
        createdAt: now,
        dueAt: input.dueAt.toISOString(),
        timeZone: input.timeZone,
        note: storedNote(input.note),
        status: 'open',
        reminders: {},
        ...(input.requestKey ? { requestKey: input.requestKey } : {}),
        history: [{ at: now, by: input.owner.userId, event: 'created' }],
      };
      const result = await this.#store.createPromise(record);
      if (result.status === 'id-taken') continue;
      if (result.status === 'repeated') return { record: result.stored.record, repeated: true };
      this.#changed(result.stored.record);
      return { record: result.stored.record, repeated: false };
    }
  }

  async openOf(person: { platform: string; userId: string }): Promise<PromiseRecord[]> {
    return (await this.#store.openPromisesOf(person)).map((s) => s.record);
  }

  /** Every open promise, soonest due first. */
  async allOpen(): Promise<PromiseRecord[]> {
    const open: PromiseRecord[] = [];
    let after: string | undefined;
    do {
      const page = await this.#store.openPromises({ limit: OPEN_PAGE, ...(after ? { after } : {}) });
      for (const s of page.items) open.push(s.record);
      after = page.next;
    } while (after);
    return open;
  }

  async done(id: string, actor: Actor): Promise<Outcome<PromiseRecord>> {
    return this.#change(id, actor, (p, now) => {
      p.status = 'done';
      p.closedAt = now;
      p.keptOnTime = now <= p.dueAt;
      delete p.snoozedUntil;
      return { at: now, by: actor.userId, event: 'done' };
    });
  }

  async cancel(id: string, actor: Actor, reason: string): Promise<Outcome<PromiseRecord>> {
    return this.#change(id, actor, (p, now) => {
      p.status = 'cancelled';
      p.closedAt = now;
      delete p.snoozedUntil;
      return { at: now, by: actor.userId, event: 'cancelled', reason };
    });
  }

  /** The customer agreed to a new time: the due time moves, history keeps both (and why), reminders start afresh. */
  async renegotiate(id: string, actor: Actor, dueAt: Date, reason?: string): Promise<Outcome<PromiseRecord>> {
    const next = dueAt.toISOString();
    const unchanged = (p: PromiseRecord): Refusal | undefined => (p.dueAt === next ? 'unchanged' : undefined);
    return this.#change(
      id,
      actor,
      (p, now) => {
        const from = p.dueAt;
        p.dueAt = next;
        delete p.snoozedUntil;
        return { at: now, by: actor.userId, event: 'renegotiated', from, to: next, ...(reason ? { reason } : {}) };
      },
      unchanged,
    );
  }

  /** Reminds the owner again later; the due time itself does not move. */
  async snooze(id: string, actor: Actor, until: Date): Promise<Outcome<PromiseRecord>> {
    return this.#change(id, actor, (p, now) => {
      p.snoozedUntil = until.toISOString();
      return { at: now, by: actor.userId, event: 'snoozed', to: p.snoozedUntil };
    });
  }

  /** Hands promises to a colleague on the same platform, notes and all. */
  async handoff(id: string, actor: Actor, to: Person): Promise<Outcome<PromiseRecord>> {
    const refuse = (p: PromiseRecord): Refusal | undefined =>
      p.owner.platform !== to.platform ? 'other-platform' : p.owner.userId === to.userId ? 'same-owner' : undefined;
    return this.#change(
      id,
      actor,
      (p, now) => {
        const from = p.owner.userId;
        p.owner = to;
        delete p.snoozedUntil;
        return { at: now, by: actor.userId, event: 'handed-off', from, to: to.userId };
      },
      refuse,
    );
  }

  /**
   * Claims promises with reminders due by the window's horizon for this replica (see
   * BotStore.claimDueReminders): two replicas never hold the same promise at once.
   */
  claimDueReminders(window: ClaimWindow): Promise<ReminderClaim[]> {
    return this.#store.claimDueReminders(window);
  }

  releaseReminderClaim(id: string, claimant: string): Promise<void> {
    return this.#store.releaseReminderClaim(id, claimant);
  }

  /**
   * Writes down, before it goes out, that this reminder (and the stages folded into it) is being
   * sent. Undefined when it no longer applies (closed, moved, or already sent by someone else):
   * then it must not go out.
   */
  recordReminderIntent(work: ReminderWork, sent: SentReminder): Promise<PromiseRecord | undefined> {
    return this.#reminderChange(work.planned.promiseId, (p) => stillPlanned(p, work.planned), (p) => markSent(p, work, sent));
  }

  /**
   * The delivery failed (`failure`: the stage waits for its next try) or was not tried: the intent
   * is taken back, so whoever looks next (or a restart) sends it.
   */
  async withdrawReminderIntent(work: ReminderWork, failure?: Delivery): Promise<boolean> {
    return (await this.#reminderChange(work.planned.promiseId, (p) => stillOurs(p, work), (p) => unmarkSent(p, work, failure))) !== undefined;
  }

  /** The reminder reached the platform: it is no longer in flight. False when its intent is no longer this sender's (nothing written). */
  async recordReminderSent(work: ReminderWork): Promise<boolean> {
    return (await this.#reminderChange(work.planned.promiseId, (p) => stillOurs(p, work), (p) => clearInFlight(p, work))) !== undefined;
  }

  /** The reminder failed for a day (GIVE_UP_AFTER_MS): it is recorded as never delivered, and not tried again. */
  async giveUpReminder(work: ReminderWork): Promise<void> {
    await this.#reminderChange(work.planned.promiseId, (p) => stillOurs(p, work), (p) => clearInFlight(p, work, true));
  }

  async #reminderChange(id: string, applies: (record: PromiseRecord) => boolean, mutate: (record: PromiseRecord) => void): Promise<PromiseRecord | undefined> {
    for (let attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
      const stored = await this.#store.getPromise(id);
      if (!stored || !applies(stored.record)) return undefined;
      const result = await this.#store.changePromise(id, stored.version, (p) => {
        mutate(p);
        dropStaleSnoozeIntent(p);
      });
      if (result.ok) return result.stored.record;
      if (result.reason === 'not-found') return undefined;
    }
    throw new Error(`promise ${id} kept changing under a reminder change`);
  }

  /** Undelivered messages due by now that nobody else holds, for this replica to retry. */
  claimPendingDeliveries(window: Omit<ClaimWindow, 'horizonMs'>): Promise<PendingDelivery[]> {
    return this.#store.claimPendingDeliveries(window);
  }

  /** Every undelivered message (for status pages and tests). */
  pendingDeliveries(): Promise<PendingDelivery[]> {
    return this.#store.pendingDeliveries();
  }

  /**
   * A kept message went out (or no longer applies, or was given up): it is forgotten. With `only`,
   * only while its intent is that one (a sender confirming its own try); false when it was not there to forget.
   */
  deliveryFinished(id: string, only?: IfIntent): Promise<boolean> {
    return this.#store.removePendingDelivery(id, only);
  }

  /**
   * Writes where a kept message's delivery stands (durable-send.ts): in flight until its claim's
   * end, or waiting for its next try. Nobody claims it before then. Written only over the intent
   * `only` names (BotStore.savePendingDelivery): false, and nothing written, when another sender's is there.
   */
  recordKeptDelivery(pending: PendingDelivery, state: Delivery, only?: IfIntent): Promise<boolean> {
    return this.#store.savePendingDelivery(keptWith(pending, state, this.#clock.now()), only);
  }

  /**
   * Sends a message the bot owes someone (a handoff notice, the digest, a lead note, a review
   * notice) by the one send path (DurableSend): written down with its intent first, then sent,
   * then forgotten. A failure, or a crash mid-send, leaves it in the store for PendingDeliveries
   * to retry (a crash: from the intent's end, asking the platform first), never dropped. True
   * when it went out now.
   */
  async notify(what: KeptMessage, message: Reply, outbox: Outbox): Promise<boolean> {
    const id = randomUUID();
    const kept = (state: Delivery): PendingDelivery => keptWith({ ...what, id, attempts: 0, nextAttemptAt: this.#now() }, state, this.#clock.now());
    const send = new DurableSend({ outbox, clock: this.#clock, visibilityMs: this.#visibilityMs, ...(this.#log ? { log: this.#log } : {}) });
    let intent: Delivery = {};
    const outcome = await send.run({}, {
      intend: async (state) => {
        intent = state;
        await this.#store.addPendingDelivery(kept(state));
        return true;
      },
      // Every attempt carries the same delivery key, so a first attempt that landed despite an error is not posted again.
      send: async (via) => {
        await via(deliveryTarget(what.to), { ...message, deliveryKey: pendingDeliveryKey(id) });
      },
      confirm: () => this.deliveryFinished(id, { intentId: intent.intentId }),
      withdraw: (failure) => this.recordKeptDelivery(kept(intent), failure ?? {}, { intentId: intent.intentId }),
      giveUp: () => this.deliveryFinished(id, { intentId: intent.intentId }),
    }, { kind: what.kind });
    return outcome === 'sent';
  }

  /**
   * Kept on time vs late for promises that came due in [from, to): done by the due time is kept;
   * done after it, or still open past it, is late. Cancelled ones count for neither.
   */
  async keptTally(from: Date, to: Date): Promise<{ team: { kept: number; late: number }; byOwner: KeptTally[] }> {
    const now = this.#now();
    const lo = from.toISOString();
    const hi = to.toISOString();
    const seen = new Map<string, PromiseRecord>();
    // Closed in the window or since: a promise due in the window may have been closed after it
    // (or, kept early, in the week before it).
    const closedFrom = new Date(from.getTime() - CLOSED_EARLY_MS);
    for (const p of await this.#store.closedBetween(closedFrom, new Date(Math.max(to.getTime(), Date.parse(now)) + 1))) seen.set(p.id, p);
    for (const p of await this.allOpen()) seen.set(p.id, p);
    const byOwner = new Map<string, KeptTally>();
    const team = { kept: 0, late: 0 };
    for (const p of seen.values()) {
      if (p.dueAt < lo || p.dueAt >= hi || p.status === 'cancelled') continue;
      let kept: boolean;
      if (p.status === 'done') kept = p.keptOnTime === true;
      else if (p.dueAt < now) kept = false;
      else continue;
      const key = personKey(p.owner);
      const tally = byOwner.get(key) ?? { owner: p.owner, kept: 0, late: 0 };
      tally[kept ? 'kept' : 'late']++;
      team[kept ? 'kept' : 'late']++;
      byOwner.set(key, tally);
    }
    return { team, byOwner: [...byOwner.values()].sort((a, b) => b.late - a.late || b.kept - a.kept) };
  }

  /**
   * Reads the promise, checks the rules, and writes the change naming the version it read; if
   * someone changed it meanwhile (another replica), reads it again and checks again.
   */
  async #change(
    id: string,
    actor: Actor,
    apply: (record: PromiseRecord, now: string) => HistoryEntry,
    refuse?: (record: PromiseRecord) => Refusal | undefined,
  ): Promise<Outcome<PromiseRecord>> {
    for (let attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
      const stored = await this.#store.getPromise(id.toUpperCase());
      if (!stored) return { ok: false, reason: 'not-found' };
      const record = stored.record;
      const refusal = refuse?.(record);
      if (refusal) return { ok: false, reason: refusal };
      if (record.status !== 'open') return { ok: false, reason: 'closed' };
      const own = record.owner.platform === actor.platform && record.owner.userId === actor.userId;
      if (!own && !actor.isLead) return { ok: false, reason: 'not-yours' };
      const now = this.#now();
      const result = await this.#store.changePromise(record.id, stored.version, (p) => {
        p.history.push(storedEntry(apply(p, now)));
        dropStaleSnoozeIntent(p);
      });
      if (result.ok) {
        this.#changed(result.stored.record);
        return { ok: true, value: result.stored.record };
      }
      if (result.reason === 'not-found') return { ok: false, reason: 'not-found' };
    }
    throw new Error(`promise ${id} kept changing under this change; try again`);
  }

  #changed(record: PromiseRecord): void {
    for (const listener of this.#listeners) listener(record);
  }

  #now(): string {
    return this.#clock.now().toISOString();
  }
}

/** A kept message with its delivery state; claimable again at the next try, or at the intent's end, or now. */
function keptWith(pending: PendingDelivery, state: Delivery, now: Date): PendingDelivery {
  return { ...withoutDelivery(pending), ...state, attempts: state.attempts ?? 0, nextAttemptAt: state.nextAttemptAt ?? state.until ?? now.toISOString() } as PendingDelivery;
}

function newId(): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** The delivery key of an owed message (handoff notice, digest), the same on every attempt. */
export function pendingDeliveryKey(pendingId: string): string {
  return `pending:${pendingId}`;
}
