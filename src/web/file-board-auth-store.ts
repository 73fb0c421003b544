import type { Low } from 'lowdb';
import { openLowdbFile } from '../store/lowdb-file.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import { StoredLink, StoredSession, type BoardAuthStore } from './board-auth-store.js';

export const BOARD_AUTH_FILE = 'board-sign-in.json';

const AuthData = z.object({ links: z.record(z.string(), StoredLink).default({}), sessions: z.record(z.string(), StoredSession).default({}) });
type AuthData = { links: Record<string, StoredLink>; sessions: Record<string, StoredSession> };

/**
 * Sign-in links and sessions in DATA_DIR/board-sign-in.json (token hashes only): kept across a
 * restart. One process per DATA_DIR, like the rest of the file store: reads come from memory,
 * every change is written (atomically, in order) before the call returns.
 */
export class FileBoardAuthStore implements BoardAuthStore {
  readonly #db: Low<AuthData>;
  readonly #log: Logger;
  #writing: Promise<void> = Promise.resolve();

  private constructor(db: Low<AuthData>, log: Logger) {
    this.#db = db;
    this.#log = log;
  }

  static async open(options: { dataDir: string; log: Logger }): Promise<FileBoardAuthStore> {
    // Nothing in it is worth stopping for: at worst the leads sign in again.
    const db = await openLowdbFile<AuthData>({ ...options, name: BOARD_AUTH_FILE, parse: (t) => AuthData.parse(JSON.parse(t)) as AuthData, empty: () => ({ links: {}, sessions: {} }), lost: 'leads sign in again' });
    return new FileBoardAuthStore(db, options.log);
  }

  async addLink(key: string, link: StoredLink, now: number): Promise<void> {
    this.#db.data.links[key] = link;
    await this.#save(now);
  }

  async peekLink(key: string, now: number): Promise<StoredLink | undefined> {
    const link = this.#db.data.links[key];
    return link && link.expiresAt > now ? link : undefined;
  }

  async takeLink(key: string, now: number): Promise<StoredLink | undefined> {
    const link = this.#db.data.links[key];
    if (!link) return undefined;
    delete this.#db.data.links[key];
    await this.#save(now);
    return link.expiresAt > now ? link : undefined;
  }

  async putSession(key: string, session: StoredSession, now: number): Promise<void> {
    this.#db.data.sessions[key] = session;
    await this.#save(now);
  }

  async getSession(key: string, now: number): Promise<StoredSession | undefined> {
    const session = this.#db.data.sessions[key];
    return session && session.expiresAt > now ? session : undefined;
  }

  async endSession(key: string): Promise<void> {
    if (!(key in this.#db.data.sessions)) return;
    delete this.#db.data.sessions[key];
    await this.#save();
  }

  async close(): Promise<void> {
    await this.#writing;
  }

  /** Drops what has expired, then writes; a failed write is logged (the change still holds in memory). */
  #save(now?: number): Promise<void> {
    if (now !== undefined) {
      const { links, sessions } = this.#db.data;
      for (const [k, v] of Object.entries(links)) if (v.expiresAt <= now) delete links[k];
      for (const [k, v] of Object.entries(sessions)) if (v.expiresAt <= now) delete sessions[k];
    }
    this.#writing = this.#writing
      .then(() => this.#db.write())
      .catch((error: unknown) => this.#log.warn({ err: { name: (error as Error).name } }, 'could not save board sign-ins'));
    return this.#writing;
  }
}
