import type { Clock } from '../core/clock.js';
import { TimedKeysFile } from './timed-keys-file.js';

/**
 * Remembers which platform deliveries (Slack, Discord, Feishu) were already handled, so a redelivery (an Events API retry,
 * a Socket Mode envelope sent again after a reconnect, a replayed button press) is acknowledged
 * but not acted on twice. Keys are the platforms' own unique ids: trigger_id for commands and actions,
 * event_id for events. With a file, what was seen survives a restart for the same short window:
 * the key is on disk before the delivery is acted on, so a crash cannot make a repeat look new.
 */
export class RecentDeliveries {
  readonly #seen = new Map<string, number>();
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #file: TimedKeysFile | undefined;

  constructor(clock: Clock, options: { ttlMs?: number; file?: string } = {}) {
    this.#clock = clock;
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#file = options.file ? new TimedKeysFile(options.file) : undefined;
    const now = clock.now().getTime();
    for (const [key, at] of this.#file?.read() ?? []) if (now - at < this.#ttlMs) this.#seen.set(key, at);
  }

  /** True the first time a key is offered within the window; false for a repeat. */
  async firstTime(key: string | undefined): Promise<boolean> {
    if (!key) return true;
    const now = this.#clock.now().getTime();
    for (const [seenKey, at] of this.#seen) {
      if (now - at < this.#ttlMs) break;
      this.#seen.delete(seenKey);
    }
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, now);
    await this.#file?.write(this.#seen);
    return true;
  }
}
