import path from 'node:path';
import type { Logger } from 'pino';
import { DailyCount } from '../calm/daily-count.js';
import { RecentDeliveries } from './recent-deliveries.js';
import { UncertainPosts } from './uncertain-posts.js';
import type { Clock } from '../core/clock.js';
import { plannedReminders, type ReminderTimings } from '../promises/reminder-plan.js';
import { personKey, PendingDelivery, PromiseRecord } from '../promises/model.js';
import {
  pageCursor,
  parsePageCursor,
  type BotStore,
  type ChangeResult,
  type ClaimWindow,
  type CreateResult,
  type IfIntent,
  type Page,
  type PersonRef,
  type ReminderClaim,
  type StoredPromise,
} from './bot-store.js';
import { byDueThenId, nextReminderAt } from './promise-columns.js';
import { DELIVERIES_FILE, UNCERTAIN_POSTS_FILE } from './file-snapshot.js';
import { PromiseStore, type PromiseStoreOptions } from '../promises/promise-store.js';
import { MASKING_VERSION, remask } from '../promises/stored-text.js';

export interface FileBotStoreOptions {
  dataDir: string;
  clock: Clock;
  timings: ReminderTimings;
  log: Logger;
  /** How long a platform delivery key is remembered. Default 10 minutes, as the Slack adapter's. */
  deliveryKeyTtlMs?: number;
  /** Replaces the promises file writer (fault tests play a full or read-only disk). */
  write?: PromiseStoreOptions['write'];
  /** Replaces the promises journal appender, likewise. */
  append?: PromiseStoreOptions['append'];
}

interface Claim {
  claimant: string;
  until: number;
}

/**
 * The BotStore port over the existing files in DATA_DIR, in their existing shapes: promises.json
 * and archive/ (PromiseStore), calm-stats.json (DailyCount), slack-deliveries.json
 * (RecentDeliveries), slack-uncertain-posts.json (UncertainPosts). One process holds DATA_DIR (its lock), so versions and claims are kept in
 * memory: a version is bumped whenever a record is seen to differ from its last-seen copy.
 */
export class FileBotStore implements BotStore {
  readonly kind = 'file' as const;
  readonly #store: PromiseStore;
  readonly #calm: DailyCount;
  readonly #deliveries: RecentDeliveries;
  readonly #uncertain: UncertainPosts;
  readonly #timings: ReminderTimings;
  readonly #seen = new Map<string, { json: string; version: number }>();
  readonly #reminderClaims = new Map<string, Claim>();
  readonly #pendingClaims = new Map<string, Claim>();
  /**
   * requestKey → id of the live promise it created, so an idempotent create does not scan every
   * promise. Built at open, kept by every create and change; a hit counts only while that promise
   * is live and still has the key (it may since have been archived, or its write rolled back).
   */
  readonly #byRequestKey = new Map<string, string>();

  private constructor(parts: { store: PromiseStore; calm: DailyCount; deliveries: RecentDeliveries; uncertain: UncertainPosts; timings: ReminderTimings }) {
    this.#store = parts.store;
    this.#calm = parts.calm;
    this.#deliveries = parts.deliveries;
    this.#uncertain = parts.uncertain;
    this.#timings = parts.timings;
    for (const p of this.#store.data.promises) this.#noteRequestKey(p);
  }

  #noteRequestKey(record: PromiseRecord): void {
    // The first of two live promises with one key wins, as a scan from the start found it.
    if (record.requestKey !== undefined && !this.#byRequestKey.has(record.requestKey)) this.#byRequestKey.set(record.requestKey, record.id);
  }

  #createdBy(requestKey: string): PromiseRecord | undefined {
    const id = this.#byRequestKey.get(requestKey);
    const record = id === undefined ? undefined : this.#store.find(id);
    if (record?.requestKey === requestKey || id === undefined) return record;
    // Its promise was archived, rolled back or changed: another live one may hold the key (rare, so scanned).
    this.#byRequestKey.delete(requestKey);
    const other = this.#store.data.promises.find((p) => p.requestKey === requestKey);
    if (other) this.#noteRequestKey(other);
    return other;
  }

