import { randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { deliver, type Outbox } from '../core/outbox.js';
import type { Reply } from '../core/reply.js';
import { PromiseStore, type PromiseStoreOptions } from './promise-store.js';
import { retryDelayMs } from './retry-delay.js';
import { MASKING_VERSION, remask, storedEntry, storedNote } from './stored-text.js';
import { deliveryTarget, personKey, type HistoryEntry, type PendingDelivery, type Person, type PromiseRecord } from './model.js';

const ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const ID_LENGTH = 5;

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

/**
 * The promise rules: who may change what, and how each change is written down. Every change
 * is on disk (through the store) before the method resolves, so "recorded" is never a lie.
 */
export class PromiseDesk {
  readonly #store: PromiseStore;
  readonly #clock: Clock;
  readonly #listeners: ChangeListener[] = [];

  constructor(store: PromiseStore, clock: Clock) {
    this.#store = store;
    this.#clock = clock;
  }

  static async open(options: { dataDir: string; clock: Clock; write?: PromiseStoreOptions['write'] }): Promise<PromiseDesk> {
    const { dataDir, clock, write } = options;
    const store = await PromiseStore.open({ dir: dataDir, clock, ...(write ? { write } : {}) });
    // Promises stored under older masking rules may hold numbers today's rules mask; done once per rules version.
    if (store.data.promises.length > 0 && store.data.maskedWith !== MASKING_VERSION) {
      await store.update((data) => {
        for (const p of data.promises) remask(p);
        data.maskedWith = MASKING_VERSION;
      });
    }
    return new PromiseDesk(store, clock);
  }

  get store(): PromiseStore {
    return this.#store;
  }

  close(): Promise<void> {
    return this.#store.close();
  }

  /** Called after each change, e.g. so the reminder queue picks up a new due time. */
  onChange(listener: ChangeListener): void {
    this.#listeners.push(listener);
  }

  timeZoneSetting(person: { platform: string; userId: string }): string | undefined {
    return this.#store.data.people[personKey(person)]?.timeZone;
  }

  async setTimeZone(person: { platform: string; userId: string }, timeZone: string): Promise<void> {
    await this.#store.update((data) => {
      data.people[personKey(person)] = { timeZone };
    });
  }

  find(id: string): PromiseRecord | undefined {
    return this.#store.find(id.toUpperCase());
  }

  /** Records a promise; a redelivered request (same requestKey) returns the first one instead of a second. */
  async create(input: NewPromise): Promise<{ record: PromiseRecord; repeated: boolean }> {
    if (input.requestKey) {
      const earlier = this.#store.data.promises.find((p) => p.requestKey === input.requestKey);
      if (earlier) return { record: earlier, repeated: true };
    }
    const now = this.#now();
    const record: PromiseRecord = {
      id: this.#newId(),
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
    await this.#store.update((data) => {
      data.promises.push(record);
    });
    this.#changed(record);
    return { record, repeated: false };
  }

  openOf(person: { platform: string; userId: string }): PromiseRecord[] {
    return this.allOpen().filter((p) => p.owner.platform === person.platform && p.owner.userId === person.userId);
  }

  /** Every open promise, soonest due first. */
  allOpen(): PromiseRecord[] {
    return this.#store.data.promises.filter((p) => p.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
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
    if (this.find(id)?.dueAt === next) return { ok: false, reason: 'unchanged' };
    return this.#change(id, actor, (p, now) => {
      const from = p.dueAt;
      p.dueAt = next;
      delete p.snoozedUntil;
      return { at: now, by: actor.userId, event: 'renegotiated', from, to: next, ...(reason ? { reason } : {}) };
    });
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
    const record = this.find(id);
    if (record && record.owner.platform !== to.platform) return { ok: false, reason: 'other-platform' };
    if (record && record.owner.userId === to.userId) return { ok: false, reason: 'same-owner' };
    return this.#change(id, actor, (p, now) => {
      const from = p.owner.userId;
      p.owner = to;
      delete p.snoozedUntil;
      return { at: now, by: actor.userId, event: 'handed-off', from, to: to.userId };
    });
  }

  /**
   * Sends a message the bot owes someone (a handoff notice, the digest). If the platform fails,
   * the message is kept in the store and retried later (see PendingDeliveries), never dropped.
   */
  async notify(what: Omit<PendingDelivery, 'id' | 'attempts' | 'nextAttemptAt'>, message: Reply, outbox: Outbox): Promise<boolean> {
    // Chosen before the first attempt: the retries carry the same delivery key, so a first attempt
    // that landed despite an error is not posted again.
    const id = randomUUID();
    try {
      await deliver(outbox, deliveryTarget(what.to), { ...message, deliveryKey: pendingDeliveryKey(id) });
      return true;
    } catch (error) {
      const pending: PendingDelivery = {
        ...what,
        firstTriedAt: this.#clock.now().toISOString(),
        id,
        attempts: 1,
        nextAttemptAt: new Date(this.#clock.now().getTime() + retryDelayMs(1)).toISOString(),
        lastError: error instanceof Error ? error.message.slice(0, 200) : 'delivery failed',
      };
      await this.#store.update((data) => {
        data.pending.push(pending);
      });
      return false;
    }
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
    // Closed in the window or since: a promise due in the window may have been closed after it.
    for (const p of await this.#store.closedBetween(from, new Date(Math.max(to.getTime(), Date.parse(now)) + 1))) seen.set(p.id, p);
    for (const p of this.#store.data.promises) seen.set(p.id, p);
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

  async #change(
    id: string,
    actor: Actor,
    apply: (record: PromiseRecord, now: string) => HistoryEntry,
  ): Promise<Outcome<PromiseRecord>> {
    const record = this.find(id);
    if (!record) return { ok: false, reason: 'not-found' };
    if (record.status !== 'open') return { ok: false, reason: 'closed' };
    const own = record.owner.platform === actor.platform && record.owner.userId === actor.userId;
    if (!own && !actor.isLead) return { ok: false, reason: 'not-yours' };
    const now = this.#now();
    await this.#store.update(() => {
      record.history.push(storedEntry(apply(record, now)));
    });
    this.#changed(record);
    return { ok: true, value: record };
  }

  #changed(record: PromiseRecord): void {
    for (const listener of this.#listeners) listener(record);
  }

  #now(): string {
    return this.#clock.now().toISOString();
  }

  #newId(): string {
    for (;;) {
      let id = '';
      for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
      if (!this.#store.find(id)) return id;
    }
  }
}

/** The delivery key of an owed message (handoff notice, digest), the same on every attempt. */
export function pendingDeliveryKey(pendingId: string): string {
  return `pending:${pendingId}`;
}
