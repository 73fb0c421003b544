import path from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreData } from './model.js';
import { DurableJsonFile } from '../store/durable-json-file.js';
import { appendDurably, readJournalLines, resetDurably, truncateDurably } from '../store/journal-file.js';

export const JOURNAL_NAME = 'promises.journal.jsonl';
/** The journal is folded into the snapshot once it outgrows both this and twice the snapshot. */
const COMPACT_AT_BYTES = 1 << 20;

/** One journal line: what changed since the line before (records whole, by id; the rest wholesale). */
interface Entry {
  put?: { id: string }[];
  drop?: string[];
  people?: StoreData['people'];
  pending?: StoreData['pending'];
  /** null: the field was removed. */
  maskedWith?: number | null;
}

/** What is on disk, as the JSON of each part, to tell what a write changes. */
interface Mirror {
  order: string[];
  json: Map<string, string>;
  people: string;
  pending: string;
  maskedWith: number | undefined;
  /** Two records share an id: only a whole snapshot can say that. */
  exactOnlyWhole: boolean;
}

/**
 * Which promise records the next write may have to journal, as the store saw its writers reach
 * them since the last write (PromiseStore.update): records at these positions may have been
 * replaced or changed in place, and records appended. `moved`: the array was replaced or records
 * were removed or reordered, so every record is compared.
 */
export interface TouchedRecords {
  moved: boolean;
  positions: ReadonlySet<number>;
}

export interface JournaledStoreFileOptions {
  /** Replaces the snapshot writer (fault tests play a full or read-only disk). */
  write?: (file: string, text: string) => Promise<void>;
  /** Replaces the journal appender, likewise. */
  append?: (file: string, text: string) => Promise<void>;
}

/**
 * The promises file as a snapshot (promises.json, replaced atomically) plus an append-only
 * journal beside it (promises.journal.jsonl): a write appends one line with the records that
 * changed and fdatasyncs it, so a create costs one small synced append instead of rewriting and
 * renaming the whole file. The journal is folded into a new snapshot at open and when it grows
 * large. Replaying is idempotent (each line sets whole records), so a crash between writing a
 * snapshot and emptying the journal only replays lines the snapshot already holds.
 */
export class JournaledStoreFile implements Adapter<StoreData> {
  readonly file: string;
  readonly journal: string;
  readonly #snapshot: DurableJsonFile<StoreData>;
  readonly #append: (file: string, text: string) => Promise<void>;
  #mirror: Mirror | undefined;
  #journalBytes = 0;
  #snapshotBytes = 0;
  /** A failed append may have left part of a line: the next write starts a fresh snapshot and journal. */
  #mustCompact = false;
  /** The next write replaces the whole file and empties the journal: no earlier copy of what it changes stays on disk. */
  #wholeWanted = false;
  /** What the next write may have changed among the records (touchedBeforeWrite); unknown: every record is compared. */
  #touched: TouchedRecords | undefined;

  constructor(file: string, options: JournaledStoreFileOptions & { stringify: (data: StoreData) => string }) {
    this.file = file;
    this.journal = path.join(path.dirname(file), JOURNAL_NAME);
    this.#snapshot = new DurableJsonFile<StoreData>(file, { validate: (value) => StoreData.parse(value), stringify: options.stringify, ...(options.write ? { write: options.write } : {}) });
    this.#append = options.append ?? appendDurably;
  }

  /** The exact text of the snapshot file as last read or written. */
  get snapshotText(): string | undefined {
    return this.#snapshot.lastDurableText;
  }

  /** The durable state (snapshot and journal) as JSON text; undefined before anything was read or written. */
  get lastDurableText(): string | undefined {
    const m = this.#mirror;
    if (!m) return undefined;
    const masked = m.maskedWith === undefined ? '' : `,"maskedWith":${m.maskedWith}`;
    return `{"version":1,"promises":[${m.order.map((id) => m.json.get(id)).join(',')}],"people":${m.people},"pending":${m.pending}${masked}}`;
  }

  /** The snapshot with the journal replayed over it; a journal with entries is folded into a new snapshot. */
  async read(): Promise<StoreData | null> {
    const snapshot = await this.#snapshot.read();
    if (snapshot === null) return null;
    const lines = await readJournalLines(this.journal);
    const data = lines.length ? replay(snapshot, lines, this.journal) : snapshot;
    if (lines.length) await this.#compact(data);
    else {
      this.#mirror = mirrorOf(data);
      this.#snapshotBytes = this.#snapshot.lastDurableText?.length ?? 0;
      await resetDurably(this.journal);
      this.#journalBytes = 0;
    }
    return data;
  }

