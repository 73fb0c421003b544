import type { Clock } from '../core/clock.js';

/**
 * A small in-memory map whose entries fade after `ttlMs`; never persisted. Oldest entries go
 * first when it is full, so a busy day cannot make it grow without bound.
 */
export class ShortMemory<V> {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { value: V; at: number }>();

  constructor(options: { clock: Clock; ttlMs: number; maxEntries?: number }) {
    this.#clock = options.clock;
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#clock.now().getTime() - entry.at >= this.#ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    const now = this.#clock.now().getTime();
    this.#entries.delete(key);
    this.#entries.set(key, { value, at: now });
    this.#sweep(now);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Entries still held (expired ones are dropped first). */
  get size(): number {
    this.#sweep(this.#clock.now().getTime());
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }

  #sweep(now: number): void {
    // Insertion order is age order (set() re-inserts), so expired entries sit at the front.
    for (const [key, entry] of this.#entries) {
      if (now - entry.at < this.#ttlMs && this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(key);
    }
  }
}
