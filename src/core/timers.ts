import type { ManualClock } from './clock.js';

/** Runs something later; injected like the clock so tests move time instead of waiting. */
export interface Timers {
  /** Calls `run` after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
}

/** Real timers; they never keep the process alive on their own. */
export const systemTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(run, Math.max(0, ms));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** Timers driven by a ManualClock: `advance` moves the clock and runs what fell due, in time order. */
export class ManualTimers implements Timers {
  readonly #clock: ManualClock;
  #pending: { at: number; seq: number; run: () => void }[] = [];
  #seq = 0;

  constructor(clock: ManualClock) {
    this.#clock = clock;
  }

  after(ms: number, run: () => void): () => void {
    const entry = { at: this.#clock.now().getTime() + Math.max(0, ms), seq: this.#seq++, run };
    this.#pending.push(entry);
    return () => {
      this.#pending = this.#pending.filter((e) => e !== entry);
    };
  }

  get pending(): number {
    return this.#pending.length;
  }

  /** Moves the clock forward by `ms`, running every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.#clock.now().getTime() + ms;
    for (;;) {
      const next = this.#pending
        .filter((e) => e.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.#pending = this.#pending.filter((e) => e !== next);
      this.#clock.set(Math.max(next.at, this.#clock.now().getTime()));
      next.run();
      // Let the callback's own promises settle before the next one fires.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.#clock.set(end);
  }
}
