import type { Low } from 'lowdb';
import type { Logger } from 'pino';
import { openLowdbFile } from '../store/lowdb-file.js';
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

  static async open(options: { dataDir: string; log: Logger }): Promise<FileReviewReminderStore> {
    const db = await openLowdbFile<Sent>({ ...options, name: REVIEW_REMINDERS_FILE, parse: (t) => Sent.parse(JSON.parse(t)), empty: () => ({ sent: {} }), lost: 'approvers may be told once more' });
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
