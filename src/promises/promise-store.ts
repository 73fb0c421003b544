import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { emptyStore, PromiseRecord, StoreData } from './model.js';
import { DataDirLock, describeHeldLock } from '../store/data-dir-lock.js';
import { ensureDir } from '../store/ensure-dir.js';
import { syncDir, tempPatternFor, writeFileDurably } from '../store/durable-json-file.js';
import { JOURNAL_NAME, JournaledStoreFile, type JournaledStoreFileOptions } from './journaled-store-file.js';
import { PromisePositions } from './promise-positions.js';
import { TouchTracker } from './touch-tracker.js';

const DAY_MS = 86_400_000;
const FILE_NAME = 'promises.json';
const LAST_GOOD_NAME = 'promises.last-good.json';
const ARCHIVE_DIR = 'archive';
const ARCHIVE_FILE = /^promises-(\d{4})-(\d{2})\.jsonl$/;
const ISSUES_SHOWN = 5;

export interface PromiseStoreOptions {
  dir: string;
  clock: Clock;
  /** Closed promises stay in the live file this long before they move to the archive. Default 2. */
  keepClosedDays?: number;
  /** Writes the promises file; default durable temp-file-and-rename. Fault tests inject a failing one. */
  write?: (file: string, text: string) => Promise<void>;
  /** Appends to the promises journal; default append and fdatasync. Fault tests inject a failing one. */
  append?: (file: string, text: string) => Promise<void>;
}

/** A store problem worded for the person running the bot: which file, what is wrong, what to do. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
  }
}

interface Batch {
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { done, resolve, reject };
}

/**
 * The promises file: open and recently closed promises, settings and undelivered messages, kept
 * in memory; every change is durable before update() resolves (a journal line, folded into the
 * whole file now and then: JournaledStoreFile). Older closed promises
 * move to monthly JSON Lines archives so the write cost stays flat as history grows.
 */
export class PromiseStore {
  readonly file: string;
  readonly #dir: string;
  readonly #clock: Clock;
  readonly #keepClosedMs: number;
  readonly #adapter: JournaledStoreFile;
  readonly #db: Low<StoreData>;
  /** Where each promise is in data.promises (./promise-positions.ts), kept up to date by every update(). */
  readonly #positions = new PromisePositions();
  /** Which records writers reached since the last write: the journal looks only at those. */
  readonly #touches = new TouchTracker();
  /** Changes applied in memory and waiting for the next write. */
  #next: Batch | undefined;
  /** The write in progress; settles (never rejects) once its callers have been told. */
  #inFlight: Promise<void> | undefined;
  #archiving: Promise<unknown> = Promise.resolve();
  #closed = false;
  #skippedArchiveLines = 0;
  #lastWriteError: string | undefined;
  readonly #lock: DataDirLock;

  private constructor(dir: string, clock: Clock, keepClosedDays: number, adapter: JournaledStoreFile, db: Low<StoreData>, lock: DataDirLock) {
    this.#lock = lock;
    this.#dir = dir;
    this.#clock = clock;
    this.#keepClosedMs = keepClosedDays * DAY_MS;
    this.#adapter = adapter;
    this.#db = db;
    this.file = adapter.file;
  }

  static async open(options: PromiseStoreOptions): Promise<PromiseStore> {
    const { dir, clock, keepClosedDays = 2, write, append } = options;
    const file = path.join(dir, FILE_NAME);
    await ensureDir(dir).catch((error: unknown) => {
      throw new StoreError(file, `could not create the promise store folder ${dir}: ${messageOf(error)}`, { cause: error });
    });
    const locked = await DataDirLock.acquire(dir, clock.now()).catch((error: unknown) => {
      throw new StoreError(file, `could not lock the promise store folder ${dir} (is it writable?): ${messageOf(error)}`, { cause: error });
    });
    if (!locked.ok) throw new StoreError(file, describeHeldLock(dir, locked.owner, locked.file));
    try {
      return await PromiseStore.#openLocked(dir, file, clock, keepClosedDays, locked.lock, { ...(write ? { write } : {}), ...(append ? { append } : {}) });
    } catch (error) {
      await locked.lock.release();
      throw error;
    }
  }

