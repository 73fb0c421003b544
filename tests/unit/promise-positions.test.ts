import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { FileBotStore } from '../../src/db/file-bot-store.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { PromiseStore } from '../../src/promises/promise-store.js';
import { nextPromiseId } from '../helpers/promise-ids.js';

const NOW = '2026-11-22T09:00:00.000Z';
const TIMINGS = { remindBeforeMs: 10 * 60_000, escalateAfterMs: 5 * 60_000 };
const MANY = 2000;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'promise-positions-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function promise(overrides: Partial<PromiseRecord> = {}): PromiseRecord {
  return {
    id: nextPromiseId(),
    owner: { platform: 'slack', userId: 'U1' },
    createdAt: NOW,
    dueAt: '2026-11-22T10:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    note: '4411 refund check',
    status: 'open',
    reminders: {},
    history: [{ at: NOW, by: 'U1', event: 'created' }],
    ...overrides,
  };
}

/** The promises array behind a proxy that counts reads of its records, to tell a lookup from a scan. */
function counted(records: PromiseRecord[]): { array: PromiseRecord[]; reads: () => number } {
  let reads = 0;
  const array = new Proxy(records, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { array, reads: () => reads };
}

/** What find() must answer: the record with that id, by a plain scan. */
function expectFindsAsAScan(store: PromiseStore, extraIds: string[] = []): void {
  const ids = [...store.data.promises.map((p) => p.id), ...extraIds, 'ZZZZZ'];
  for (const id of ids) expect(store.find(id), id).toBe(store.data.promises.find((p) => p.id === id));
}

describe('PromiseStore.find() index', () => {
  it('after a create among 2,000 promises, finding the new id and a missing one reads a record or two, not all of them', async () => {
    const store = await PromiseStore.open({ dir: tempDir(), clock: new ManualClock(NOW) });
    cleanups.push(() => store.close());
    const { array, reads } = counted(Array.from({ length: MANY }, () => promise()));
    await store.update((data) => void (data.promises = array));
    store.find(array[0]!.id); // the one rebuild after the array was replaced
    for (let i = 0; i < 3; i++) {
      const fresh = promise();
      expect(store.find(fresh.id)).toBeUndefined(); // a create first checks the id is free
      await store.update((data) => void data.promises.push(fresh));
      const before = reads();
      expect(store.find(fresh.id)).toBe(fresh);
      expect(store.find('ZZZZZ')).toBeUndefined();
      expect(reads() - before).toBeLessThan(5);
    }
  });

  it('answers as a scan would through creates, in-place changes, replacements, removals, archiving, a failed write and a reopen', async () => {
    const dir = tempDir();
    const clock = new ManualClock(NOW);
    let failNext = false;
    const append = async (file: string, text: string) => {
      if (failNext) throw new Error('disk full');
      const { appendDurably } = await import('../../src/store/journal-file.js');
      await appendDurably(file, text);
    };
    let store = await PromiseStore.open({ dir, clock, append });
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => promise());
    await store.update((data) => void data.promises.push(a!, b!, c!));
    expectFindsAsAScan(store);
    await store.update((data) => void data.promises.push(d!));
    expectFindsAsAScan(store, [e!.id]);
    // changed in place, and replaced where it stands (a hand-over writes a new record)
    await store.update(() => void (store.find(b!.id)!.note = 'in place'));
    await store.update((data) => void (data.promises[store.positionOf(c!.id)] = { ...c!, owner: { platform: 'slack', userId: 'U2' } }));
    expectFindsAsAScan(store, [e!.id]);
    expect(store.find(c!.id)?.owner.userId).toBe('U2');
    // removed from the middle, then one appended in the same change: the ones after it moved
    await store.update((data) => {
      data.promises.splice(store.positionOf(a!.id), 1);
      data.promises.push(e!);
    });
    expectFindsAsAScan(store, [a!.id]);
    expect(store.find(e!.id)).toBe(e);
    // a mutate that throws after pushing still has its push written and found
    const f = promise();
    await expect(store.update((data) => {
      data.promises.push(f);
      throw new Error('half done');
    })).rejects.toThrow('half done');
    expect(store.find(f.id)).toBe(f);
    // a failed write goes back to the disk state: what it added is gone
    const g = promise();
    failNext = true;
    await expect(store.update((data) => void data.promises.push(g))).rejects.toThrow('disk full');
    failNext = false;
    expectFindsAsAScan(store, [g.id, a!.id]);
    expect(store.find(g.id)).toBeUndefined();
    // completed and archived two days later: gone from the live file, and no longer found
    await store.update(() => Object.assign(store.find(d!.id)!, { status: 'done', closedAt: NOW, keptOnTime: true }));
    clock.advance(3 * 86_400_000);
    expect(await store.archiveClosed()).toBe(1);
    expectFindsAsAScan(store, [d!.id]);
    expect(store.find(d!.id)).toBeUndefined();
    const h = promise();
    await store.update((data) => void data.promises.push(h));
    expectFindsAsAScan(store, [d!.id]);
    // reopened: the snapshot with the journal replayed over it
    await store.close();
    store = await PromiseStore.open({ dir, clock, append });
    cleanups.push(() => store.close());
    expect(store.data.promises.map((p) => p.id)).toEqual([b!.id, c!.id, e!.id, f.id, h.id]);
    expectFindsAsAScan(store, [a!.id, d!.id, g.id]);
    expect(store.find(b!.id)?.note).toBe('in place');
  });

  it('with two records sharing an id (a hand-edited file), the later one is found every time (the old cache could answer the earlier one)', async () => {
    const store = await PromiseStore.open({ dir: tempDir(), clock: new ManualClock(NOW) });
    cleanups.push(() => store.close());
    const a = promise();
    const twin = { ...a, note: 'the later copy' };
    await store.update((data) => void data.promises.push(a));
    expect(store.find(a.id)).toBe(a);
    await store.update((data) => void data.promises.push(twin));
    expect(store.find(a.id)).toBe(twin);
  });
});

