import type pg from 'pg';
import { StoredLink, StoredSession, type BoardAuthStore } from '../web/board-auth-store.js';
import { openMigratedPool } from './pg-pool.js';

/** Sign-in links and board sessions in PostgreSQL: every replica sees them; a link is taken by one DELETE … RETURNING. */
export class PgBoardAuthStore implements BoardAuthStore {
  readonly #pool: pg.Pool;
  readonly #ownsPool: boolean;

  constructor(pool: pg.Pool, ownsPool = false) {
    this.#pool = pool;
    this.#ownsPool = ownsPool;
  }

  static async open(url: string): Promise<PgBoardAuthStore> {
    return new PgBoardAuthStore(await openMigratedPool(url), true);
  }

  async addLink(key: string, link: StoredLink, now: number): Promise<void> {
    await this.#pool.query('DELETE FROM board_sign_in_links WHERE expires_at <= $1', [new Date(now)]);
    await this.#pool.query('INSERT INTO board_sign_in_links (key, person, expires_at) VALUES ($1, $2, $3)', [key, JSON.stringify(link.person), new Date(link.expiresAt)]);
  }

  async peekLink(key: string, now: number): Promise<StoredLink | undefined> {
    const { rows } = await this.#pool.query<{ person: unknown; expires_at: Date }>('SELECT person, expires_at FROM board_sign_in_links WHERE key = $1 AND expires_at > $2', [key, new Date(now)]);
    return rows[0] ? (StoredLink.parse({ person: rows[0].person, expiresAt: rows[0].expires_at.getTime() }) as StoredLink) : undefined;
  }

  async takeLink(key: string, now: number): Promise<StoredLink | undefined> {
    // One statement: concurrent takers on any replica, only one gets the row back.
    const { rows } = await this.#pool.query<{ person: unknown; expires_at: Date }>('DELETE FROM board_sign_in_links WHERE key = $1 RETURNING person, expires_at', [key]);
    const row = rows[0];
    if (!row || row.expires_at.getTime() <= now) return undefined;
    return StoredLink.parse({ person: row.person, expiresAt: row.expires_at.getTime() }) as StoredLink;
  }

  async putSession(key: string, session: StoredSession, now: number): Promise<void> {
    await this.#pool.query('DELETE FROM board_sessions WHERE expires_at <= $1', [new Date(now)]);
    await this.#pool.query(
      `INSERT INTO board_sessions (key, person, csrf, expires_at, flash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET person = EXCLUDED.person, csrf = EXCLUDED.csrf, expires_at = EXCLUDED.expires_at, flash = EXCLUDED.flash`,
      [key, JSON.stringify(session.person), session.csrf, new Date(session.expiresAt), session.flash ?? null],
    );
  }

  async getSession(key: string, now: number): Promise<StoredSession | undefined> {
    const { rows } = await this.#pool.query<{ person: unknown; csrf: string; expires_at: Date; flash: string | null }>('SELECT person, csrf, expires_at, flash FROM board_sessions WHERE key = $1 AND expires_at > $2', [key, new Date(now)]);
    const row = rows[0];
    return row ? (StoredSession.parse({ person: row.person, csrf: row.csrf, expiresAt: row.expires_at.getTime(), ...(row.flash === null ? {} : { flash: row.flash }) }) as StoredSession) : undefined;
  }

  async endSession(key: string): Promise<void> {
    await this.#pool.query('DELETE FROM board_sessions WHERE key = $1', [key]);
  }

  async close(): Promise<void> {
    if (this.#ownsPool) await this.#pool.end();
  }
}