  /** Makes the next write a whole new snapshot (for a change that must not leave old text behind, such as masking). */
  wholeNextWrite(): void {
    this.#wholeWanted = true;
  }

  /** Says which records the next write() may have changed, so it looks only at those (and at appended ones). */
  touchedBeforeWrite(touched: TouchedRecords): void {
    this.#touched = touched;
  }

  write(data: StoreData): Promise<void> {
    const touched = this.#touched;
    this.#touched = undefined;
    if (this.#wholeWanted) {
      this.#wholeWanted = false;
      return this.#compact(data).catch((error: unknown) => {
        this.#wholeWanted = true;
        throw error;
      });
    }
    // Worked out now, synchronously: the caller may change `data` again before the disk work ends.
    const change = this.#mirror && !this.#mustCompact && this.#journalBytes < Math.max(COMPACT_AT_BYTES, 2 * this.#snapshotBytes) ? diff(this.#mirror, data, touched) : undefined;
    if (!change) return this.#compact(data);
    if (!change.line) {
      change.apply();
      return Promise.resolve();
    }
    return this.#appendLine(change.line, change.apply);
  }

  async #appendLine(line: string, apply: () => void): Promise<void> {
    const sizeBefore = this.#journalBytes;
    try {
      await this.#append(this.journal, line);
    } catch (error) {
      // Take back whatever part of the line reached the file; if even that fails, the next write starts afresh.
      await truncateDurably(this.journal, sizeBefore).catch(() => (this.#mustCompact = true));
      throw error;
    }
    this.#journalBytes += Buffer.byteLength(line);
    apply();
  }

  async #compact(data: StoreData): Promise<void> {
    const next = mirrorOf(data);
    await this.#snapshot.write(data);
    this.#mirror = next;
    this.#snapshotBytes = this.#snapshot.lastDurableText?.length ?? 0;
    try {
      await resetDurably(this.journal);
      this.#journalBytes = 0;
      this.#mustCompact = false;
    } catch {
      // The snapshot holds everything and replaying the old lines over it changes nothing; try again next write.
      this.#mustCompact = true;
    }
  }
}

function mirrorOf(data: StoreData): Mirror {
  const json = new Map<string, string>();
  for (const p of data.promises) json.set(p.id, JSON.stringify(p));
  return {
    order: data.promises.map((p) => p.id),
    json,
    people: JSON.stringify(data.people),
    pending: JSON.stringify(data.pending),
    maskedWith: data.maskedWith,
    exactOnlyWhole: json.size !== data.promises.length,
  };
}

/** A record to journal if its data differs from what is on disk. */
interface Candidate {
  id: string;
  text: string;
  value: unknown;
}

/** New, or its data differs from the text on disk (keys only reordered, or set to undefined, is the same data). */
function changedOnDisk(onDisk: string | undefined, candidate: Candidate): boolean {
  if (onDisk === undefined) return true;
  return onDisk !== candidate.text && !sameJson(JSON.parse(onDisk), candidate.value);
}

/**
 * Whether `value` would serialise as `copy` (a JSON.parse result) did, content-wise: what
 * JSON.stringify drops (undefined, functions) counts as absent. Key order is not compared: a record
 * whose keys were only reordered holds the same data and needs no new journal line.
 */
