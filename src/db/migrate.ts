import type pg from 'pg';
import { MIGRATIONS, type Migration } from './migrations.js';

/** Any fixed number: replicas starting together wait on this lock, so only the first migrates. */
const MIGRATION_LOCK = 0x66726f6e; // "fron"

export interface MigrateResult {
  /** Versions applied by this call, in order. */
  applied: number[];
  /** The schema version after the call. */
  current: number;
}

/**
 * Brings the schema up to date: each missing migration in its own transaction, recorded in
 * schema_migrations. A session advisory lock makes concurrent callers (replicas starting
 * together) run one after the other; the second finds nothing left to do.
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      const applied: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${migration.version} (${migration.name}) failed and was rolled back: ${(error as Error).message}`, { cause: error });
        }
        applied.push(migration.version);
        done.add(migration.version);
      }
      return { applied, current: Math.max(0, ...done) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
