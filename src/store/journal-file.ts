import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { syncDir } from './durable-json-file.js';

/** Appends text (whole lines) to an existing file and waits until it is on disk (fdatasync). */
export async function appendDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.write(text);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Empties `file` (creating it if missing) durably, the folder entry included. */
export async function resetDurably(file: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDir(path.dirname(file));
}

/** Cuts `file` back to `size` bytes (best effort after a failed append), fsynced. */
export async function truncateDurably(file: string, size: number): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(size);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The complete lines of a journal, oldest first; [] when the file is missing. A last line without
 * its newline was cut off by a crash mid-append (it was never acknowledged) and is left out.
 */
export async function readJournalLines(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n');
  lines.pop(); // after the last newline: empty, or a torn line
  return lines.filter((line) => line.trim() !== '');
}
