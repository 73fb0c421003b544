import type pg from 'pg';
import type { ReviewReminderStore } from '../knowledge/review-reminder-store.js';
import { openMigratedPool } from './pg-pool.js';

/** Review reminders already sent, in PostgreSQL: the INSERT that wins the primary key sends. */
export class PgReviewReminderStore implements ReviewReminderStore {
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  static async open(url: string): Promise<PgReviewReminderStore> {
    return new PgReviewReminderStore(await openMigratedPool(url, 2));
  }

  async claim(scriptId: string, version: number, at: Date): Promise<boolean> {
    const { rowCount } = await this.#pool.query('INSERT INTO review_reminders (script_id, version, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [scriptId, version, at]);
    return rowCount === 1;
  }

  async release(scriptId: string, version: number): Promise<void> {
    await this.#pool.query('DELETE FROM review_reminders WHERE script_id = $1 AND version = $2', [scriptId, version]);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
