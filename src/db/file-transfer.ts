import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { DailyCounts } from '../calm/daily-count.js';
import { STATS_FILE } from '../calm/daily-count.js';
import { PendingDelivery, PersonSettings, PromiseRecord, type StoreData } from '../promises/model.js';
import type { ReminderTimings } from '../promises/reminder-plan.js';
import { writeFileDurably } from '../store/durable-json-file.js';
import { ARCHIVE_DIR, DELIVERIES_FILE, PROMISES_FILE, UNCERTAIN_POSTS_FILE, type FileSnapshot } from './file-snapshot.js';
import { closedAtOf } from './promise-columns.js';
import { stringifyStore } from '../promises/promise-store.js';
import { appendHistory, promiseColumns } from './pg-bot-store.js';
import { inTransaction } from './pg-pool.js';
import { UNCERTAIN_POST_KEEP_MS } from './uncertain-posts.js';

/** How many of each kind were added, and how many were there already (and left as they are). */
export type TransferCounts = Record<'promises' | 'archived' | 'people' | 'pending' | 'calmDays' | 'deliveryKeys' | 'uncertainPosts', { added: number; present: number }>;

const counts = (): TransferCounts => ({
  promises: { added: 0, present: 0 },
  archived: { added: 0, present: 0 },
  people: { added: 0, present: 0 },
  pending: { added: 0, present: 0 },
  calmDays: { added: 0, present: 0 },
  deliveryKeys: { added: 0, present: 0 },
  uncertainPosts: { added: 0, present: 0 },
});

/**
 * Copies a file store into PostgreSQL in one transaction. Idempotent: anything already in the
 * database (same promise id, person, delivery id, day, key) is left as it is, so running it again
 * adds nothing. Delivery keys and uncertain Slack posts already expired at `now` are not copied.
 */
