import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DailyCounts, STATS_FILE } from '../calm/daily-count.js';
import { emptyStore, PromiseRecord, StoreData } from '../promises/model.js';
import { withJournal } from '../promises/journaled-store-file.js';
import { LOCK_FILE_NAME } from '../store/data-dir-lock.js';
import { timedKeysOf } from './timed-keys-file.js';

export const PROMISES_FILE = 'promises.json';
export const ARCHIVE_DIR = 'archive';
export const ARCHIVE_FILE = /^promises-(\d{4})-(\d{2})\.jsonl$/;
export const DELIVERIES_FILE = 'slack-deliveries.json';
export const UNCERTAIN_POSTS_FILE = 'slack-uncertain-posts.json';

/** Everything a file store holds, read without writing or locking anything. */
export interface FileSnapshot {
  live: StoreData;
  /** Archived promises not also in the live file (the live copy is newer), by id, last line winning. */
  archived: PromiseRecord[];
  /** Archive lines that were not closed promise records. */
  skippedArchiveLines: number;
  calm: DailyCounts;
  /** Platform delivery keys and when they were seen (ms). */
  deliveryKeys: [string, number][];
  /** Slack posts that may have landed, and when they were marked (ms). */
  uncertainPosts: [string, number][];
  /** Whether a bot process seemed to hold the folder while it was read. */
  locked: boolean;
}

/** Reads a DATA_DIR as the bot left it. A damaged promises.json is an error; the other files are optional. */
export async function readFileSnapshot(dir: string): Promise<FileSnapshot> {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist; give the bot's DATA_DIR folder`);
  const liveFile = path.join(dir, PROMISES_FILE);
  let live = emptyStore();
  if (existsSync(liveFile)) {
    const parsed = StoreData.safeParse(JSON.parse(await readFile(liveFile, 'utf8')));
    if (!parsed.success) throw new Error(`${liveFile} does not match the promise store format: ${parsed.error.issues[0]?.message ?? ''}; start the bot once to see the full report`);
    // Changes since the snapshot are in the journal beside it.
    live = await withJournal(liveFile, parsed.data);
  }
  const fromArchive = new Map<string, unknown>();
  let skipped = 0;
  const archiveDir = path.join(dir, ARCHIVE_DIR);
  const names = existsSync(archiveDir) ? (await readdir(archiveDir)).filter((n) => ARCHIVE_FILE.test(n)).sort() : [];
  for (const name of names) {
    for await (const line of createInterface({ input: createReadStream(path.join(archiveDir, name), 'utf8'), crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      try {
        const value = JSON.parse(line) as { id?: unknown };
        if (typeof value?.id === 'string') fromArchive.set(value.id, value);
        else skipped++;
      } catch {
        skipped++;
      }
    }
  }
  for (const p of live.promises) fromArchive.delete(p.id);
  const archived: PromiseRecord[] = [];
  for (const raw of fromArchive.values()) {
    const parsed = PromiseRecord.safeParse(raw);
    if (parsed.success && parsed.data.status !== 'open') archived.push(parsed.data);
    else skipped++;
  }
  return {
    live,
    archived,
    skippedArchiveLines: skipped,
    calm: await readOptionalJson(path.join(dir, STATS_FILE), (v) => DailyCounts.parse(v), {}),
    deliveryKeys: await readOptionalJson(path.join(dir, DELIVERIES_FILE), timedKeysOf, []),
    uncertainPosts: await readOptionalJson(path.join(dir, UNCERTAIN_POSTS_FILE), timedKeysOf, []),
    locked: existsSync(path.join(dir, LOCK_FILE_NAME)),
  };
}

async function readOptionalJson<T>(file: string, parse: (value: unknown) => T, fallback: T): Promise<T> {
  if (!existsSync(file)) return fallback;
  return parse(JSON.parse(await readFile(file, 'utf8')));
}
