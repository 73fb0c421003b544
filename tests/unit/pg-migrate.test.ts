import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';

const server = testPostgresUrl('PostgreSQL migrations');

/** A pool as the bot opens one (src/db/pg-pool.ts): a client still closing when the test database is dropped WITH (FORCE) gets 57P01, which must not be an uncaught error. */
function poolOn(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}

describe.skipIf(!server)('PostgreSQL migrations', () => {
  it('two replicas starting together migrate once', async () => {
    const db = await createTestDatabase(server!);
    const a = poolOn(db.url, 2);
    const b = poolOn(db.url, 2);
    try {
      const results = await Promise.all([migrate(a), migrate(b)]);
      const latest = MIGRATIONS.at(-1)!.version;
      expect(results.map((r) => r.current)).toEqual([latest, latest]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(MIGRATIONS.map((m) => m.version));
      const { rows } = await a.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(a)).toEqual({ applied: [], current: latest });
    } finally {
      await Promise.all([a.end(), b.end()]);
      await db.drop();
    }
  });

  it('rolls a failing migration back whole and says which one', async () => {
    const db = await createTestDatabase(server!);
    const pool = poolOn(db.url, 1);
    try {
      const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;' }];
      await expect(migrate(pool, broken)).rejects.toThrow(/migration 99 \(broken\) failed and was rolled back/);
      const { rows } = await pool.query(`SELECT to_regclass('half_done') AS t, (SELECT count(*)::int FROM schema_migrations WHERE version = 99) AS n`);
      expect(rows[0]).toEqual({ t: null, n: 0 });
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});
