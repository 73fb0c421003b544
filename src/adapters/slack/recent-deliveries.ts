import type { Clock } from '../../core/clock.js';

/**
 * Remembers which Slack deliveries were already handled, so a redelivery (an Events API retry,
 * a Socket Mode envelope sent again after a reconnect) is acknowledged but not acted on twice.
 * Keys are Slack's own unique ids: trigger_id for commands and actions, event_id for events.
 */
export class RecentDeliveries {
  readonly #seen = new Map<string, number>();
  readonly #clock: Clock;
  readonly #ttlMs: number;

  constructor(clock: Clock, ttlMs = 10 * 60_000) {
    this.#clock = clock;
    this.#ttlMs = ttlMs;
  }

  /** True the first time a key is offered within the window; false for a repeat. */
  firstTime(key: string | undefined): boolean {
    if (!key) return true;
    const now = this.#clock.now().getTime();
    for (const [seenKey, at] of this.#seen) {
      if (now - at < this.#ttlMs) break;
      this.#seen.delete(seenKey);
    }
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, now);
    return true;
  }
}
