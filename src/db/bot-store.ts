import type { PlannedReminder } from '../promises/reminder-plan.js';
import type { PendingDelivery, PromiseRecord } from '../promises/model.js';

/** A promise as stored, with the version an optimistic change must name. */
export interface StoredPromise {
  record: PromiseRecord;
  version: number;
}

export type CreateResult =
  | { status: 'created'; stored: StoredPromise }
  /** A promise with the same requestKey exists (a redelivered command): that one, unchanged. */
  | { status: 'repeated'; stored: StoredPromise }
  /** The id is taken by another promise; pick another id and try again. */
  | { status: 'id-taken' };

export type ChangeResult =
  | { ok: true; stored: StoredPromise }
  | { ok: false; reason: 'not-found' }
  /** Someone changed it since `expectedVersion` was read; `current` is how it is now. */
  | { ok: false; reason: 'conflict'; current: StoredPromise };

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

/** An open promise this claimant now holds for reminders, and the reminders of it due by the horizon. */
export interface ReminderClaim {
  stored: StoredPromise;
  due: PlannedReminder[];
}

export interface ClaimWindow {
  now: Date;
  /** Reminders due up to now + horizonMs are claimed (so they can go out on time). Default 0. */
  horizonMs?: number;
  /** Who claims: a replica id. */
  claimant: string;
  /** A claim not released by then is free again (its holder is taken to have died). */
  visibilityMs: number;
  limit: number;
}

/** The intent a conditional save expects to find on the stored message (Delivery.intentId; undefined: none recorded). */
export interface IfIntent {
  intentId: string | undefined;
}

export interface PersonRef {
  platform: string;
  userId: string;
}

/**
 * Everything the bot persists, behind one async port: promises (with optimistic versions and
 * claims for reminders), undelivered messages, time zones, redelivery keys, Slack posts that may
 * have landed, and /calm counts.
 * Implemented over the JSON file store (one process per DATA_DIR) and over PostgreSQL (any
 * number of replicas). Both pass tests/contract/store.contract.ts.
 */
export interface BotStore {
  readonly kind: 'file' | 'postgres';

  createPromise(record: PromiseRecord): Promise<CreateResult>;
  getPromise(id: string): Promise<StoredPromise | undefined>;
  /** Open promises of one owner, soonest due first. */
  openPromisesOf(owner: PersonRef): Promise<StoredPromise[]>;
  /** All open promises, soonest due first (ties by id), a page at a time. */
  openPromises(page: { after?: string; limit: number }): Promise<Page<StoredPromise>>;
  /**
   * Applies `mutate` to a copy of the record if it is still at `expectedVersion`; the result must
   * pass the PromiseRecord schema (else the call rejects and nothing is written). History entries
   * the change appends are kept as they are; the version goes up by one.
   */
  changePromise(id: string, expectedVersion: number, mutate: (record: PromiseRecord) => void): Promise<ChangeResult>;
  /** Closed (done or cancelled) promises with closedAt in [from, to), oldest first, archived ones included. */
  closedBetween(from: Date, to: Date): Promise<PromiseRecord[]>;

  /**
   * Claims open promises with a reminder due by now + horizon that nobody holds (or whose holder's
   * claim has expired), for `visibilityMs`. Concurrent claimants never get the same promise.
   * The holder records its intent on the record (changePromise) before sending, so a claim
   * that expires after that does not lead to a second copy.
   */
  claimDueReminders(window: ClaimWindow): Promise<ReminderClaim[]>;
  /** Gives a claim back before it expires (sent and recorded, or to be retried by anyone). */
  releaseReminderClaim(id: string, claimant: string): Promise<void>;

  addPendingDelivery(delivery: PendingDelivery): Promise<void>;
  /** Undelivered messages due by `now` that nobody holds, claimed like reminders. */
  claimPendingDeliveries(window: Omit<ClaimWindow, 'horizonMs'>): Promise<PendingDelivery[]>;
  /**
   * Saves a retried message (attempts, next attempt, last error) and frees its claim. With `only`,
   * a compare-and-set: written only while the stored message's intent is `only.intentId` (undefined:
   * none), checked and written as one step. True when it was written.
   */
  savePendingDelivery(delivery: PendingDelivery, only?: IfIntent): Promise<boolean>;
  /** Removes a delivered message; with `only`, only while its intent is still that one (true when removed). */
  removePendingDelivery(id: string, only?: IfIntent): Promise<boolean>;
  pendingDeliveries(): Promise<PendingDelivery[]>;

  timeZoneOf(person: PersonRef): Promise<string | undefined>;
  setTimeZone(person: PersonRef, timeZone: string): Promise<void>;

  /** True the first time a platform delivery key is offered within its time to live; false for a repeat. */
  firstDelivery(key: string): Promise<boolean>;

  /**
   * Slack posts that failed in a way that may have landed (Slack took the message, then answered
   * 500 or timed out): the next attempt, on whichever replica, looks in the channel first.
   * Kept two days from marking (UNCERTAIN_POST_KEEP_MS); marking again keeps the first time.
   */
  markUncertainPost(id: string): Promise<void>;
  isUncertainPost(id: string): Promise<boolean>;
  clearUncertainPost(id: string): Promise<void>;

  /** Counts one /calm use on that team day (YYYY-MM-DD). */
  addCalmUse(day: string): Promise<void>;
  /** The `days` days up to and including `today`, oldest first, zero for days without use. */
  calmUses(today: string, days: number): Promise<{ day: string; count: number }[]>;

  /** For /readyz: true while the store can be read and written, else why not. */
  ready(): Promise<true | string>;

  close(): Promise<void>;
}

/** Open promises are listed by due time, then id; a page cursor is the last one's pair. */
export function pageCursor(record: PromiseRecord): string {
  return `${record.dueAt}|${record.id}`;
}

export function parsePageCursor(cursor: string): { dueAt: string; id: string } {
  const at = cursor.lastIndexOf('|');
  if (at < 0) throw new Error(`not a page cursor: ${cursor}`);
  return { dueAt: cursor.slice(0, at), id: cursor.slice(at + 1) };
}

/** The `days` days up to `today` as YYYY-MM-DD, oldest first. */
export function daysUpTo(today: string, days: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) out.push(new Date(end - i * 86_400_000).toISOString().slice(0, 10));
  return out;
}