  static async open(options: FileBotStoreOptions): Promise<FileBotStore> {
    const store = await PromiseStore.open({ dir: options.dataDir, clock: options.clock, ...(options.write ? { write: options.write } : {}), ...(options.append ? { append: options.append } : {}) });
    // Promises stored under older masking rules may hold numbers today's rules mask; done once per rules version,
    // as a whole new file so the unmasked text does not stay behind in the journal's snapshot.
    if (store.data.promises.length > 0 && store.data.maskedWith !== MASKING_VERSION) {
      await store.rewrite((data) => {
        for (const p of data.promises) remask(p);
        data.maskedWith = MASKING_VERSION;
      });
    }
    const calm = await DailyCount.open({ dataDir: options.dataDir, enabled: true, log: options.log });
    const deliveries = new RecentDeliveries(options.clock, {
      file: path.join(options.dataDir, DELIVERIES_FILE),
      ...(options.deliveryKeyTtlMs ? { ttlMs: options.deliveryKeyTtlMs } : {}),
    });
    const uncertain = new UncertainPosts(options.clock, path.join(options.dataDir, UNCERTAIN_POSTS_FILE));
    return new FileBotStore({ store, calm, deliveries, uncertain, timings: options.timings });
  }

  /** The wrapped store, for code not yet moved to the port. */
  get promiseStore(): PromiseStore {
    return this.#store;
  }

