import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { LOCK_FILE_NAME } from '../../src/store/data-dir-lock.js';
import { PromiseStore, StoreError } from '../../src/promises/promise-store.js';

const dirs: string[] = [];
const stores: PromiseStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'data-dir-lock-'));
  dirs.push(dir);
  return dir;
}

const clock = new ManualClock('2026-12-02T06:10:00Z');
async function open(dir: string): Promise<PromiseStore> {
  const store = await PromiseStore.open({ dir, clock });
  stores.push(store);
  return store;
}

/** The pid of a process that has already exited on this host. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(dir: string, owner: object): void {
  writeFileSync(path.join(dir, LOCK_FILE_NAME), `${JSON.stringify(owner)}\n`);
}

describe('one process per DATA_DIR', () => {
  it('writes a lock naming this process, refuses a second open and allows one after close', async () => {
    const dir = dataDir();
    const first = await open(dir);
    const lock = JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(lock).toMatchObject({ pid: process.pid, host: hostname(), since: '2026-12-02T06:10:00.000Z' });

    const second = PromiseStore.open({ dir, clock });
    await expect(second).rejects.toBeInstanceOf(StoreError);
    await expect(second).rejects.toThrow(`DATA_DIR ${dir} is in use by process ${process.pid} on ${hostname()}`);

    await first.close();
    stores.splice(stores.indexOf(first), 1);
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    await open(dir);
  });

  it('takes over a lock left by a process on this host that is no longer running', async () => {
    const dir = dataDir();
    writeLock(dir, { pid: deadPid(), host: hostname(), since: '2026-12-01T00:00:00.000Z' });
    await open(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('takes over a lock naming our own pid from an earlier run (a container restarted as the same pid)', async () => {
    const dir = dataDir();
    writeLock(dir, { pid: process.pid, host: hostname(), since: '2026-11-30T00:00:00.000Z' });
    await open(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ since: '2026-12-02T06:10:00.000Z' });
  });

  it('never takes over a live process on this host', async () => {
    const dir = dataDir();
    writeLock(dir, { pid: process.ppid, host: hostname(), since: '2026-12-01T00:00:00.000Z' });
    await expect(PromiseStore.open({ dir, clock })).rejects.toThrow(`in use by process ${process.ppid}`);
  });

  it('never takes over a lock from another host, and says how to clear it', async () => {
    const dir = dataDir();
    writeLock(dir, { pid: 4242, host: 'other-host.example', since: '2026-12-01T00:00:00.000Z' });
    const error = (await PromiseStore.open({ dir, clock }).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toContain('process 4242 on other-host.example');
    expect(error.message).toContain(`delete ${path.join(dir, LOCK_FILE_NAME)}`);
    expect(error.message).not.toContain('\n');
  });

  it('refuses an unreadable lock rather than guessing', async () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), 'garbage');
    await expect(PromiseStore.open({ dir, clock })).rejects.toThrow('in use by another process');
  });

  it('releases the lock when opening fails after taking it, so a fixed file can be opened', async () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, 'promises.json'), '{"version":1,"promises":[{]');
    await expect(PromiseStore.open({ dir, clock })).rejects.toBeInstanceOf(StoreError);
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});
