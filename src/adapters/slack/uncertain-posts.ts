import { readFileSync } from 'node:fs';
import type { Clock } from '../../core/clock.js';
import { writeFileDurably } from '../../store/durable-json-file.js';

/** A post still unsure after this long is forgotten (its sender gave up long before). */
const KEEP_MS = 2 * 24 * 3_600_000;

/**
 * Delivery ids of posts that failed in a way that may have landed (a 500 after Slack took the
 * message, a timeout). Their next attempt looks in the channel first. With a file, this survives
 * a restart: a reminder retried by the next process is not posted twice either.
 */
export class UncertainPosts {
  readonly #since = new Map<string, number>();
  readonly #clock: Clock;
  readonly #file: string | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(clock: Clock, file?: string) {
    this.#clock = clock;
    this.#file = file;
    if (file) this.#load(file);
  }

  has(id: string): boolean {
    return this.#since.has(id);
  }

  async add(id: string): Promise<void> {
    if (this.#since.has(id)) return;
    const now = this.#clock.now().getTime();
    for (const [old, at] of this.#since) if (now - at > KEEP_MS) this.#since.delete(old);
    this.#since.set(id, now);
    await this.#save();
  }

  async remove(id: string): Promise<void> {
    if (this.#since.delete(id)) await this.#save();
  }

  /** A missing or unreadable file is an empty memory. */
  #load(file: string): void {
    try {
      const entries: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(entries)) return;
      for (const entry of entries) if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number') this.#since.set(entry[0], entry[1]);
    } catch {
      return;
    }
  }

  /** One write after another; a failed write is not fatal (the memory still holds it while running). */
  #save(): Promise<void> {
    const file = this.#file;
    if (!file) return Promise.resolve();
    const text = JSON.stringify([...this.#since]);
    this.#writing = this.#writing.then(() => writeFileDurably(file, text)).catch(() => undefined);
    return this.#writing;
  }
}
