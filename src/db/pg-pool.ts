import pg from 'pg';
import { migrate } from './migrate.js';

/** A pool on DATABASE_URL with the schema brought up to date, for the stores beside the BotStore (board sign-ins, usage). */
export async function openMigratedPool(url: string, poolSize = 4): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
