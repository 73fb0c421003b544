import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { BoardAuthStore } from './board-auth-store.js';
import type { WebPerson } from './sign-in-links.js';

export const SESSION_LIFETIME_MS = 12 * 3_600_000;

export interface Session {
  person: WebPerson;
  /** The synchroniser token every state-changing request must carry (a hidden form field or a header). */
  csrf: string;
  expiresAt: number;
  /** One message for the next page shown (what the last form did); kept by the process that set it. */
  flash?: string;
}

const digest = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * Signed-in leads, 12 hours each, in the board's auth store (a restart keeps them, replicas share
 * them); only hashes of session ids are stored. The one-line flash after a form is the only
 * thing kept in this process alone.
 */
export class Sessions {
  readonly #clock: Clock;
  readonly #store: BoardAuthStore;
  readonly #flashes = new Map<string, Session>();

  constructor(options: { clock: Clock; store: BoardAuthStore }) {
    this.#clock = options.clock;
    this.#store = options.store;
  }

  async start(person: WebPerson): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.#clock.now().getTime();
    for (const [key, held] of this.#flashes) if (held.expiresAt <= now) this.#flashes.delete(key);
    const session: Session = { person, csrf: randomBytes(24).toString('base64url'), expiresAt: now + SESSION_LIFETIME_MS };
    await this.#store.putSession(digest(id), session, now);
    return { id, session };
  }

  async get(id: string | undefined): Promise<Session | undefined> {
    if (!id) return undefined;
    const key = digest(id);
    const stored = await this.#store.getSession(key, this.#clock.now().getTime());
    if (!stored) {
      this.#flashes.delete(key);
      return undefined;
    }
    // The same object while it carries a flash, so the next page shows (and clears) it.
    const held = this.#flashes.get(key);
    const session: Session = held?.flash !== undefined ? Object.assign(held, stored) : { ...stored };
    this.#flashes.set(key, session);
    return session;
  }

  /** Keeps a change to the session (its language) for every later request, on any replica. */
  async save(id: string | undefined, session: Session): Promise<void> {
    if (!id) return;
    const { flash: _flash, ...stored } = session;
    await this.#store.putSession(digest(id), stored, this.#clock.now().getTime());
  }

  async end(id: string | undefined): Promise<void> {
    if (!id) return;
    this.#flashes.delete(digest(id));
    await this.#store.endSession(digest(id));
  }
}

/** Constant-time comparison of the token sent with the session's. */
export function csrfMatches(session: Session, sent: string | undefined): boolean {
  if (!sent) return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
