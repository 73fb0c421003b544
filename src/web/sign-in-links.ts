import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { Locale } from '../i18n/locale.js';
import type { Platform } from '../core/request.js';

export const LINK_LIFETIME_MS = 10 * 60_000;

/** Who a link or a session belongs to: a lead as their chat platform knows them. */
export interface WebPerson {
  platform: Platform;
  userId: string;
  name?: string;
  locale: Locale;
}

/** Only a hash of each token is kept, so a memory dump or a log line cannot be replayed as a link. */
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * One-time sign-in links: valid for 10 minutes and for one use. Kept in memory on purpose:
 * a restart voids the links still out, and the lead asks for a new one.
 */
export class SignInLinks {
  readonly #clock: Clock;
  readonly #publicUrl: string;
  readonly #pending = new Map<string, { person: WebPerson; expiresAt: number }>();

  constructor(options: { clock: Clock; publicUrl: string }) {
    this.#clock = options.clock;
    this.#publicUrl = options.publicUrl.replace(/\/+$/, '');
  }

  /** A fresh link for that person; older links of theirs stay valid until used or expired. */
  issue(person: WebPerson): { url: string; expiresAt: Date } {
    this.#sweep();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.#clock.now().getTime() + LINK_LIFETIME_MS;
    this.#pending.set(digest(token), { person, expiresAt });
    return { url: `${this.#publicUrl}/board/sign-in?token=${token}`, expiresAt: new Date(expiresAt) };
  }

  /** Who a live link is for, without using it up (the page that asks to confirm, in their language). */
  peek(token: string): WebPerson | undefined {
    const entry = this.#pending.get(digest(token));
    return entry && entry.expiresAt > this.#clock.now().getTime() ? entry.person : undefined;
  }

  /** Uses the link up: the person it was for, once; undefined when unknown, used or expired. */
  redeem(token: string): WebPerson | undefined {
    const key = digest(token);
    const entry = this.#pending.get(key);
    this.#pending.delete(key);
    if (!entry || entry.expiresAt <= this.#clock.now().getTime()) return undefined;
    return entry.person;
  }

  #sweep(): void {
    const now = this.#clock.now().getTime();
    for (const [key, entry] of this.#pending) if (entry.expiresAt <= now) this.#pending.delete(key);
  }
}