function sameJson(copy: unknown, value: unknown): boolean {
  if (copy === value) return true;
  if (typeof copy !== 'object' || copy === null || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(copy)) {
    if (!Array.isArray(value) || value.length !== copy.length) return false;
    return copy.every((item, i) => sameJson(item, value[i] === undefined || typeof value[i] === 'function' ? null : value[i]));
  }
  if (Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const a = copy as Record<string, unknown>;
  const b = value as Record<string, unknown>;
  let present = 0;
  for (const key in b) {
    const v = b[key];
    if (v === undefined || typeof v === 'function' || !Object.hasOwn(b, key)) continue;
    present++;
    if (!Object.hasOwn(a, key) || !sameJson(a[key], v)) return false;
  }
  return present === Object.keys(a).length;
}

/**
 * The journal line for going from `prev` to `data` ('' when nothing changed) and how to bring
 * `prev` up to `data` once that line is on disk, or undefined when only a snapshot can say it
 * (records reordered, or two sharing an id). With `touched`, only the records there and the
 * appended ones are serialised (a create among 10,000 open promises serialises one); without, all.
 */
function diff(prev: Mirror, data: StoreData, touched: TouchedRecords | undefined): { line: string; apply: () => void } | undefined {
  if (prev.exactOnlyWhole) return undefined;
  const records = touched && !touched.moved ? touchedRecords(prev, data, touched.positions) : everyRecord(prev, data);
  if (!records) return undefined;
  const { candidates, drop, order } = records;
  const people = JSON.stringify(data.people);
  const pending = JSON.stringify(data.pending);
  const parts: string[] = [];
  const put = candidates.filter((c) => changedOnDisk(prev.json.get(c.id), c));
  if (put.length) parts.push(`"put":[${put.map((c) => c.text).join(',')}]`);
  if (drop.length) parts.push(`"drop":${JSON.stringify(drop)}`);
  if (people !== prev.people) parts.push(`"people":${people}`);
  if (pending !== prev.pending) parts.push(`"pending":${pending}`);
  if (data.maskedWith !== prev.maskedWith) parts.push(`"maskedWith":${data.maskedWith ?? null}`);
  const apply = () => {
    for (const c of put) prev.json.set(c.id, c.text);
    for (const id of drop) prev.json.delete(id);
    prev.order = order();
    prev.people = people;
    prev.pending = pending;
    prev.maskedWith = data.maskedWith;
  };
  return { line: parts.length ? `{${parts.join(',')}}\n` : '', apply };
}

interface RecordChanges {
  candidates: Candidate[];
  drop: string[];
  /** The order of ids once the line is on disk. */
  order: () => string[];
}

/**
 * Records kept their places (same id at each touched position) and new ones were appended:
 * only those are read. Undefined when that does not hold (then every record is compared).
 */
function touchedRecords(prev: Mirror, data: StoreData, positions: ReadonlySet<number>): RecordChanges | undefined {
  const promises = data.promises;
  const kept = prev.order.length;
  if (promises.length < kept) return undefined;
  const candidates: Candidate[] = [];
  for (const at of [...positions].sort((x, y) => x - y)) {
    if (at >= kept) continue;
    const p = promises[at];
    if (!p || p.id !== prev.order[at]) return undefined;
    candidates.push({ id: p.id, text: JSON.stringify(p), value: p });
  }
  const added = new Set<string>();
  for (let at = kept; at < promises.length; at++) {
    const p = promises[at]!;
    // An appended id that is already there (or twice among the new) is only a snapshot's to say.
    if (prev.json.has(p.id) || added.has(p.id)) return undefined;
    added.add(p.id);
    candidates.push({ id: p.id, text: JSON.stringify(p), value: p });
  }
  return { candidates, drop: [], order: () => (prev.order.push(...added), prev.order) };
}

/** Every record compared with what is on disk: after records were removed, reordered or the array replaced. */
function everyRecord(prev: Mirror, data: StoreData): RecordChanges | undefined {
  const order = data.promises.map((p) => p.id);
  const ids = new Set(order);
  if (ids.size !== order.length) return undefined;
  // Records kept their order, and new ones come last: what replaying puts and drops reproduces.
  const expected = prev.order.filter((id) => ids.has(id));
  for (const id of order) if (!prev.json.has(id)) expected.push(id);
  if (expected.length !== order.length || expected.some((id, i) => id !== order[i])) return undefined;
  const candidates = data.promises.map((p) => ({ id: p.id, text: JSON.stringify(p), value: p }));
  return { candidates, drop: prev.order.filter((id) => !ids.has(id)), order: () => order };
}

/** The journal beside a snapshot replayed over it, read only (for tools reading a DATA_DIR the bot may hold). */
export async function withJournal(snapshotFile: string, snapshot: StoreData): Promise<StoreData> {
  const journal = path.join(path.dirname(snapshotFile), JOURNAL_NAME);
  const lines = await readJournalLines(journal);
  return lines.length ? replay(snapshot, lines, journal) : snapshot;
}

/** Applies journal lines to a snapshot, checking the result as a snapshot is checked. A damaged line stops the start. */
function replay(snapshot: StoreData, lines: readonly string[], journal: string): StoreData {
  const records = new Map<string, unknown>(snapshot.promises.map((p) => [p.id, p]));
  const raw: Record<string, unknown> = { ...snapshot };
  for (const [i, line] of lines.entries()) {
    let entry: Entry;
    try {
      entry = JSON.parse(line) as Entry;
    } catch (error) {
      throw new Error(`${journal} line ${i + 1} is damaged (${(error as Error).message}); the bot did not start and left the file as it is`, { cause: error });
    }
    // A known id is replaced where it stands; a new one goes last, as it was pushed.
    for (const record of entry.put ?? []) records.set(record.id, record);
    for (const id of entry.drop ?? []) records.delete(id);
    if (entry.people !== undefined) raw.people = entry.people;
    if (entry.pending !== undefined) raw.pending = entry.pending;
    if (entry.maskedWith === null) delete raw.maskedWith;
    else if (entry.maskedWith !== undefined) raw.maskedWith = entry.maskedWith;
  }
  raw.promises = [...records.values()];
  return StoreData.parse(raw);
}
