import { readFileSync } from 'node:fs';
import type { Clock } from '../core/clock.js';
import { writeFileDurably } from '../store/durable-json-file.js';

/**
 * Remembers which platform deliveries (Slack, Discord) were already handled, so a redelivery (an Events API retry,
 * a Socket Mode envelope sent again after a reconnect, a replayed button press) is acknowledged
 * but not acted on twice. Keys are Slack's own unique ids: trigger_id for commands and actions,
 * event_id for events. With a file, what was seen survives a restart for the same short window:
 * the key is on disk before the delivery is acted on, so a crash cannot make a repeat look new.
 */
export class RecentDeliveries {
  readonly #seen = new Map<string, number>();
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #file: string | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(clock: Clock, options: { ttlMs?: number; file?: string } = {}) {
    this.#clock = clock;
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#file = options.file;
    if (this.#file) this.#load(this.#file);
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
    if (this.#file) await this.#save(this.#file);
    return true;
  }

  /** A missing or unreadable file is an empty memory: the worst case is one repeat, never a stop. */
  #load(file: string): void {
    let entries: unknown;
    try {
      entries = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return;
    }
    const now = this.#clock.now().getTime();
    if (!Array.isArray(entries)) return;
    for (const entry of entries) {
      if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number' && now - entry[1] < this.#ttlMs) this.#seen.set(entry[0], entry[1]);
    }
  }

  /** Writes one after another, each with everything seen so far; a failed write is not fatal. */
  #save(file: string): Promise<void> {
    const text = JSON.stringify([...this.#seen]);
    this.#writing = this.#writing.then(() => writeFileDurably(file, text)).catch(() => undefined);
    return this.#writing;
  }
}
