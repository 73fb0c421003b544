import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { Logger } from 'pino';
import { z } from 'zod';

/** The whole file: team day (YYYY-MM-DD) → how many times /calm was used. Nothing else, ever. */
export const DailyCounts = z.record(z.iso.date(), z.number().int().nonnegative());
export type DailyCounts = z.infer<typeof DailyCounts>;

export const STATS_FILE = 'calm-stats.json';
/** Days kept; older ones are dropped on the next write. */
export const KEEP_DAYS = 90;

/**
 * The anonymous /calm counter: one number per team day, no user, no feeling. When turned off
 * (CALM_STATS=false) it neither reads nor writes anything.
 */
export class DailyCount {
  readonly enabled: boolean;
  readonly #db: Low<DailyCounts> | undefined;
  readonly #file: string;
  readonly #log: Logger;

  private constructor(file: string, db: Low<DailyCounts> | undefined, log: Logger) {
    this.enabled = db !== undefined;
    this.#db = db;
    this.#file = file;
    this.#log = log;
  }

  static async open(options: { dataDir: string; enabled: boolean; log: Logger }): Promise<DailyCount> {
    const file = path.join(options.dataDir, STATS_FILE);
    if (!options.enabled) return new DailyCount(file, undefined, options.log);
    const adapter = new DataFile<DailyCounts>(file, {
      parse: (text) => DailyCounts.parse(JSON.parse(text)),
      stringify: (data) => `${JSON.stringify(data, null, 2)}\n`,
    });
    const db = new Low<DailyCounts>(adapter, {});
    try {
      await db.read();
    } catch (error) {
      // Unreadable counts are not worth stopping for; keep the file aside and start again.
      const aside = `${file}.unreadable`;
      await rename(file, aside).catch(() => undefined);
      db.data = {};
      options.log.warn({ file: aside, err: { name: (error as Error).name } }, 'calm: the stats file was unreadable; set aside, counting again from zero');
    }
    return new DailyCount(file, db, options.log);
  }

  /** Counts one use on that day. A failed write is logged and otherwise ignored. */
  async add(day: string): Promise<void> {
    const db = this.#db;
    if (!db) return;
    db.data[day] = (db.data[day] ?? 0) + 1;
    for (const old of Object.keys(db.data).sort().slice(0, -KEEP_DAYS)) delete db.data[old];
    try {
      await mkdir(path.dirname(this.#file), { recursive: true });
      await db.write();
    } catch (error) {
      this.#log.warn({ err: { name: (error as Error).name, code: (error as NodeJS.ErrnoException).code } }, 'calm: could not save the anonymous count');
    }
  }

  /** The `days` days up to and including `today`, oldest first, with zero for days without use. */
  lastDays(today: string, days: number): { day: string; count: number }[] {
    const data = this.#db?.data ?? {};
    const out: { day: string; count: number }[] = [];
    const end = Date.parse(`${today}T00:00:00Z`);
    for (let i = days - 1; i >= 0; i--) {
      const day = new Date(end - i * 86_400_000).toISOString().slice(0, 10);
      out.push({ day, count: data[day] ?? 0 });
    }
    return out;
  }
}
