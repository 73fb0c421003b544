import type pg from 'pg';
import type { Gap, ScriptCounts, UsageStore } from '../knowledge/usage-store.js';
import { openMigratedPool } from './pg-pool.js';

const COLUMN: Record<keyof ScriptCounts, string> = { opened: 'opened', helped: 'helped', notHelped: 'not_helped' };

/** /script usage and the gap report in PostgreSQL: every replica adds to the same counts. */
export class PgUsageStore implements UsageStore {
  readonly #pool: pg.Pool;
  readonly #ownsPool: boolean;

  constructor(pool: pg.Pool, ownsPool = false) {
    this.#pool = pool;
    this.#ownsPool = ownsPool;
  }

  static async open(url: string): Promise<PgUsageStore> {
    return new PgUsageStore(await openMigratedPool(url), true);
  }

  async add(day: string, scriptId: string, field: keyof ScriptCounts): Promise<void> {
    const column = COLUMN[field];
    await this.#pool.query(`INSERT INTO knowledge_usage (day, script_id, ${column}) VALUES ($1, $2, 1) ON CONFLICT (day, script_id) DO UPDATE SET ${column} = knowledge_usage.${column} + 1`, [day, scriptId]);
  }

  async addGap(gap: Gap): Promise<void> {
    await this.#pool.query('INSERT INTO knowledge_gaps (day, query, kind, script_id) VALUES ($1, $2, $3, $4)', [gap.day, gap.query, gap.kind, gap.scriptId ?? null]);
  }

  async totals(since: string): Promise<Map<string, ScriptCounts>> {
    const { rows } = await this.#pool.query<{ script_id: string; opened: string; helped: string; not_helped: string }>(
      'SELECT script_id, sum(opened) AS opened, sum(helped) AS helped, sum(not_helped) AS not_helped FROM knowledge_usage WHERE day >= $1 GROUP BY script_id',
      [since],
    );
    return new Map(rows.map((r) => [r.script_id, { opened: Number(r.opened), helped: Number(r.helped), notHelped: Number(r.not_helped) }]));
  }

  async gaps(since: string): Promise<Gap[]> {
    const { rows } = await this.#pool.query<{ day: string; query: string; kind: Gap['kind']; script_id: string | null }>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, query, kind, script_id FROM knowledge_gaps WHERE day >= $1 ORDER BY id",
      [since],
    );
    return rows.map((r) => ({ day: r.day, query: r.query, kind: r.kind, ...(r.script_id ? { scriptId: r.script_id } : {}) }));
  }

  async dropBefore(since: string): Promise<void> {
    await this.#pool.query('DELETE FROM knowledge_usage WHERE day < $1', [since]);
    await this.#pool.query('DELETE FROM knowledge_gaps WHERE day < $1', [since]);
  }

  async close(): Promise<void> {
    if (this.#ownsPool) await this.#pool.end();
  }
}
