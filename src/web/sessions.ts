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
  /** One message for the next page shown (what the last form did). */
  flash?: string;
}

const digest = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * Signed-in leads, 12 hours each, in the board's auth store (a restart keeps them, replicas share
 * them); only hashes of session ids are stored. The one-line flash a form leaves is stored with
 * the session too, so the page after the redirect shows it on whichever replica serves it.
 */
export class Sessions {
  readonly #clock: Clock;
  readonly #store: BoardAuthStore;

  constructor(options: { clock: Clock; store: BoardAuthStore }) {
    this.#clock = options.clock;
    this.#store = options.store;
  }

  async start(person: WebPerson): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.#clock.now().getTime();
    const session: Session = { person, csrf: randomBytes(24).toString('base64url'), expiresAt: now + SESSION_LIFETIME_MS };
    await this.#store.putSession(digest(id), session, now);
    return { id, session };
  }

  async get(id: string | undefined): Promise<Session | undefined> {
    if (!id) return undefined;
    const stored = await this.#store.getSession(digest(id), this.#clock.now().getTime());
    return stored && { ...stored };
  }

  /** Keeps a change to the session (its language, its flash) for every later request, on any replica. */
  async save(id: string | undefined, session: Session): Promise<void> {
    if (!id) return;
    await this.#store.putSession(digest(id), session, this.#clock.now().getTime());
  }

  /** Stores the note for the next page; call before the redirect is sent. */
  async leaveFlash(id: string | undefined, session: Session, message: string): Promise<void> {
    session.flash = message;
    await this.save(id, session);
  }

  /** A page is about to show the session's flash: it is cleared in the store, and stays on `session` for that page. */
  async takeFlash(id: string | undefined, session: Session): Promise<void> {
    if (session.flash === undefined) return;
    const { flash: _shown, ...rest } = session;
    await this.save(id, rest);
  }

  async end(id: string | undefined): Promise<void> {
    if (!id) return;
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
