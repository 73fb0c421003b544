import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { isoDateIn } from '../core/dates.js';
import { maskSensitive } from '../privacy/mask.js';
import { FileUsageStore } from './file-usage-store.js';
import type { Gap, ScriptCounts, UsageStore } from './usage-store.js';

export type { ScriptCounts, Gap } from './usage-store.js';
/** Days kept; older days and gaps are dropped once a team day. */
export const KEEP_DAYS = 30;
const MAX_QUERY = 200;

/**
 * The /script side of the leads' board: how scripts are used, and what agents could not find.
 * Queries are masked before they reach the store, and never carry who asked.
 */
export class UsageLog {
  readonly #store: UsageStore;
  readonly #clock: Clock;
  readonly #timeZone: string;
  readonly #log: Logger;
  #prunedOn = '';

  constructor(options: { store: UsageStore; clock: Clock; timeZone: string; log: Logger }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#timeZone = options.timeZone;
    this.#log = options.log;
  }

  /** Over the DATA_DIR file. */
  static async open(options: { dataDir: string; clock: Clock; timeZone: string; log: Logger }): Promise<UsageLog> {
    return new UsageLog({ ...options, store: await FileUsageStore.open(options) });
  }

  opened(scriptId: string): Promise<void> {
    return this.#write(() => this.#store.add(this.#today(), scriptId, 'opened'));
  }

  /** "This helped" / "didn't help" on a /script answer; the query (masked) joins the gap report when it did not. */
  async feedback(scriptId: string, helped: boolean, query?: string): Promise<void> {
    if (!helped && query) await this.#gap(query, 'not-helped', scriptId);
    await this.#write(() => this.#store.add(this.#today(), scriptId, helped ? 'helped' : 'notHelped'));
  }

  /** A search that found nothing. */
  missed(query: string): Promise<void> {
    return this.#gap(query, 'no-hit');
  }

  /** Totals per script over the last `days` days. */
  totals(days = KEEP_DAYS): Promise<Map<string, ScriptCounts>> {
    return this.#store.totals(this.#dayOffset(-(days - 1)));
  }

  gaps(days = KEEP_DAYS): Promise<Gap[]> {
    return this.#store.gaps(this.#dayOffset(-(days - 1)));
  }

  close(): Promise<void> {
    return this.#store.close();
  }

  #today(): string {
    return isoDateIn(this.#clock.now(), this.#timeZone);
  }

  #dayOffset(days: number): string {
    return new Date(Date.parse(`${this.#today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  }

  #gap(query: string, kind: Gap['kind'], scriptId?: string): Promise<void> {
    const masked = maskSensitive(query).replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
    if (!masked) return Promise.resolve();
    return this.#write(() => this.#store.addGap({ day: this.#today(), query: masked, kind, ...(scriptId ? { scriptId } : {}) }));
  }

  /** Counting never fails a /script answer: a store that cannot be reached is logged only. Old days go once a team day. */
  async #write(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      const today = this.#today();
      if (this.#prunedOn !== today) {
        this.#prunedOn = today;
        await this.#store.dropBefore(this.#dayOffset(-(KEEP_DAYS - 1)));
      }
    } catch (error) {
      this.#log.warn({ err: { name: (error as Error).name } }, 'could not save knowledge usage');
    }
  }
}
