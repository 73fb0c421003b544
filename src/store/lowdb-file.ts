import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { Logger } from 'pino';

/**
 * A small JSON file in DATA_DIR read through lowdb: `parse` checks it; a file that does not read
 * or check is set aside as `<file>.unreadable` (logged with `lost`, what that means) and starts empty.
 */
export async function openLowdbFile<T>(options: { dataDir: string; name: string; parse: (text: string) => T; empty: () => T; log: Logger; lost: string }): Promise<Low<T>> {
  await mkdir(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, options.name);
  const db = new Low<T>(new DataFile<T>(file, { parse: options.parse, stringify: (d) => `${JSON.stringify(d)}\n` }), options.empty());
  try {
    await db.read();
  } catch {
    await rename(file, `${file}.unreadable`).catch(() => undefined);
    db.data = options.empty();
    options.log.warn({ file }, `${options.name} was unreadable; set aside, ${options.lost}`);
  }
  return db;
}
