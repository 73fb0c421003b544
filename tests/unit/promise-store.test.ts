import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { nextPromiseId } from '../helpers/promise-ids.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { DurableJsonFile } from '../../src/store/durable-json-file.js';
import { PromiseStore, StoreError } from '../../src/promises/promise-store.js';
import { JournaledStoreFile } from '../../src/promises/journaled-store-file.js';
import { readFileSnapshot } from '../../src/db/file-snapshot.js';

/** What is durable in a store's folder (the snapshot with its journal), read as a backup tool would. */
const onDisk = async (file: string) => (await readFileSnapshot(path.dirname(file))).live;

const NOW = '2026-11-22T09:00:00.000Z';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const f of cleanups.splice(0).reverse()) await f();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'promise-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function openStore(dir: string, clock = new ManualClock(NOW)): Promise<PromiseStore> {
  const store = await PromiseStore.open({ dir, clock });
  cleanups.push(() => store.close());
  return store;
}

function promise(overrides: Partial<PromiseRecord> = {}): PromiseRecord {
  const createdAt = overrides.createdAt ?? NOW;
  return {
    id: nextPromiseId(),
    owner: { platform: 'slack', userId: 'U1' },
    createdAt,
    dueAt: new Date(Date.parse(createdAt) + 30 * 60_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    note: '4411 refund check',
    status: 'open',
    reminders: {},
    history: [{ at: createdAt, by: 'U1', event: 'created' }],
    ...overrides,
  };
}

function closed(closedAt: string, overrides: Partial<PromiseRecord> = {}): PromiseRecord {
  return promise({ createdAt: closedAt, status: 'done', closedAt, keptOnTime: true, ...overrides });
}

/** Writes a store file by hand, as a previous run would have left it. */
function writeStoreFile(dir: string, promises: PromiseRecord[]): void {
  writeFileSync(path.join(dir, 'promises.json'), JSON.stringify({ version: 1, promises, people: {}, pending: [] }));
}

describe('DurableJsonFile', () => {
  it('reads null for a missing file, writes JSON and reads it back, leaving no temp file', async () => {
    const dir = tempDir();
    const file = new DurableJsonFile<{ n: number }>(path.join(dir, 'x.json'));
    expect(await file.read()).toBeNull();
    await file.write({ n: 1 });
    expect(await file.read()).toEqual({ n: 1 });
    expect(readdirSync(dir)).toEqual(['x.json']);
  });

  it('surfaces a parse error instead of treating the file as empty', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'x.json'), '{"n":');
    await expect(new DurableJsonFile(path.join(dir, 'x.json')).read()).rejects.toBeInstanceOf(SyntaxError);
  });
});

