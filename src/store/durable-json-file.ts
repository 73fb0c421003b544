import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

let tempCounter = 0;

/** Name of a temp file next to `file`; carries the writer's pid so a later start can tell its own from a dead writer's. */
export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${++tempCounter}.tmp`);
}

/** Matches temp files left next to `basename` by tempNameFor; group 1 is the writer's pid. */
export function tempPatternFor(basename: string): RegExp {
  return new RegExp(`^\\.${basename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)-\\d+\\.tmp$`);
}

/** fsync a directory so a rename or a new file in it survives power loss. */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open a directory, and some file systems cannot fsync one; the rename is still atomic there.
    if (!['EISDIR', 'EPERM', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `file` with `text` atomically and durably: temp file in the same folder, fsync,
 * rename over the target, fsync the folder. A crash leaves either the old or the new content.
 */
export async function writeFileDurably(file: string, text: string): Promise<void> {
  const temp = tempNameFor(file);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncDir(path.dirname(file));
}

export interface DurableJsonFileOptions<T> {
  /** Checks and converts the parsed JSON; throw to reject the file. Default: trust it. */
  validate?: (value: unknown) => T;
  /** Default: compact JSON.stringify. */
  stringify?: (data: T) => string;
  /** Default: writeFileDurably. Tests inject a failing one to play a full or read-only disk. */
  write?: (file: string, text: string) => Promise<void>;
}

/**
 * A lowdb adapter that writes JSON atomically and durably. read() returns null only when the
 * file does not exist; unreadable, unparsable or invalid content throws.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  readonly #validate: (value: unknown) => T;
  readonly #stringify: (data: T) => string;
  readonly #write: (file: string, text: string) => Promise<void>;
  #lastDurableText: string | undefined;

  constructor(file: string, options: DurableJsonFileOptions<T> = {}) {
    this.file = file;
    this.#validate = options.validate ?? ((value) => value as T);
    this.#stringify = options.stringify ?? ((data) => JSON.stringify(data));
    this.#write = options.write ?? writeFileDurably;
  }

  /** The exact text last read from or durably written to the file; undefined before either. */
  get lastDurableText(): string | undefined {
    return this.#lastDurableText;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const data = this.#validate(JSON.parse(text));
    this.#lastDurableText = text;
    return data;
  }

  write(data: T): Promise<void> {
    // Serialise now, synchronously: the caller may change `data` again before the disk work ends.
    const text = this.#stringify(data);
    return this.#write(this.file, text).then(() => {
      this.#lastDurableText = text;
    });
  }
}
