import { readFileSync } from 'node:fs';
import { writeFileDurably } from '../store/durable-json-file.js';

/** The `[key, ms]` pairs of a timed-keys file's content; anything else in it is skipped. */
export function timedKeysOf(value: unknown): [string, number][] {
  if (!Array.isArray(value)) return [];
  return value.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number');
}

/**
 * A small map of keys to when they were seen (ms), kept in DATA_DIR as `[[key, ms], …]`:
 * slack-deliveries.json (redelivery keys), slack-uncertain-posts.json.
 */
export class TimedKeysFile {
  readonly #file: string;
  #writing: Promise<void> = Promise.resolve();

  constructor(file: string) {
    this.#file = file;
  }

  /** What the file holds; a missing or unreadable file is empty: the worst case is one repeat, never a stop. */
  read(): [string, number][] {
    try {
      return timedKeysOf(JSON.parse(readFileSync(this.#file, 'utf8')));
    } catch {
      return [];
    }
  }

  /** Writes one after another, each with everything given; a failed write is not fatal (memory still holds it). */
  write(entries: ReadonlyMap<string, number>): Promise<void> {
    const text = JSON.stringify([...entries]);
    this.#writing = this.#writing.then(() => writeFileDurably(this.#file, text)).catch(() => undefined);
    return this.#writing;
  }
}