export async function importSnapshot(
  pool: pg.Pool,
  snapshot: FileSnapshot,
  options: { timings: ReminderTimings; now: Date; deliveryKeyTtlMs: number },
): Promise<TransferCounts> {
  const result = counts();
  const tally = (kind: keyof TransferCounts, added: boolean) => result[kind][added ? 'added' : 'present']++;
  return inTransaction(pool, async (client) => {
    const addPromise = async (record: PromiseRecord, archived: boolean) => {
      const inserted = await client.query(
        `INSERT INTO promises (id, status, owner_platform, owner_user_id, due_at, closed_at, request_key, next_reminder_at, body, archived)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [...promiseColumns(record, options.timings), archived],
      );
      if (inserted.rowCount === 1) await appendHistory(client, record, 0);
      tally(archived ? 'archived' : 'promises', inserted.rowCount === 1);
    };
    for (const record of snapshot.live.promises) await addPromise(record, false);
    for (const record of snapshot.archived) await addPromise(record, true);
    for (const [key, settings] of Object.entries(snapshot.live.people)) {
      const r = await client.query('INSERT INTO person_settings (person_key, time_zone) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key, settings.timeZone]);
      tally('people', r.rowCount === 1);
    }
    for (const d of snapshot.live.pending) {
      const r = await client.query(
        'INSERT INTO pending_deliveries (id, kind, promise_id, next_attempt_at, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [d.id, d.kind, d.promiseId ?? null, d.nextAttemptAt, JSON.stringify(d)],
      );
      tally('pending', r.rowCount === 1);
    }
    for (const [day, uses] of Object.entries(snapshot.calm)) {
      const r = await client.query('INSERT INTO calm_daily_counts (day, uses) VALUES ($1, $2) ON CONFLICT DO NOTHING', [day, uses]);
      tally('calmDays', r.rowCount === 1);
    }
    for (const [key, seenAt] of snapshot.deliveryKeys) {
      const expires = seenAt + options.deliveryKeyTtlMs;
      if (expires <= options.now.getTime()) continue;
      const r = await client.query('INSERT INTO delivery_keys (key, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key, new Date(expires).toISOString()]);
      tally('deliveryKeys', r.rowCount === 1);
    }
    for (const [id, markedAt] of snapshot.uncertainPosts) {
      if (markedAt + UNCERTAIN_POST_KEEP_MS <= options.now.getTime()) continue;
      const r = await client.query('INSERT INTO slack_uncertain_posts (id, marked_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, new Date(markedAt).toISOString()]);
      tally('uncertainPosts', r.rowCount === 1);
    }
    if (snapshot.live.maskedWith !== undefined) {
      await client.query(`INSERT INTO store_meta (key, value) VALUES ('maskedWith', $1) ON CONFLICT DO NOTHING`, [JSON.stringify(snapshot.live.maskedWith)]);
    }
    return result;
  });
}

export interface ExportCounts {
  promises: number;
  archived: number;
  archiveFiles: number;
  people: number;
  pending: number;
  calmDays: number;
  deliveryKeys: number;
  uncertainPosts: number;
}

/**
 * Writes the database out as a DATA_DIR in the file store's own shapes: promises.json,
 * archive/promises-YYYY-MM.jsonl (by closing month), calm-stats.json, slack-deliveries.json,
 * slack-uncertain-posts.json.
 * Refuses a folder that already holds a promise store.
 */
export async function exportToDataDir(pool: pg.Pool, dir: string, options: { now: Date; deliveryKeyTtlMs: number }): Promise<ExportCounts> {
  if (existsSync(path.join(dir, PROMISES_FILE))) throw new Error(`${dir} already holds ${PROMISES_FILE}; export into an empty folder`);
  // One snapshot of every table, as of the same moment.
  const client = await pool.connect();
  let rows: { live: PromiseRecord[]; archived: PromiseRecord[]; people: StoreData['people']; pending: PendingDelivery[]; calm: DailyCounts; keys: [string, number][]; uncertain: [string, number][]; maskedWith?: number };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const promises = await client.query<{ body: unknown; archived: boolean }>(`SELECT body, archived FROM promises ORDER BY (body->>'createdAt')::timestamptz, id`);
    const people = await client.query<{ person_key: string; time_zone: string }>('SELECT person_key, time_zone FROM person_settings ORDER BY person_key');
    const pending = await client.query<{ body: unknown }>('SELECT body FROM pending_deliveries ORDER BY next_attempt_at, id');
    const calm = await client.query<{ day: string; uses: number }>('SELECT day::text AS day, uses FROM calm_daily_counts ORDER BY day');
    const keys = await client.query<{ key: string; expires_at: Date }>('SELECT key, expires_at FROM delivery_keys WHERE expires_at > $1 ORDER BY expires_at, key', [options.now.toISOString()]);
    const uncertain = await client.query<{ id: string; marked_at: Date }>('SELECT id, marked_at FROM slack_uncertain_posts WHERE marked_at > $1 ORDER BY marked_at, id', [
      new Date(options.now.getTime() - UNCERTAIN_POST_KEEP_MS).toISOString(),
    ]);
    const meta = await client.query<{ value: unknown }>(`SELECT value FROM store_meta WHERE key = 'maskedWith'`);
    await client.query('COMMIT');
    const all = promises.rows.map((r) => ({ record: PromiseRecord.parse(r.body), archived: r.archived }));
    const maskedWith = meta.rows[0]?.value;
    rows = {
      live: all.filter((p) => !p.archived).map((p) => p.record),
      archived: all.filter((p) => p.archived).map((p) => p.record),
      people: Object.fromEntries(people.rows.map((r) => [r.person_key, PersonSettings.parse({ timeZone: r.time_zone })])),
      pending: pending.rows.map((r) => PendingDelivery.parse(r.body)),
      calm: Object.fromEntries(calm.rows.map((r) => [r.day, r.uses])),
      keys: keys.rows.map((r) => [r.key, r.expires_at.getTime() - options.deliveryKeyTtlMs]),
      uncertain: uncertain.rows.map((r) => [r.id, r.marked_at.getTime()]),
      ...(typeof maskedWith === 'number' ? { maskedWith } : {}),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }

  await mkdir(dir, { recursive: true });
  const live: StoreData = { version: 1, promises: rows.live, people: rows.people, pending: rows.pending, ...(rows.maskedWith !== undefined ? { maskedWith: rows.maskedWith } : {}) };
  await writeFileDurably(path.join(dir, PROMISES_FILE), stringifyStore(live));
  const byMonth = new Map<string, PromiseRecord[]>();
  for (const record of rows.archived) {
    const month = new Date(closedAtOf(record) ?? record.createdAt).toISOString().slice(0, 7); // UTC, as the file store files them
    byMonth.set(month, [...(byMonth.get(month) ?? []), record]);
  }
  if (byMonth.size) await mkdir(path.join(dir, ARCHIVE_DIR), { recursive: true });
  for (const [month, records] of byMonth) {
    records.sort((a, b) => Date.parse(closedAtOf(a)!) - Date.parse(closedAtOf(b)!));
    await writeFileDurably(path.join(dir, ARCHIVE_DIR, `promises-${month}.jsonl`), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }
  await writeFileDurably(path.join(dir, STATS_FILE), `${JSON.stringify(rows.calm, null, 2)}\n`);
  await writeFileDurably(path.join(dir, DELIVERIES_FILE), JSON.stringify(rows.keys));
  await writeFileDurably(path.join(dir, UNCERTAIN_POSTS_FILE), JSON.stringify(rows.uncertain));
  return {
    promises: rows.live.length,
    archived: rows.archived.length,
    archiveFiles: byMonth.size,
    people: Object.keys(rows.people).length,
    pending: rows.pending.length,
    calmDays: Object.keys(rows.calm).length,
    deliveryKeys: rows.keys.length,
    uncertainPosts: rows.uncertain.length,
  };
}
