import type { Low } from 'lowdb';
import { openLowdbFile } from '../store/lowdb-file.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import { Counts, Gap, type ScriptCounts, type UsageStore } from './usage-store.js';

export const USAGE_FILE = 'knowledge-usage.json';
const MAX_GAPS = 5000;

/** The file's shape: per team day and script, opens and feedback; the gaps, masked, no names. */
export const UsageData = z.object({
  days: z.record(z.iso.date(), z.record(z.string(), Counts)).default({}),
  gaps: z.array(Gap).default([]),
});
export type UsageData = z.infer<typeof UsageData>;

/** Usage in DATA_DIR/knowledge-usage.json; writes queue so none is lost, a failed write is logged only. */
export class FileUsageStore implements UsageStore {
  readonly #db: Low<UsageData>;
  readonly #log: Logger;
  #writing: Promise<void> = Promise.resolve();

  private constructor(db: Low<UsageData>, log: Logger) {
    this.#db = db;
    this.#log = log;
  }

  static async open(options: { dataDir: string; log: Logger }): Promise<FileUsageStore> {
    const db = await openLowdbFile<UsageData>({ ...options, name: USAGE_FILE, parse: (t) => UsageData.parse(JSON.parse(t)), empty: () => ({ days: {}, gaps: [] }), lost: 'counting again' });
    return new FileUsageStore(db, options.log);
  }

  add(day: string, scriptId: string, field: keyof ScriptCounts): Promise<void> {
    const counts = ((this.#db.data.days[day] ??= {})[scriptId] ??= { opened: 0, helped: 0, notHelped: 0 });
    counts[field]++;
    return this.#save();
  }

  addGap(gap: Gap): Promise<void> {
    this.#db.data.gaps.push(gap);
    this.#db.data.gaps = this.#db.data.gaps.slice(-MAX_GAPS);
    return this.#save();
  }

  async totals(since: string): Promise<Map<string, ScriptCounts>> {
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

  async gaps(since: string): Promise<Gap[]> {
    return this.#db.data.gaps.filter((g) => g.day >= since);
  }

  dropBefore(since: string): Promise<void> {
    const data = this.#db.data;
    for (const day of Object.keys(data.days)) if (day < since) delete data.days[day];
    data.gaps = data.gaps.filter((g) => g.day >= since);
    return this.#save();
  }

  async close(): Promise<void> {
    await this.#writing;
  }

  #save(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#db.write()).catch((error: unknown) => {
      this.#log.warn({ err: { name: (error as Error).name } }, 'could not save knowledge usage');
    });
    return this.#writing;
  }
}