  static async #openLocked(dir: string, file: string, clock: Clock, keepClosedDays: number, lock: DataDirLock, disk: JournaledStoreFileOptions): Promise<PromiseStore> {
    const lastGood = path.join(dir, LAST_GOOD_NAME);
    const adapter = new JournaledStoreFile(file, { ...disk, stringify: stringifyStore });
    const db = new Low<StoreData>(adapter, emptyStore());
    try {
      await db.read();
    } catch (error) {
      throw unreadableStoreError(file, lastGood, error);
    }
    try {
      await removeDeadWritersTempFiles(dir);
      if (adapter.snapshotText !== undefined) await writeFileDurably(lastGood, adapter.snapshotText);
    } catch (error) {
      throw new StoreError(file, `could not write ${lastGood} (is ${dir} writable?): ${messageOf(error)}`, { cause: error });
    }
    const store = new PromiseStore(dir, clock, keepClosedDays, adapter, db, lock);
    await store.archiveClosed();
    return store;
  }

  /**
   * The in-memory state. Change it only through update() (its `data`, or records from find()): a
   * record reached here and changed in place is not seen by the journal. Do not keep references
   * across awaits (a failed write replaces it).
   */
  get data(): Readonly<StoreData> {
    return this.#db.data;
  }

  /** For /readyz: true while the last write went through, else why it failed. */
  get writable(): true | string {
    if (this.#closed) return 'closed';
    return this.#lastWriteError === undefined ? true : `last write failed: ${this.#lastWriteError}`;
  }

  /** Malformed archive lines the last closedBetween() call skipped. */
  get skippedArchiveLines(): number {
    return this.#skippedArchiveLines;
  }

  /**
   * The live record with this id, without scanning: at 10,000 open promises every create asks for
   * an id that is not there. A record changed in place goes to disk with the next update().
   */
  find(id: string): PromiseRecord | undefined {
    const at = this.#positions.indexOf(this.#db.data.promises, id);
    if (at < 0) return undefined;
    this.#touches.reached(at);
    return this.#db.data.promises[at];
  }

  /** Where find(id) stands in data.promises, or -1; for a change that replaces the record. */
  positionOf(id: string): number {
    return this.#positions.indexOf(this.#db.data.promises, id);
  }

  /**
   * Applies `mutate` to the in-memory data now and resolves once a write containing it is on
   * disk. Calls made while a write is in flight share the next write. If the write fails, the
   * promise rejects and memory goes back to what is on disk. `mutate` should check before it
   * changes anything: if it throws, what it already changed is written like any other change.
   */
  update<T>(mutate: (data: StoreData) => T): Promise<T> {
    if (this.#closed) return Promise.reject(new StoreError(this.file, `promise store ${this.file} is closed; the change was not made`));
    return this.#apply(mutate);
  }

  /** update(), written as a whole new file with the journal emptied: no earlier copy of what it changes stays on disk. */
  rewrite<T>(mutate: (data: StoreData) => T): Promise<T> {
    if (!this.#closed) this.#adapter.wholeNextWrite();
    return this.update(mutate);
  }

  #apply<T>(mutate: (data: StoreData) => T): Promise<T> {
    const before = this.#positions.mark(this.#db.data.promises);
    let result: T;
    try {
      result = mutate(this.#touches.watch(this.#db.data));
    } catch (error) {
      this.#positions.changed(before, this.#db.data.promises);
      return this.#commit().then(() => Promise.reject(error));
    }
    this.#positions.changed(before, this.#db.data.promises);
    return this.#commit().then(() => result);
  }

  #commit(): Promise<void> {
    if (!this.#next) {
      const batch = (this.#next = newBatch());
      // A microtask later, so that update() calls made in the same turn share this write.
      if (!this.#inFlight) queueMicrotask(() => this.#flush(batch));
    }
    return this.#next.done;
  }

  #flush(batch: Batch): void {
    if (this.#next !== batch || this.#inFlight) return;
    this.#next = undefined;
    this.#adapter.touchedBeforeWrite(this.#touches.take());
    this.#inFlight = this.#db
      .write()
      .then(
        () => {
          this.#lastWriteError = undefined;
          batch.resolve();
        },
        (error: unknown) => {
          this.#lastWriteError = messageOf(error);
          this.#rollBack(error, batch);
        },
      )
      .then(() => {
        this.#inFlight = undefined;
        if (this.#next) this.#flush(this.#next);
      });
  }

  /** Memory goes back to the last durable state; every change not in it is reported as failed. */
  #rollBack(error: unknown, failed: Batch): void {
    this.#db.data = this.#lastDurableState();
    this.#positions.forget();
    this.#touches.moved();
    const failure = new StoreError(this.file, `could not save ${this.file}: ${messageOf(error)}. The change was not saved and has been undone.`, { cause: error });
    failed.reject(failure);
    const lost = this.#next;
    this.#next = undefined;
    lost?.reject(failure);
  }

  #lastDurableState(): StoreData {
    const text = this.#adapter.lastDurableText;
    if (text === undefined) return emptyStore();
    const value: unknown = JSON.parse(text);
    // The schema fills in defaults a hand-written file may leave out; text we wrote ourselves is taken as it is.
    const checked = StoreData.safeParse(value);
    return checked.success ? checked.data : (value as StoreData);
  }

  /** Closed (done or cancelled) promises with closedAt in [from, to), from the live file and the archive, oldest first. */
  async closedBetween(from: Date, to: Date): Promise<PromiseRecord[]> {
    const fromMs = from.getTime();
    const toMs = to.getTime();
    const inRange = (p: PromiseRecord | Record<string, unknown>) => {
      const at = closedAtMs(p);
      return at !== undefined && at >= fromMs && at < toMs;
    };
    // Live first: a promise archived meanwhile is then in the archive file by the time that is read.
    const live = this.#db.data.promises.slice();
    const archived = new Map<string, Record<string, unknown>>();
    let skipped = 0;
    for (const file of await this.#archiveFilesOverlapping(fromMs, toMs)) {
      skipped += await readArchiveFile(file, archived);
    }
    for (const p of live) archived.delete(p.id); // the live copy is newer
    const found: PromiseRecord[] = [];
    for (const raw of archived.values()) {
      if (!inRange(raw)) continue;
      const parsed = PromiseRecord.safeParse(raw);
      if (parsed.success && parsed.data.status !== 'open') found.push(parsed.data);
      else skipped++;
    }
    for (const p of live) if (p.status !== 'open' && inRange(p)) found.push(p);
    this.#skippedArchiveLines = skipped;
    return found.sort((a, b) => closedAtMs(a)! - closedAtMs(b)!);
  }

  async #archiveFilesOverlapping(fromMs: number, toMs: number): Promise<string[]> {
    if (toMs <= fromMs) return [];
    const archiveDir = path.join(this.#dir, ARCHIVE_DIR);
    const names = await readdir(archiveDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    return names
      .filter((name) => {
        const m = ARCHIVE_FILE.exec(name);
        if (!m) return false;
        const monthStart = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
        const monthEnd = Date.UTC(Number(m[1]), Number(m[2]), 1);
        return monthStart < toMs && monthEnd > fromMs;
      })
      .sort()
      .map((name) => path.join(archiveDir, name));
  }

  /**
   * Moves closed promises older than keepClosedDays to the monthly archive; returns how many.
   * The archive is appended and fsynced before the live file drops them, so a crash in between
   * only leaves duplicates, which readers drop. Promises a pending delivery still refers to stay.
   */
  archiveClosed(): Promise<number> {
    if (this.#closed) return Promise.reject(new StoreError(this.file, `promise store ${this.file} is closed; nothing was archived`));
    const run = this.#archiving.then(() => this.#archiveNow());
    this.#archiving = run.catch(() => {});
    return run;
  }

  async #archiveNow(): Promise<number> {
    const cutoff = this.#clock.now().getTime() - this.#keepClosedMs;
    const data = this.#db.data;
    const referenced = new Set(data.pending.map((d) => d.promiseId));
    const byMonth = new Map<string, string[]>();
    const archivedLines = new Map<string, string>();
    for (const p of data.promises) {
      const closedAt = closedAtMs(p);
      if (p.status === 'open' || closedAt === undefined || closedAt >= cutoff || referenced.has(p.id)) continue;
      const line = JSON.stringify(p);
      archivedLines.set(p.id, line);
      const month = archiveMonthOf(closedAt);
      const lines = byMonth.get(month) ?? [];
      lines.push(line);
      byMonth.set(month, lines);
    }
    if (!archivedLines.size) return 0;

    const archiveDir = path.join(this.#dir, ARCHIVE_DIR);
    const created = await mkdir(archiveDir, { recursive: true });
    if (created) await syncDir(this.#dir);
    for (const [month, lines] of byMonth) await appendLinesDurably(path.join(archiveDir, `promises-${month}.jsonl`), lines);
    await syncDir(archiveDir);

    // Drop only records unchanged since they were archived; one changed meanwhile stays live (and wins over its archived copy).
    return this.#apply((d) => {
      const before = d.promises.length;
      d.promises = d.promises.filter((p) => {
        const line = archivedLines.get(p.id);
        return line === undefined || line !== JSON.stringify(p);
      });
      return before - d.promises.length;
    });
  }

  /** Waits for pending writes and archiving; later update() calls are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#archiving;
    while (this.#inFlight || this.#next) await (this.#inFlight ?? this.#next!.done.catch(() => {}));
    await this.#lock.release();
  }
}

/** Compact JSON with each promise (and pending delivery) on its own line, so the file can be read and grepped by hand. */
export function stringifyStore(data: StoreData): string {
  // `},{"id":"` can only be a boundary between two records: inside a JSON string every " is escaped.
  return `${JSON.stringify(data).replaceAll('},{"id":"', '},\n{"id":"')}\n`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function shellQuote(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

function formatIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, ISSUES_SHOWN).map((issue) => {
    const where = issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      '',
    );
    return `  - ${where || '(top level)'}: ${issue.message}`;
  });
  const more = error.issues.length - ISSUES_SHOWN;
  if (more > 0) lines.push(`  … and ${more} more`);
  return lines.join('\n');
}

function unreadableStoreError(file: string, lastGood: string, error: unknown): StoreError {
  let what: string;
  if (error instanceof SyntaxError) what = `is not valid JSON (${error.message}).`;
  else if (error instanceof z.ZodError) what = `does not match the promise store format (${error.issues.length} problem(s)):\n${formatIssues(error)}`;
  else return new StoreError(file, `could not read the promise store ${file}: ${messageOf(error)}`, { cause: error });
  const restore = existsSync(lastGood)
    ? `To restore the last good copy: cp ${shellQuote(lastGood)} ${shellQuote(file)}\n` +
      `The changes in ${shellQuote(path.join(path.dirname(file), JOURNAL_NAME))} are replayed on top of it at the next start; move that file aside too to go back to the copy exactly.`
    : `There is no last good copy (${lastGood}); fix the file by hand, or move it aside to start with an empty store.`;
  return new StoreError(file, `The promise store ${file} ${what}\nThe bot did not start and left the file as it is.\n${restore}`, { cause: error });
}

/** Temp files of writers that died mid-write (their pid is gone); ours and live processes' are left alone. */
async function removeDeadWritersTempFiles(dir: string): Promise<void> {
  const patterns = [tempPatternFor(FILE_NAME), tempPatternFor(LAST_GOOD_NAME)];
  for (const name of await readdir(dir)) {
    const pid = patterns.map((re) => re.exec(name)?.[1]).find((m) => m !== undefined);
    if (pid !== undefined && !isAlive(Number(pid))) await unlink(path.join(dir, name)).catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When a promise was closed: closedAt, else its last history entry (older records may lack closedAt). */
function closedAtMs(p: { closedAt?: unknown; history?: unknown }): number | undefined {
  const last: unknown = Array.isArray(p.history) ? (p.history.at(-1) as { at?: unknown } | undefined)?.at : undefined;
  const at = typeof p.closedAt === 'string' ? p.closedAt : last;
  const ms = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** YYYY-MM in UTC: the archive file a promise closed at `ms` belongs to. */
function archiveMonthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** Appends lines and fsyncs. A line torn by an earlier crash is ended first, so it cannot swallow the new ones. */
async function appendLinesDurably(file: string, lines: readonly string[]): Promise<void> {
  const handle = await open(file, 'a+');
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await handle.write(`${prefix}${lines.join('\n')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads one archive month into `into` (by id, last line wins); returns how many lines were not records. */
async function readArchiveFile(file: string, into: Map<string, Record<string, unknown>>): Promise<number> {
  let skipped = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof value === 'object' && typeof id === 'string') into.set(id, value as Record<string, unknown>);
    else skipped++;
  }
  return skipped;
}
