import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../core/clock.js';
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
 * Signed-in leads, 12 hours each. In memory: a restart signs everyone out, which for a page a
 * lead opens from a fresh chat link is the safe side. Only hashes of session ids are kept.
 */
export class Sessions {
  readonly #clock: Clock;
  readonly #sessions = new Map<string, Session>();

  constructor(options: { clock: Clock }) {
    this.#clock = options.clock;
  }

  start(person: WebPerson): { id: string; session: Session } {
    this.#sweep();
    const id = randomBytes(32).toString('base64url');
    const session: Session = { person, csrf: randomBytes(24).toString('base64url'), expiresAt: this.#clock.now().getTime() + SESSION_LIFETIME_MS };
    this.#sessions.set(digest(id), session);
    return { id, session };
  }

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const key = digest(id);
    const session = this.#sessions.get(key);
    if (!session) return undefined;
    if (session.expiresAt <= this.#clock.now().getTime()) {
      this.#sessions.delete(key);
      return undefined;
    }
    return session;
  }

  end(id: string | undefined): void {
    if (id) this.#sessions.delete(digest(id));
  }

  get size(): number {
    return this.#sessions.size;
  }

  #sweep(): void {
    const now = this.#clock.now().getTime();
    for (const [key, s] of this.#sessions) if (s.expiresAt <= now) this.#sessions.delete(key);
  }
}

/** Constant-time comparison of the token sent with the session's. */
export function csrfMatches(session: Session, sent: string | undefined): boolean {
  if (!sent) return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