describe('FileBotStore idempotent create by requestKey', () => {
  async function openFileStore(dataDir: string, clock: ManualClock): Promise<FileBotStore> {
    return FileBotStore.open({ dataDir, clock, timings: TIMINGS, log: pino({ level: 'silent' }) });
  }

  it('among 2,000 promises a repeated or new requestKey reads a record or two, not all of them', async () => {
    const store = await openFileStore(tempDir(), new ManualClock(NOW));
    cleanups.push(() => store.close());
    const { array, reads } = counted(Array.from({ length: MANY }, (_, i) => promise({ requestKey: `slack:t-${i}` })));
    await store.promiseStore.update((data) => void (data.promises = array));
    store.promiseStore.find(array[0]!.id);
    const first = promise({ requestKey: 'slack:new' });
    let before = reads();
    const created = store.createPromise(first); // the lookup runs before the first await
    expect(reads() - before).toBeLessThan(5);
    expect(await created).toMatchObject({ status: 'created' });
    before = reads();
    const again = store.createPromise(promise({ requestKey: 'slack:new' }));
    expect(reads() - before).toBeLessThan(5);
    expect(await again).toMatchObject({ status: 'repeated', stored: { record: { id: first.id } } });
  });

  it('the same requestKey gives the same promise after a hand-over, across the journal on restart, and not once it is archived', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(NOW);
    let store = await openFileStore(dataDir, clock);
    const first = promise({ requestKey: 'slack:trigger-1' });
    const other = promise({ requestKey: 'slack:trigger-2' });
    expect(await store.createPromise(first)).toMatchObject({ status: 'created' });
    expect(await store.createPromise(other)).toMatchObject({ status: 'created' });
    expect(await store.createPromise(promise({ requestKey: 'slack:trigger-1' }))).toMatchObject({ status: 'repeated', stored: { record: { id: first.id } } });
    expect(await store.createPromise({ ...promise(), id: other.id })).toEqual({ status: 'id-taken' });

    const got = (await store.getPromise(first.id))!;
    const handed = await store.changePromise(first.id, got.version, (p) => void (p.owner = { platform: 'slack', userId: 'U9' }));
    expect(handed.ok).toBe(true);
    expect(await store.createPromise(promise({ requestKey: 'slack:trigger-1' }))).toMatchObject({ status: 'repeated', stored: { record: { id: first.id, owner: { userId: 'U9' } } } });

    // Restart: the creates and the hand-over are journal lines replayed over the snapshot.
    await store.close();
    store = await openFileStore(dataDir, clock);
    expect(await store.createPromise(promise({ requestKey: 'slack:trigger-1' }))).toMatchObject({ status: 'repeated', stored: { record: { id: first.id, owner: { userId: 'U9' } } } });
    expect(await store.createPromise(promise({ requestKey: 'slack:trigger-2' }))).toMatchObject({ status: 'repeated', stored: { record: { id: other.id } } });

    // Done and archived: the key is free again, as it was when only live promises were scanned.
    const now = (await store.getPromise(first.id))!;
    await store.changePromise(first.id, now.version, (p) => Object.assign(p, { status: 'done', closedAt: NOW, keptOnTime: true }));
    clock.advance(3 * 86_400_000);
    expect(await store.promiseStore.archiveClosed()).toBe(1);
    const fresh = promise({ requestKey: 'slack:trigger-1' });
    expect(await store.createPromise(fresh)).toMatchObject({ status: 'created', stored: { record: { id: fresh.id } } });
    expect(await store.createPromise(promise({ requestKey: 'slack:trigger-1' }))).toMatchObject({ status: 'repeated', stored: { record: { id: fresh.id } } });
    await store.close();
  });
});
