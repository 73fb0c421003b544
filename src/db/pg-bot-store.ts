import pg from 'pg';
import { plannedReminders, type ReminderTimings } from '../promises/reminder-plan.js';
import { PendingDelivery, personKey, PromiseRecord } from '../promises/model.js';
import {
  daysUpTo,
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
import { closedAtOf, nextReminderAt } from './promise-columns.js';
import { KEEP_DAYS } from '../calm/daily-count.js';
import { migrate } from './migrate.js';
import { inTransaction } from './pg-pool.js';
import { UNCERTAIN_POST_KEEP_MS } from './uncertain-posts.js';

export interface PgBotStoreOptions {
  url: string;
  timings: ReminderTimings;
  /** How long a platform delivery key is remembered. Default 10 minutes. */
  deliveryKeyTtlMs?: number;
  /** Bring the schema up to date on open (advisory-locked). Default true. */
  migrate?: boolean;
  /** Connections in the pool. Default 10. */
  poolSize?: number;
  /** Used for delivery-key and uncertain-post expiry; tests move it. Default the system clock. */
  now?: () => Date;
}

export type Queryable = pg.Pool | pg.PoolClient;

/** Runs inside the transaction of each promise write, with the record as written (see planJobsWith). */
export type PromiseWriteHook = (client: pg.PoolClient, record: PromiseRecord) => Promise<void>;
interface Row {
  body: unknown;
  version: number;
}

/** The BotStore port on PostgreSQL: any number of replicas may share one database. */
export class PgBotStore implements BotStore {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly #timings: ReminderTimings;
  readonly #ttlMs: number;
  readonly #now: () => Date;
  #onWrite: PromiseWriteHook | undefined;

  private constructor(pool: pg.Pool, options: PgBotStoreOptions) {
    this.pool = pool;
    this.#timings = options.timings;
    this.#ttlMs = options.deliveryKeyTtlMs ?? 10 * 60_000;
    this.#now = options.now ?? (() => new Date());
  }

  static async open(options: PgBotStoreOptions): Promise<PgBotStore> {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    try {
      if (options.migrate ?? true) await migrate(pool);
      else await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PgBotStore(pool, options);
  }

  #tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  /**
   * From now on every promise write (create, change) also runs `hook` in its transaction: the
   * reminder job is planned, moved or removed together with the promise, or neither is. Set once
   * the job engine has created its schema.
   */
  planJobsWith(hook: PromiseWriteHook): void {
    this.#onWrite = hook;
  }

  async createPromise(record: PromiseRecord): Promise<CreateResult> {
    const checked = PromiseRecord.parse(record);
    return this.#tx(async (client) => {
      const inserted = await client.query(
        `INSERT INTO promises (id, status, owner_platform, owner_user_id, due_at, closed_at, request_key, next_reminder_at, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        promiseColumns(checked, this.#timings),
      );
      if (inserted.rowCount === 1) {
        await appendHistory(client, checked, 0);
        await this.#onWrite?.(client, checked);
        return { status: 'created', stored: { record: checked, version: 1 } };
      }
      if (checked.requestKey) {
        const earlier = await client.query<Row>('SELECT body, version FROM promises WHERE request_key = $1', [checked.requestKey]);
        if (earlier.rows[0]) return { status: 'repeated', stored: toStored(earlier.rows[0]) };
      }
      return { status: 'id-taken' };
    });
  }

  async getPromise(id: string): Promise<StoredPromise | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT body, version FROM promises WHERE id = $1', [id]);
    return rows[0] && toStored(rows[0]);
  }

  async openPromisesOf(owner: PersonRef): Promise<StoredPromise[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT body, version FROM promises WHERE status = 'open' AND owner_platform = $1 AND owner_user_id = $2 ORDER BY due_at, id`,
      [owner.platform, owner.userId],
    );
    return rows.map(toStored);
  }

  async openPromises(page: { after?: string; limit: number }): Promise<Page<StoredPromise>> {
    const after = page.after ? parsePageCursor(page.after) : undefined;
    const { rows } = await this.pool.query<Row>(
      `SELECT body, version FROM promises
       WHERE status = 'open' AND ($1::timestamptz IS NULL OR (due_at, id) > ($1::timestamptz, $2::text))
       ORDER BY due_at, id LIMIT $3`,
      [after?.dueAt ?? null, after?.id ?? '', page.limit + 1],
    );
    const items = rows.slice(0, page.limit).map(toStored);
    const last = items.at(-1);
    return rows.length > page.limit && last ? { items, next: pageCursor(last.record) } : { items };
  }

  async changePromise(id: string, expectedVersion: number, mutate: (record: PromiseRecord) => void): Promise<ChangeResult> {
    return this.#tx(async (client): Promise<ChangeResult> => {
      const { rows } = await client.query<Row>('SELECT body, version FROM promises WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) return { ok: false, reason: 'not-found' };
      const current = toStored(rows[0]);
      if (current.version !== expectedVersion) return { ok: false, reason: 'conflict', current };
      const draft = structuredClone(current.record);
      mutate(draft);
      const next = PromiseRecord.parse(draft);
      if (next.id !== id) throw new Error(`a change may not alter a promise's id (${id} → ${next.id})`);
      const [, status, platform, userId, dueAt, closedAt, requestKey, nextReminder, body] = promiseColumns(next, this.#timings);
      await client.query(
        `UPDATE promises SET version = version + 1, status = $2, owner_platform = $3, owner_user_id = $4, due_at = $5,
           closed_at = $6, request_key = $7, next_reminder_at = $8, body = $9, updated_at = now()
         WHERE id = $1`,
        [id, status, platform, userId, dueAt, closedAt, requestKey, nextReminder, body],
      );
      await appendHistory(client, next, current.record.history.length);
      await this.#onWrite?.(client, next);
      return { ok: true, stored: { record: next, version: current.version + 1 } };
    });
  }

  async closedBetween(from: Date, to: Date): Promise<PromiseRecord[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT body, version FROM promises WHERE status <> 'open' AND closed_at >= $1 AND closed_at < $2 ORDER BY closed_at, id`,
      [from.toISOString(), to.toISOString()],
    );
    return rows.map((r) => toStored(r).record);
  }

  async claimDueReminders(window: ClaimWindow): Promise<ReminderClaim[]> {
    const now = window.now.getTime();
    const horizon = now + (window.horizonMs ?? 0);
    const { rows } = await this.pool.query<Row>(
      `WITH due AS (
         SELECT id FROM promises
         WHERE status = 'open' AND next_reminder_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $2)
         ORDER BY next_reminder_at LIMIT $3
         FOR UPDATE SKIP LOCKED)
       UPDATE promises p SET claimed_by = $4, claimed_until = $5 FROM due WHERE p.id = due.id
       RETURNING p.body, p.version`,
      [new Date(horizon).toISOString(), window.now.toISOString(), window.limit, window.claimant, new Date(now + window.visibilityMs).toISOString()],
    );
    return rows.map((row) => {
      const stored = toStored(row);
      return { stored, due: plannedReminders(stored.record, this.#timings).filter((p) => p.at <= horizon) };
    });
  }

  async releaseReminderClaim(id: string, claimant: string): Promise<void> {
    await this.pool.query('UPDATE promises SET claimed_by = NULL, claimed_until = NULL WHERE id = $1 AND claimed_by = $2', [id, claimant]);
  }

  async addPendingDelivery(delivery: PendingDelivery): Promise<void> {
    const d = PendingDelivery.parse(delivery);
    await this.pool.query(
      `INSERT INTO pending_deliveries (id, kind, promise_id, next_attempt_at, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [d.id, d.kind, d.promiseId ?? null, d.nextAttemptAt, JSON.stringify(d)],
    );
  }

  async claimPendingDeliveries(window: Omit<ClaimWindow, 'horizonMs'>): Promise<PendingDelivery[]> {
    const { rows } = await this.pool.query<{ body: unknown }>(
      `WITH due AS (
         SELECT id FROM pending_deliveries
         WHERE next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
         ORDER BY next_attempt_at LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE pending_deliveries d SET claimed_by = $3, claimed_until = $4 FROM due WHERE d.id = due.id
       RETURNING d.body`,
      [window.now.toISOString(), window.limit, window.claimant, new Date(window.now.getTime() + window.visibilityMs).toISOString()],
    );
    return rows.map((r) => PendingDelivery.parse(r.body)).sort((a, b) => Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt));
  }

  async savePendingDelivery(delivery: PendingDelivery, only?: IfIntent): Promise<boolean> {
    const d = PendingDelivery.parse(delivery);
    // The intent is compared in the UPDATE's own WHERE: the row is locked while it is checked and written.
    const { rowCount } = await this.pool.query(
      `UPDATE pending_deliveries SET next_attempt_at = $2, body = $3, claimed_by = NULL, claimed_until = NULL
       WHERE id = $1 AND (NOT $4::boolean OR body->>'intentId' IS NOT DISTINCT FROM $5::text)`,
      [d.id, d.nextAttemptAt, JSON.stringify(d), only !== undefined, only?.intentId ?? null],
    );
    return rowCount === 1;
  }

  async removePendingDelivery(id: string, only?: IfIntent): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM pending_deliveries WHERE id = $1 AND (NOT $2::boolean OR body->>'intentId' IS NOT DISTINCT FROM $3::text)`,
      [id, only !== undefined, only?.intentId ?? null],
    );
    return rowCount === 1;
  }

  async pendingDeliveries(): Promise<PendingDelivery[]> {
    const { rows } = await this.pool.query<{ body: unknown }>('SELECT body FROM pending_deliveries ORDER BY next_attempt_at, id');
    return rows.map((r) => PendingDelivery.parse(r.body));
  }

  async timeZoneOf(person: PersonRef): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ time_zone: string }>('SELECT time_zone FROM person_settings WHERE person_key = $1', [personKey(person)]);
    return rows[0]?.time_zone;
  }

  async setTimeZone(person: PersonRef, timeZone: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO person_settings (person_key, time_zone) VALUES ($1, $2)
       ON CONFLICT (person_key) DO UPDATE SET time_zone = excluded.time_zone, updated_at = now()`,
      [personKey(person), timeZone],
    );
  }

  async firstDelivery(key: string): Promise<boolean> {
    const now = this.#now();
    // New, or seen before but expired: either way this one is handled as the first.
    const { rowCount } = await this.pool.query(
      `INSERT INTO delivery_keys (key, expires_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE delivery_keys.expires_at <= $3`,
      [key, new Date(now.getTime() + this.#ttlMs).toISOString(), now.toISOString()],
    );
    if (Math.random() < 0.01) await this.pool.query('DELETE FROM delivery_keys WHERE expires_at <= $1', [now.toISOString()]);
    return rowCount === 1;
  }

  async markUncertainPost(id: string): Promise<void> {
    const now = this.#now();
    const expired = new Date(now.getTime() - UNCERTAIN_POST_KEEP_MS).toISOString();
    await this.pool.query(
      `INSERT INTO slack_uncertain_posts (id, marked_at) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET marked_at = excluded.marked_at WHERE slack_uncertain_posts.marked_at <= $3`,
      [id, now.toISOString(), expired],
    );
    await this.pool.query('DELETE FROM slack_uncertain_posts WHERE marked_at <= $1', [expired]);
  }

  async isUncertainPost(id: string): Promise<boolean> {
    const since = new Date(this.#now().getTime() - UNCERTAIN_POST_KEEP_MS).toISOString();
    const { rowCount } = await this.pool.query('SELECT 1 FROM slack_uncertain_posts WHERE id = $1 AND marked_at > $2', [id, since]);
    return rowCount === 1;
  }

  async clearUncertainPost(id: string): Promise<void> {
    await this.pool.query('DELETE FROM slack_uncertain_posts WHERE id = $1', [id]);
  }

  async addCalmUse(day: string): Promise<void> {
    await this.#tx(async (client) => {
      await client.query(
        'INSERT INTO calm_daily_counts (day, uses) VALUES ($1, 1) ON CONFLICT (day) DO UPDATE SET uses = calm_daily_counts.uses + 1',
        [day],
      );
      await client.query('DELETE FROM calm_daily_counts WHERE day NOT IN (SELECT day FROM calm_daily_counts ORDER BY day DESC LIMIT $1)', [KEEP_DAYS]);
    });
  }

  async calmUses(today: string, days: number): Promise<{ day: string; count: number }[]> {
    const wanted = daysUpTo(today, days);
    const { rows } = await this.pool.query<{ day: string; uses: number }>(
      'SELECT day::text AS day, uses FROM calm_daily_counts WHERE day BETWEEN $1 AND $2',
      [wanted[0] ?? today, today],
    );
    const counts = new Map(rows.map((r) => [r.day, r.uses]));
    return wanted.map((day) => ({ day, count: counts.get(day) ?? 0 }));
  }

  async ready(): Promise<true | string> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch (error) {
      return `database not reachable: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** The promises row for a record: id, status, owner platform and user, due, closed, request key, next reminder, body. */
export function promiseColumns(record: PromiseRecord, timings: ReminderTimings): unknown[] {
  const next = nextReminderAt(record, timings);
  return [
    record.id,
    record.status,
    record.owner.platform,
    record.owner.userId,
    record.dueAt,
    closedAtOf(record) ?? null,
    record.requestKey ?? null,
    next === undefined ? null : new Date(next).toISOString(),
    JSON.stringify(record),
  ];
}

/** Appends the record's history entries from index `from` on to the audit table (already there: kept). */
export async function appendHistory(client: Queryable, record: PromiseRecord, from: number): Promise<void> {
  const entries = record.history.slice(from);
  if (!entries.length) return;
  await client.query(
    `INSERT INTO promise_history (promise_id, seq, at, event, by_user, entry)
     SELECT $1, $3::int + t.ord::int - 1, (t.e->>'at')::timestamptz, t.e->>'event', t.e->>'by', t.e
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(e, ord)
     ON CONFLICT DO NOTHING`,
    [record.id, JSON.stringify(entries), from],
  );
}

function toStored(row: Row): StoredPromise {
  return { record: PromiseRecord.parse(row.body), version: row.version };
}