describe('PromiseStore open and update', () => {
  it('opens a missing folder as an empty store', async () => {
    const dir = path.join(tempDir(), 'data', 'promises');
    const store = await openStore(dir);
    expect(store.file).toBe(path.join(dir, 'promises.json'));
    expect(store.data).toEqual({ version: 1, promises: [], people: {}, pending: [] });
    expect(existsSync(dir)).toBe(true);
  });

  it('shows a change at once and has it on disk when update() resolves', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const record = promise();
    const saved = store.update((data) => {
      data.promises.push(record);
      data.people['slack:U1'] = { timeZone: 'Asia/Shanghai' };
      return data.promises.length;
    });
    expect(store.find(record.id)).toBe(record);
    await expect(saved).resolves.toBe(1);
    const onDisk = JSON.parse(readFileSync(store.file, 'utf8'));
    expect(onDisk.promises).toEqual([record]);
    expect(onDisk.people).toEqual({ 'slack:U1': { timeZone: 'Asia/Shanghai' } });
  });

  it('round-trips everything through a reopen', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const records = [promise(), promise({ note: '客户 138****5678 要退款，¥299' }), promise({ reminders: { due: { at: NOW, late: true, forDueAt: NOW } } })];
    await store.update((data) => {
      data.promises.push(...records);
      data.pending.push({ id: 'd1', kind: 'handoff', promiseId: records[0]!.id, to: { platform: 'slack', userId: 'U1' }, attempts: 1, nextAttemptAt: NOW });
    });
    await store.close();
    const again = await openStore(dir);
    expect(again.data).toEqual(store.data);
    expect((await again.find(records[1]!.id))?.note).toBe('客户 138****5678 要退款，¥299');
  });

  it('keeps the address of a platform core has never heard of (a Feishu open_id), as the adapter wrote it', async () => {
    const dir = tempDir();
    const feishu = promise({ owner: { platform: 'feishu', userId: 'ou_7d8a6e6df7621556ce0d21922b676706', name: '王芳' } });
    writeStoreFile(dir, [promise(), feishu]);
    const store = await openStore(dir);
    expect(store.find(feishu.id)?.owner).toEqual(feishu.owner);
    await store.update((data) => {
      data.pending.push({ id: 'd1', kind: 'handoff', promiseId: feishu.id, to: { platform: 'feishu', userId: 'ou_3a' }, attempts: 0, nextAttemptAt: NOW });
    });
    await store.close();
    expect((await openStore(dir)).data).toEqual(store.data);
  });

  it('finds by id after records are removed, replaced and reordered', async () => {
    const store = await openStore(tempDir());
    const [a, b, c] = [promise(), promise(), promise()];
    await store.update((data) => void data.promises.push(a, b, c));
    expect(store.find(b.id)).toBe(b);
    const b2 = { ...b, note: 'replaced' };
    await store.update((data) => {
      data.promises = [c, b2];
    });
    expect(store.find(a.id)).toBeUndefined();
    expect(store.find(b.id)).toBe(b2);
    expect(store.find(c.id)).toBe(c);
    expect(store.find('ZZZZZ')).toBeUndefined();
  });

  it('refuses changes after close()', async () => {
    const store = await openStore(tempDir());
    await store.close();
    await expect(store.update(() => {})).rejects.toBeInstanceOf(StoreError);
  });
});

