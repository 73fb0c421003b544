import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { BoardAuthStore, WebPerson } from './board-auth-store.js';

export const LINK_LIFETIME_MS = 10 * 60_000;

export type { WebPerson } from './board-auth-store.js';

/** Only a hash of each token is kept, so a database dump or a log line cannot be replayed as a link. */
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * One-time sign-in links: valid for 10 minutes and for one use, in the board's auth store, so a
 * link handed out before a restart, or by another replica, still works — once.
 */
export class SignInLinks {
  readonly #clock: Clock;
  readonly #publicUrl: string;
  readonly #store: BoardAuthStore;

  constructor(options: { clock: Clock; publicUrl: string; store: BoardAuthStore }) {
    this.#clock = options.clock;
    this.#publicUrl = options.publicUrl.replace(/\/+$/, '');
    this.#store = options.store;
  }

  /** A fresh link for that person; older links of theirs stay valid until used or expired. */
  async issue(person: WebPerson): Promise<{ url: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.#clock.now().getTime();
    const expiresAt = now + LINK_LIFETIME_MS;
    await this.#store.addLink(digest(token), { person, expiresAt }, now);
    return { url: `${this.#publicUrl}/board/sign-in?token=${token}`, expiresAt: new Date(expiresAt) };
  }

  /** Who a live link is for, without using it up (the page that asks to confirm, in their language). */
  async peek(token: string): Promise<WebPerson | undefined> {
    return (await this.#store.peekLink(digest(token), this.#clock.now().getTime()))?.person;
  }

  /** Uses the link up: the person it was for, once across every replica; undefined when unknown, used or expired. */
  async redeem(token: string): Promise<WebPerson | undefined> {
    return (await this.#store.takeLink(digest(token), this.#clock.now().getTime()))?.person;
  }
}
