import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Creates `dir` and any missing parents, like `mkdir -p`. Node's own recursive mkdir retries
 * forever where the kernel answers ENOENT for a parent that exists (under /proc or /sys), which
 * hung the bot at start-up; this walks up once and reports the first real error.
 */
export async function ensureDir(dir: string): Promise<void> {
  const target = path.resolve(dir);
  if (await makeOne(target)) return;
  const parent = path.dirname(target);
  if (parent === target) throw Object.assign(new Error(`cannot create ${target}`), { code: 'ENOENT' });
  await ensureDir(parent);
  if (!(await makeOne(target))) {
    throw Object.assign(new Error(`ENOENT: cannot create ${target} (its parent does not accept new folders)`), { code: 'ENOENT' });
  }
}

/** True when `dir` now exists as a folder; false when a parent is missing (ENOENT); throws otherwise. */
async function makeOne(dir: string): Promise<boolean> {
  try {
    await mkdir(dir);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code !== 'EEXIST') throw error;
  }
  if (!(await stat(dir)).isDirectory()) {
    throw Object.assign(new Error(`ENOTDIR: ${dir} exists and is not a folder`), { code: 'ENOTDIR' });
  }
  return true;
}