describe('PromiseStore refuses a damaged file', () => {
  it('a file that is not JSON: StoreError naming the file, and the file untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'promises.json');
    writeFileSync(file, '{"version":1,"promises":[{"id":"K7Q2"');
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const error = await PromiseStore.open({ dir, clock: new ManualClock(NOW) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    const message = (error as StoreError).message;
    expect(message).toContain(file);
    expect(message).toContain('is not valid JSON');
    expect(message).toContain('no last good copy');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(existsSync(path.join(dir, 'promises.last-good.json'))).toBe(false);
  });

  it('a file that fails the schema: lists the problems with their paths and how to restore the last good copy', async () => {
    const dir = tempDir();
    const good = await openStore(dir);
    await good.update((data) => void data.promises.push(promise(), promise()));
    await good.close();
    await (await openStore(dir)).close(); // this open copies the good file to promises.last-good.json

    const file = path.join(dir, 'promises.json');
    const damaged = JSON.parse(readFileSync(file, 'utf8'));
    damaged.promises[1].dueAt = 'tomorrow';
    damaged.promises[1].status = 'maybe';
    damaged.people = { 'slack:U1': {} };
    writeFileSync(file, JSON.stringify(damaged, null, 2));
    const before = readFileSync(file);

    const error = (await PromiseStore.open({ dir, clock: new ManualClock(NOW) }).catch((e: unknown) => e)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.file).toBe(file);
    expect(error.message).toContain('does not match the promise store format (3 problem(s))');
    expect(error.message).toMatch(/promises\[1\]\.dueAt: /);
    expect(error.message).toMatch(/promises\[1\]\.status: /);
    expect(error.message).toMatch(/people\.slack:U1\.timeZone: /);
    expect(error.message).toContain(`restore the last good copy: cp ${dir}/promises.last-good.json ${dir}/promises.json`);
    expect(readFileSync(file).equals(before)).toBe(true);

    // The advice works.
    writeFileSync(file, readFileSync(path.join(dir, 'promises.last-good.json')));
    expect((await openStore(dir)).data.promises).toHaveLength(2);
  });

  it('shows only the first few problems of a badly damaged file', async () => {
    const dir = tempDir();
    writeStoreFile(dir, Array.from({ length: 20 }, () => promise({ status: 'lost' as never })));
    const error = (await PromiseStore.open({ dir, clock: new ManualClock(NOW) }).catch((e: unknown) => e)) as StoreError;
    expect(error.message).toContain('… and 15 more');
  });

  it('copies a good file to promises.last-good.json on open', async () => {
    const dir = tempDir();
    writeStoreFile(dir, [promise()]);
    await openStore(dir);
    expect(readFileSync(path.join(dir, 'promises.last-good.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'promises.json'), 'utf8'));
  });

  it('removes temp files left by a writer that died, and keeps none of its own', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.promises.json.999999999-3.tmp'), '{"half":');
    const store = await openStore(dir);
    await store.update((data) => void data.promises.push(promise()));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('PromiseStore group commit', () => {
  it('500 concurrent updates share a handful of writes and all survive a reopen', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const writes = vi.spyOn(JournaledStoreFile.prototype, 'write');
    const records = Array.from({ length: 500 }, () => promise());
    await Promise.all(records.map((r) => store.update((data) => void data.promises.push(r))));
    expect(writes.mock.calls.length).toBeLessThanOrEqual(3);
    await store.close();
    const again = await openStore(dir);
    expect(again.data.promises.map((p) => p.id)).toEqual(records.map((r) => r.id));
  });

  /** Holds every write until release() is called, counting how many run at once. */
  function holdWrites(fail?: Error) {
    const original = JournaledStoreFile.prototype.write;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen = { active: 0, maxActive: 0 };
    const spy = vi.spyOn(JournaledStoreFile.prototype, 'write').mockImplementation(async function (this: JournaledStoreFile, data) {
      seen.maxActive = Math.max(seen.maxActive, ++seen.active);
      try {
        await gate;
        if (fail && spy.mock.calls.length === 1) throw fail;
        return await original.call(this, data);
      } finally {
        seen.active--;
      }
    });
    return { spy, seen, release, restore: () => spy.mockImplementation(original) };
  }

  it('changes made while a write is in flight go out together in the next one, and never overlap it', async () => {
    const store = await openStore(tempDir());
    const { spy, seen, release } = holdWrites();
    const first = store.update((data) => void data.promises.push(promise()));
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    const later: Promise<void>[] = [];
    for (let i = 0; i < 100; i++) {
      later.push(store.update((data) => void data.promises.push(promise())));
      if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    }
    release();
    await Promise.all([first, ...later]);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(seen.maxActive).toBe(1);
    expect((await onDisk(store.file)).promises).toHaveLength(101);
  });

  it('a failed write rejects its callers and those queued behind it, and memory goes back to the disk state', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const kept = promise();
    await store.update((data) => void data.promises.push(kept));

    const { spy, release, restore } = holdWrites(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    const lost = promise();
    const failing = store.update((data) => {
      data.promises.push(lost);
      kept.note = 'changed in memory only';
    });
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    const queued = promise();
    const behind = store.update((data) => void data.promises.push(queued));
    release();

    await expect(failing).rejects.toThrow(/could not save .*promises\.json: ENOSPC: no space left on device/);
    await expect(behind).rejects.toBeInstanceOf(StoreError);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(store.data.promises.map((p) => p.id)).toEqual([kept.id]);
    expect(store.find(kept.id)?.note).toBe('4411 refund check');
    expect(store.find(lost.id)).toBeUndefined();
    expect(store.find(queued.id)).toBeUndefined();

    // The store carries on: the next change is written normally.
    restore();
    const next = promise();
    await store.update((data) => void data.promises.push(next));
    await store.close();
    expect((await openStore(dir)).data.promises.map((p) => p.id)).toEqual([kept.id, next.id]);
  });

  it('a failed first write of a new store goes back to empty', async () => {
    const store = await openStore(tempDir());
    vi.spyOn(JournaledStoreFile.prototype, 'write').mockRejectedValueOnce(new Error('EACCES: permission denied'));
    await expect(store.update((data) => void data.promises.push(promise()))).rejects.toThrow(/EACCES/);
    expect(store.data.promises).toEqual([]);
  });

  it('after a failed write, a hand-written file read back still has the schema defaults', async () => {
    const dir = tempDir();
    const { reminders: _, ...bare } = promise();
    writeFileSync(path.join(dir, 'promises.json'), JSON.stringify({ version: 1, promises: [bare] }));
    const store = await openStore(dir);
    vi.spyOn(JournaledStoreFile.prototype, 'write').mockRejectedValueOnce(new Error('EIO: i/o error'));
    await expect(store.update((data) => void data.promises.push(promise()))).rejects.toThrow(/EIO/);
    expect(store.data).toEqual({ version: 1, promises: [{ ...bare, reminders: {} }], people: {}, pending: [] });
  });

  it('a mutate that throws rejects with its own error', async () => {
    const store = await openStore(tempDir());
    await expect(
      store.update(() => {
        throw new RangeError('no such promise');
      }),
    ).rejects.toThrow(RangeError);
  });
});

describe('PromiseStore archive', () => {
  const clock = () => new ManualClock(NOW);
  const archiveFile = (dir: string, month: string) => path.join(dir, 'archive', `promises-${month}.jsonl`);

  async function storeWithHistory() {
    const dir = tempDir();
    const open = promise();
    const sep = closed('2026-09-30T23:30:00.000Z');
    const oct = [closed('2026-10-01T00:00:00.000Z'), closed('2026-10-20T12:00:00+08:00', { status: 'cancelled', keptOnTime: undefined })];
    const nov = closed('2026-11-10T08:00:00.000Z');
    const recent = closed('2026-11-21T09:00:00.000Z'); // one day old: stays live
    writeStoreFile(dir, [open, sep, ...oct, nov, recent]);
    const store = await openStore(dir, clock());
    return { dir, store, open, sep, oct, nov, recent };
  }

  it('open moves closed promises older than keepClosedDays to monthly files (UTC month of closedAt)', async () => {
    const { dir, store, open, sep, oct, nov, recent } = await storeWithHistory();
    expect(store.data.promises.map((p) => p.id)).toEqual([open.id, recent.id]);
    const ids = (month: string) =>
      readFileSync(archiveFile(dir, month), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id);
    expect(ids('2026-09')).toEqual([sep.id]);
    expect(ids('2026-10')).toEqual(oct.map((p) => p.id));
    expect(ids('2026-11')).toEqual([nov.id]);
    expect((await onDisk(store.file)).promises).toHaveLength(2);
  });

  it('archiveClosed() moves what has aged since, and nothing twice', async () => {
    const { dir, store, recent } = await storeWithHistory();
    expect(await store.archiveClosed()).toBe(0);
    const later = new ManualClock('2026-11-24T09:00:00.001Z');
    await store.close();
    const again = await openStore(dir, later);
    expect((await again.find(recent.id))).toBeUndefined();
    expect(readFileSync(archiveFile(dir, '2026-11'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('keeps closed promises a pending delivery still refers to', async () => {
    const dir = tempDir();
    const old = closed('2026-10-01T00:00:00.000Z');
    writeFileSync(
      path.join(dir, 'promises.json'),
      JSON.stringify({ version: 1, promises: [old], people: {}, pending: [{ id: 'd1', kind: 'handoff', promiseId: old.id, to: { platform: 'slack', userId: 'U2' }, attempts: 3, nextAttemptAt: NOW }] }),
    );
    const store = await openStore(dir);
    expect(store.find(old.id)).toBeDefined();
  });

  it('closedBetween() spans months and the live file, oldest first, [from, to)', async () => {
    const { store, sep, oct, nov, recent } = await storeWithHistory();
    const all = await store.closedBetween(new Date('2026-09-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(all.map((p) => p.id)).toEqual([sep.id, oct[0]!.id, oct[1]!.id, nov.id, recent.id]);
    const october = await store.closedBetween(new Date('2026-10-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'));
    expect(october.map((p) => p.id)).toEqual(oct.map((p) => p.id));
    const boundary = await store.closedBetween(new Date('2026-09-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'));
    expect(boundary.map((p) => p.id)).toEqual([sep.id]);
    expect(await store.closedBetween(new Date('2026-12-01T00:00:00Z'), new Date('2026-09-01T00:00:00Z'))).toEqual([]);
  });

  it('a promise archived twice (crash between append and live write) comes back once, last line winning', async () => {
    const { dir, store, oct } = await storeWithHistory();
    appendFileSync(archiveFile(dir, '2026-10'), `${JSON.stringify({ ...oct[0], note: 'second copy' })}\n`);
    const october = await store.closedBetween(new Date('2026-10-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'));
    expect(october.map((p) => p.id)).toEqual(oct.map((p) => p.id));
    expect(october[0]!.note).toBe('second copy');
  });

  it('a promise both archived and still live comes back once, the live copy', async () => {
    const dir = tempDir();
    const both = closed('2026-11-21T12:00:00.000Z');
    mkdirSync(path.join(dir, 'archive'));
    writeFileSync(archiveFile(dir, '2026-11'), `${JSON.stringify({ ...both, note: 'archived copy' })}\n`);
    writeStoreFile(dir, [both]);
    const store = await openStore(dir);
    const found = await store.closedBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(found).toEqual([both]);
  });

  it('skips and counts malformed archive lines, reading only the months asked for', async () => {
    const { dir, store, oct } = await storeWithHistory();
    appendFileSync(archiveFile(dir, '2026-10'), '{"id":"BROKEN","status":\n[1,2,3]\n\n');
    appendFileSync(archiveFile(dir, '2026-10'), `${JSON.stringify({ ...closed('2026-10-05T00:00:00.000Z'), dueAt: 'soon' })}\n`);
    appendFileSync(archiveFile(dir, '2026-09'), 'not json at all\n');
    const october = await store.closedBetween(new Date('2026-10-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'));
    expect(october.map((p) => p.id)).toEqual(oct.map((p) => p.id));
    expect(store.skippedArchiveLines).toBe(3);
    await store.closedBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(store.skippedArchiveLines).toBe(0);
  });

  it('a torn last line (crash mid-append) does not swallow the next archived promise', async () => {
    const { dir, store } = await storeWithHistory();
    appendFileSync(archiveFile(dir, '2026-11'), '{"id":"TORN","owner":{"plat');
    const late = closed('2026-11-15T00:00:00.000Z');
    await store.update((data) => void data.promises.push(late));
    expect(await store.archiveClosed()).toBe(1);
    const found = await store.closedBetween(new Date('2026-11-15T00:00:00Z'), new Date('2026-11-16T00:00:00Z'));
    expect(found.map((p) => p.id)).toEqual([late.id]);
    expect(store.skippedArchiveLines).toBe(1);
  });

  it('closedBetween() during archiving finds a promise wherever it is at that moment', async () => {
    const { store } = await storeWithHistory();
    const moving = Array.from({ length: 50 }, (_, i) => closed(new Date(Date.parse('2026-11-01T00:00:00Z') + i * 60_000).toISOString()));
    await store.update((data) => void data.promises.push(...moving));
    const [found] = await Promise.all([store.closedBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z')), store.archiveClosed()]);
    expect(found.map((p) => p.id)).toEqual(moving.map((p) => p.id));
  });

  it('close() lets an archive run finish', async () => {
    const { dir, store } = await storeWithHistory();
    const old = closed('2026-11-01T00:00:00.000Z');
    await store.update((data) => void data.promises.push(old));
    const archiving = store.archiveClosed();
    await store.close();
    expect(await archiving).toBe(1);
    expect((await onDisk(store.file)).promises.map((p) => p.id)).not.toContain(old.id);
    expect(readFileSync(archiveFile(dir, '2026-11'), 'utf8')).toContain(old.id);
    await expect(store.archiveClosed()).rejects.toBeInstanceOf(StoreError);
  });

  it('a promise changed while it was being archived stays live', async () => {
    const { store } = await storeWithHistory();
    const old = closed('2026-11-01T00:00:00.000Z');
    await store.update((data) => void data.promises.push(old));
    const archiving = store.archiveClosed();
    for (let i = 0; i < 10; i++) await null; // it has chosen what to archive, but no file I/O has finished yet
    await store.update(() => {
      old.note = 'edited during archiving';
    });
    expect(await archiving).toBe(0);
    expect(store.find(old.id)?.note).toBe('edited during archiving');
    const found = await store.closedBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z'));
    expect(found.map((p) => p.note)).toEqual(['edited during archiving']);
  });
});
