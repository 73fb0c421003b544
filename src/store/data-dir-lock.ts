import { hostname } from 'node:os';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const LOCK_FILE_NAME = 'frontline.lock';

const LockOwner = z.object({ pid: z.number().int().positive(), host: z.string(), since: z.string() });
type LockOwner = z.infer<typeof LockOwner>;

/** Folders this process holds, so a second open in the same process is refused like one from another process. */
const heldHere = new Set<string>();

export type LockResult = { ok: true; lock: DataDirLock } | { ok: false; owner: LockOwner | undefined; file: string };

/**
 * The file store is for one process: two bots writing one promises file would each overwrite the
 * other's acknowledged changes. The first process to start writes `frontline.lock` (pid, host,
 * start time) with an exclusive create; the next one reads it and refuses to start, unless the
 * owner is provably gone (same host, process no longer running), in which case the stale lock
 * is taken over.
 */
export class DataDirLock {
  readonly file: string;
  #released = false;

  private constructor(file: string) {
    this.file = file;
  }

  static async acquire(dir: string, now: Date): Promise<LockResult> {
    const file = path.join(path.resolve(dir), LOCK_FILE_NAME);
    const me: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await createExclusively(file, me)) {
        heldHere.add(file);
        return { ok: true, lock: new DataDirLock(file) };
      }
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue; // released between our create and our read: try again
      const owner = parseOwner(text);
      if (heldHere.has(file) || !isStale(owner, me)) return { ok: false, owner, file };
      await takeOverStale(file, text);
    }
    return { ok: false, owner: parseOwner(await readFile(file, 'utf8').catch(() => '')), file };
  }

  /** Removes the lock file; safe to call more than once. */
  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    heldHere.delete(this.file);
    await unlink(this.file).catch(() => {});
  }
}

/** One line for the person starting the bot: who holds the folder and what to do. */
export function describeHeldLock(dir: string, owner: LockOwner | undefined, file: string): string {
  const who = owner ? `process ${owner.pid} on ${owner.host} (since ${owner.since})` : 'another process';
  return (
    `DATA_DIR ${dir} is in use by ${who}. The file store serves one bot process at a time: ` +
    `stop the other process or give this one its own DATA_DIR. If no other bot is running, delete ${file}.`
  );
}

async function createExclusively(file: string, me: LockOwner): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(me)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const parsed = LockOwner.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A lock is stale only when its owner is on this host and no longer runs. A lock naming our own
 * pid that this process does not hold is a previous run's (containers restart as pid 1). A lock
 * from another host, or one we cannot read, is never taken over: that needs a person.
 */
function isStale(owner: LockOwner | undefined, me: LockOwner): boolean {
  if (!owner || owner.host !== me.host) return false;
  if (owner.pid === me.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves the stale lock aside rather than deleting it, then checks that what moved is the lock we
 * judged stale: if another starter replaced it in between, its fresh lock is put back.
 */
async function takeOverStale(file: string, staleText: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}`;
  try {
    await rename(file, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, 'utf8').catch(() => staleText);
  if (moved !== staleText) {
    await rename(aside, file).catch(() => {});
    return;
  }
  await unlink(aside).catch(() => {});
}