  #stored(record: PromiseRecord): StoredPromise {
    const json = JSON.stringify(record);
    const seen = this.#seen.get(record.id);
    let version = seen?.version ?? 1;
    if (seen && seen.json !== json) version++;
    if (!seen || seen.json !== json) this.#seen.set(record.id, { json, version });
    return { record: structuredClone(record), version };
  }

  async createPromise(record: PromiseRecord): Promise<CreateResult> {
    const checked = PromiseRecord.parse(record);
    return this.#store.update((data): CreateResult => {
      const earlier = checked.requestKey ? this.#createdBy(checked.requestKey) : undefined;
      if (earlier) return { status: 'repeated', stored: this.#stored(earlier) };
      if (this.#store.find(checked.id)) return { status: 'id-taken' };
      data.promises.push(checked);
      this.#noteRequestKey(checked);
      return { status: 'created', stored: this.#stored(checked) };
    });
  }

  async getPromise(id: string): Promise<StoredPromise | undefined> {
    const record = this.#store.find(id);
    return record && this.#stored(record);
  }

  async openPromisesOf(owner: PersonRef): Promise<StoredPromise[]> {
    return this.#open()
      .filter((p) => p.owner.platform === owner.platform && p.owner.userId === owner.userId)
      .map((p) => this.#stored(p));
  }

  async openPromises(page: { after?: string; limit: number }): Promise<Page<StoredPromise>> {
    let open = this.#open();
    if (page.after) {
      const after = parsePageCursor(page.after);
      const afterMs = Date.parse(after.dueAt);
      open = open.filter((p) => Date.parse(p.dueAt) > afterMs || (Date.parse(p.dueAt) === afterMs && p.id > after.id));
    }
    const items = open.slice(0, page.limit).map((p) => this.#stored(p));
    const last = items.at(-1);
    return open.length > page.limit && last ? { items, next: pageCursor(last.record) } : { items };
  }

  #open(): PromiseRecord[] {
    return this.#store.data.promises.filter((p) => p.status === 'open').sort(byDueThenId);
  }

  async changePromise(id: string, expectedVersion: number, mutate: (record: PromiseRecord) => void): Promise<ChangeResult> {
    const current = this.#store.find(id);
    if (!current) return { ok: false, reason: 'not-found' };
    const before = this.#stored(current);
    if (before.version !== expectedVersion) return { ok: false, reason: 'conflict', current: before };
    const draft = structuredClone(current);
    mutate(draft);
    const next = PromiseRecord.parse(draft);
    if (next.id !== id) throw new Error(`a change may not alter a promise's id (${id} → ${next.id})`);
    await this.#store.update((data) => {
      const at = this.#store.positionOf(id);
      if (at >= 0) data.promises[at] = next;
    });
    this.#noteRequestKey(next);
    return { ok: true, stored: this.#stored(next) };
  }

  closedBetween(from: Date, to: Date): Promise<PromiseRecord[]> {
    return this.#store.closedBetween(from, to);
  }

  async claimDueReminders(window: ClaimWindow): Promise<ReminderClaim[]> {
    const now = window.now.getTime();
    const horizon = now + (window.horizonMs ?? 0);
    const candidates: { record: PromiseRecord; at: number }[] = [];
    for (const record of this.#store.data.promises) {
      if (record.status !== 'open' || !free(this.#reminderClaims.get(record.id), now)) continue;
      const at = nextReminderAt(record, this.#timings);
      if (at !== undefined && at <= horizon) candidates.push({ record, at });
    }
    candidates.sort((a, b) => a.at - b.at);
    return candidates.slice(0, window.limit).map(({ record }) => {
      this.#reminderClaims.set(record.id, { claimant: window.claimant, until: now + window.visibilityMs });
      return { stored: this.#stored(record), due: plannedReminders(record, this.#timings).filter((p) => p.at <= horizon) };
    });
  }

  async releaseReminderClaim(id: string, claimant: string): Promise<void> {
    if (this.#reminderClaims.get(id)?.claimant === claimant) this.#reminderClaims.delete(id);
  }

  async addPendingDelivery(delivery: PendingDelivery): Promise<void> {
    const checked = PendingDelivery.parse(delivery);
    await this.#store.update((data) => {
      if (!data.pending.some((p) => p.id === checked.id)) data.pending.push(checked);
    });
  }

  async claimPendingDeliveries(window: Omit<ClaimWindow, 'horizonMs'>): Promise<PendingDelivery[]> {
    const now = window.now.getTime();
    const due = this.#store.data.pending
      .filter((p) => Date.parse(p.nextAttemptAt) <= now && free(this.#pendingClaims.get(p.id), now))
      .sort((a, b) => Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt))
      .slice(0, window.limit);
    for (const p of due) this.#pendingClaims.set(p.id, { claimant: window.claimant, until: now + window.visibilityMs });
    return structuredClone(due);
  }

  async savePendingDelivery(delivery: PendingDelivery, only?: IfIntent): Promise<boolean> {
    const checked = PendingDelivery.parse(delivery);
    const saved = await this.#store.update((data) => {
      const at = pendingIndex(data.pending, checked.id, only);
      if (at >= 0) data.pending[at] = checked;
      return at >= 0;
    });
    if (saved) this.#pendingClaims.delete(checked.id);
    return saved;
  }

  async removePendingDelivery(id: string, only?: IfIntent): Promise<boolean> {
    // A /calm lead note names who asked: once it is gone, no copy of it may stay behind in the journal.
    const personal = this.#store.data.pending.some((p) => p.id === id && p.kind === 'lead-note');
    const removed = await (personal ? this.#store.rewrite.bind(this.#store) : this.#store.update.bind(this.#store))((data) => {
      const at = pendingIndex(data.pending, id, only);
      if (at >= 0) data.pending.splice(at, 1);
      return at >= 0;
    });
    if (removed) this.#pendingClaims.delete(id);
    return removed;
  }

  async pendingDeliveries(): Promise<PendingDelivery[]> {
    return structuredClone(this.#store.data.pending);
  }

  async timeZoneOf(person: PersonRef): Promise<string | undefined> {
    return this.#store.data.people[personKey(person)]?.timeZone;
  }

  async setTimeZone(person: PersonRef, timeZone: string): Promise<void> {
    await this.#store.update((data) => {
      data.people[personKey(person)] = { timeZone };
    });
  }

  firstDelivery(key: string): Promise<boolean> {
    return this.#deliveries.firstTime(key);
  }

  markUncertainPost(id: string): Promise<void> {
    return this.#uncertain.markUncertainPost(id);
  }

  isUncertainPost(id: string): Promise<boolean> {
    return this.#uncertain.isUncertainPost(id);
  }

  clearUncertainPost(id: string): Promise<void> {
    return this.#uncertain.clearUncertainPost(id);
  }

  addCalmUse(day: string): Promise<void> {
    return this.#calm.add(day);
  }

  async calmUses(today: string, days: number): Promise<{ day: string; count: number }[]> {
    return this.#calm.lastDays(today, days);
  }

  async ready(): Promise<true | string> {
    return this.#store.writable;
  }

  close(): Promise<void> {
    return this.#store.close();
  }
}

/** Where the kept message is, if it is there (and, with `only`, its intent is that one); else -1. */
function pendingIndex(pending: PendingDelivery[], id: string, only: IfIntent | undefined): number {
  const at = pending.findIndex((p) => p.id === id);
  return at < 0 || (only && pending[at]!.intentId !== only.intentId) ? -1 : at;
}

function free(claim: Claim | undefined, now: number): boolean {
  return claim === undefined || claim.until <= now;
}
