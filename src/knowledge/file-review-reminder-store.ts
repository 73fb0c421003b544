import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { z } from 'zod';
import type { ReviewReminderStore } from './review-reminder-store.js';

export const REVIEW_REMINDERS_FILE = 'review-reminders.json';
const Sent = z.object({ sent: z.record(z.string(), z.iso.datetime()).default({}) });
type Sent = z.infer<typeof Sent>;

/** Review reminders already sent, in DATA_DIR/review-reminders.json (one process per DATA_DIR). */
export class FileReviewReminderStore implements ReviewReminderStore {
  readonly #db: Low<Sent>;
  #writing: Promise<void> = Promise.resolve();

  private constructor(db: Low<Sent>) {
    this.#db = db;
  }

  static async open(options: { dataDir: string }): Promise<FileReviewReminderStore> {
    await mkdir(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, REVIEW_REMINDERS_FILE);
    const db = new Low<Sent>(new DataFile<Sent>(file, { parse: (t) => Sent.parse(JSON.parse(t)), stringify: (d) => `${JSON.stringify(d)}\n` }), { sent: {} });
    await db.read();
    return new FileReviewReminderStore(db);
  }

  async claim(scriptId: string, version: number, at: Date): Promise<boolean> {
    const key = `${scriptId}@${version}`;
    if (key in this.#db.data.sent) return false;
    this.#db.data.sent[key] = at.toISOString();
    await this.#save();
    return true;
  }

  async release(scriptId: string, version: number): Promise<void> {
    delete this.#db.data.sent[`${scriptId}@${version}`];
    await this.#save();
  }

  async close(): Promise<void> {
    await this.#writing;
  }

  #save(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#db.write());
    return this.#writing;
  }
}
