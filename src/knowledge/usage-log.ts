import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { isoDateIn } from '../core/dates.js';
import { maskSensitive } from '../privacy/mask.js';

export const USAGE_FILE = 'knowledge-usage.json';
/** Days kept; older days and gaps are dropped on the next write. */
export const KEEP_DAYS = 30;
const MAX_QUERY = 200;
const MAX_GAPS = 5000;

const Counts = z.object({ opened: z.number().int().nonnegative().default(0), helped: z.number().int().nonnegative().default(0), notHelped: z.number().int().nonnegative().default(0) });
/**
 * Per team day and script: opens and feedback. Gaps: what was searched and not found, or found
 * and marked "didn't help" — masked before it is stored, and never who asked.
 */
export const UsageData = z.object({
  days: z.record(z.iso.date(), z.record(z.string(), Counts)).default({}),
  gaps: z.array(z.object({ day: z.iso.date(), query: z.string(), kind: z.enum(['no-hit', 'not-helped']), scriptId: z.string().optional() })).default([]),
});
export type UsageData = z.infer<typeof UsageData>;
export type ScriptCounts = z.infer<typeof Counts>;

/** The /script side of the leads' board: how scripts are used, and what agents could not find. */
export class UsageLog {
  readonly #db: Low<UsageData>;
  readonly #clock: Clock;
  readonly #timeZone: string;
  readonly #log: Logger;
  #writing: Promise<void> = Promise.resolve();

  private constructor(db: Low<UsageData>, clock: Clock, timeZone: string, log: Logger) {
    this.#db = db;
    this.#clock = clock;
    this.#timeZone = timeZone;
    this.#log = log;
  }

  static async open(options: { dataDir: string; clock: Clock; timeZone: string; log: Logger }): Promise<UsageLog> {
    const file = path.join(options.dataDir, USAGE_FILE);
    await mkdir(options.dataDir, { recursive: true });
    const db = new Low<UsageData>(new DataFile<UsageData>(file, { parse: (t) => UsageData.parse(JSON.parse(t)), stringify: (d) => `${JSON.stringify(d)}\n` }), { days: {}, gaps: [] });
    try {
      await db.read();
    } catch {
      await rename(file, `${file}.unreadable`).catch(() => undefined);
      db.data = { days: {}, gaps: [] };
      options.log.warn({ file }, 'knowledge usage file was unreadable; set aside, counting again');
    }
    return new UsageLog(db, options.clock, options.timeZone, options.log);
  }

  opened(scriptId: string): Promise<void> {
    return this.#count(scriptId, 'opened');
  }

  /** "This helped" / "didn't help" on a /script answer; the query (masked) joins the gap report when it did not. */
  feedback(scriptId: string, helped: boolean, query?: string): Promise<void> {
    if (!helped && query) this.#gap(query, 'not-helped', scriptId);
    return this.#count(scriptId, helped ? 'helped' : 'notHelped');
  }

  /** A search that found nothing. */
  missed(query: string): Promise<void> {
    this.#gap(query, 'no-hit');
    return this.#save();
  }

  /** Totals per script over the last `days` days. */
  totals(days = KEEP_DAYS): Map<string, ScriptCounts> {
    const since = this.#dayOffset(-(days - 1));
    const out = new Map<string, ScriptCounts>();
    for (const [day, scripts] of Object.entries(this.#db.data.days)) {
      if (day < since) continue;
      for (const [id, c] of Object.entries(scripts)) {
        const t = out.get(id) ?? { opened: 0, helped: 0, notHelped: 0 };
        t.opened += c.opened;
        t.helped += c.helped;
        t.notHelped += c.notHelped;
        out.set(id, t);
      }
    }
    return out;
  }

  gaps(days = KEEP_DAYS): UsageData['gaps'] {
    const since = this.#dayOffset(-(days - 1));
    return this.#db.data.gaps.filter((g) => g.day >= since);
  }

  #today(): string {
    return isoDateIn(this.#clock.now(), this.#timeZone);
  }

  #dayOffset(days: number): string {
    return new Date(Date.parse(`${this.#today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  }

  #gap(query: string, kind: 'no-hit' | 'not-helped', scriptId?: string): void {
    const masked = maskSensitive(query).replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
    if (!masked) return;
    this.#db.data.gaps.push({ day: this.#today(), query: masked, kind, ...(scriptId ? { scriptId } : {}) });
  }

  async #count(scriptId: string, field: keyof ScriptCounts): Promise<void> {
    const day = (this.#db.data.days[this.#today()] ??= {});
    const c = (day[scriptId] ??= { opened: 0, helped: 0, notHelped: 0 });
    c[field]++;
    await this.#save();
  }

  /** Drops what is older than KEEP_DAYS, then writes; writes queue so none is lost. A failed write is logged only. */
  #save(): Promise<void> {
    const since = this.#dayOffset(-(KEEP_DAYS - 1));
    const data = this.#db.data;
    for (const day of Object.keys(data.days)) if (day < since) delete data.days[day];
    data.gaps = data.gaps.filter((g) => g.day >= since).slice(-MAX_GAPS);
    this.#writing = this.#writing.then(() => this.#db.write()).catch((error: unknown) => {
      this.#log.warn({ err: { name: (error as Error).name } }, 'could not save knowledge usage');
    });
    return this.#writing;
  }
}
