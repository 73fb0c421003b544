import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { nextPromiseId } from '../helpers/promise-ids.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { JOURNAL_NAME } from '../../src/promises/journaled-store-file.js';
import { PromiseStore, type PromiseStoreOptions } from '../../src/promises/promise-store.js';
import { appendDurably } from '../../src/store/journal-file.js';

const NOW = '2026-11-22T09:00:00.000Z';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'promise-journal-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function openStore(dir: string, options: Partial<PromiseStoreOptions> = {}): Promise<PromiseStore> {
  const store = await PromiseStore.open({ dir, clock: new ManualClock(NOW), ...options });
  cleanups.push(() => store.close());
  return store;
}

function promise(note = '4411 refund check'): PromiseRecord {
  return {
    id: nextPromiseId(),
    owner: { platform: 'slack', userId: 'U1' },
    createdAt: NOW,
    dueAt: '2026-11-22T10:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    note,
    status: 'open',
    reminders: {},
    history: [{ at: NOW, by: 'U1', event: 'created' }],
  };
}

const journalOf = (dir: string) => path.join(dir, JOURNAL_NAME);
const journalLines = (dir: string) => readFileSync(journalOf(dir), 'utf8').split('\n').filter(Boolean);

describe('promise store journal', () => {
  it('a create after the first write appends one journal line and leaves promises.json as it was', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    await store.update((d) => void d.promises.push(promise()));
    const snapshot = readFileSync(store.file, 'utf8');
    const second = promise('7731 call back');
    await store.update((d) => void d.promises.push(second));
    expect(readFileSync(store.file, 'utf8')).toBe(snapshot);
    expect(journalLines(dir)).toHaveLength(1);
    expect(JSON.parse(journalLines(dir)[0]!)).toEqual({ put: [second] });
  });

  it('replays changes, removals and settings on open, in order, and folds them into promises.json', async () => {
    const dir = tempDir();
    const [a, b, c] = [promise('a'), promise('b'), promise('c')];
    let store = await openStore(dir);
    await store.update((d) => void d.promises.push(a, b));
    await store.update((d) => void d.promises.push(c));
    await store.update((d) => {
      d.promises[0]!.note = 'a changed';
      d.promises.splice(1, 1);
      d.people['slack:U1'] = { timeZone: 'Europe/Paris' };
      d.maskedWith = 7;
    });
    const expected = structuredClone(store.data);
    await store.close();
    // A kill -9 now: the journal is read at the next open.
    store = await openStore(dir);
    expect(store.data).toEqual(expected);
    expect(store.data.promises.map((p) => p.note)).toEqual(['a changed', 'c']);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toEqual(expected);
    expect(statSync(journalOf(dir)).size).toBe(0);
  });

  it('a create among written promises journals the new one without reading the others', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    let reads = 0;
    const watched = new Proxy(promise('watched'), {
      get: (target, key, receiver) => (reads++, Reflect.get(target, key, receiver)),
      ownKeys: (target) => (reads++, Reflect.ownKeys(target)),
    });
    await store.update((d) => void d.promises.push(watched, promise('after it')));
    reads = 0;
    const created = promise('created');
    await store.update((d) => void d.promises.push(created));
    // A compare of every record read this one too: at 10,000 open promises that was the whole cost of a create.
    expect(reads).toBe(0);
    expect((JSON.parse(journalLines(dir).at(-1)!) as { put: PromiseRecord[] }).put.map((p) => p.note)).toEqual(['created']);
    // A change reached through update() is still seen.
    await store.update((d) => void (d.promises[0]!.note = 'watched, changed'));
    expect((JSON.parse(journalLines(dir).at(-1)!) as { put: PromiseRecord[] }).put.map((p) => p.note)).toEqual(['watched, changed']);
  });

  it('replays a journal written before records were tracked on write (same line format)', async () => {
    const dir = tempDir();
    const [a, b] = [promise('a'), promise('b')];
    writeFileSync(path.join(dir, 'promises.json'), JSON.stringify({ version: 1, promises: [a, b], people: {}, pending: [] }));
    const lines = [
      { put: [{ ...a, note: 'a changed' }] },
      { put: [promise('c')], people: { 'slack:U1': { timeZone: 'Asia/Taipei' } } },
      { drop: [b.id], maskedWith: 2 },
    ];
    writeFileSync(journalOf(dir), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const store = await openStore(dir);
    expect(store.data.promises.map((p) => p.note)).toEqual(['a changed', 'c']);
    expect(store.data.people).toEqual({ 'slack:U1': { timeZone: 'Asia/Taipei' } });
    expect(store.data.maskedWith).toBe(2);
  });

  it('journals a change made in place to a record already written, however deep, and nothing for one left as it was', async () => {
    const dir = tempDir();
    const [a, b, c] = [promise('a'), promise('b'), promise('c')];
    let store = await openStore(dir);
    await store.update((d) => void d.promises.push(a, b, c));
    await store.update((d) => void d.promises.push(promise('d')));
    const before = journalLines(dir).length;
    // Nothing changed: no line. Keys reordered or set to undefined where absent: the same data, no line.
    await store.update((d) => {
      const first = d.promises[0]!;
      const { note, ...rest } = first;
      for (const key of Object.keys(first)) delete (first as Record<string, unknown>)[key];
      Object.assign(first, { note, ...rest, closedAt: undefined });
    });
    expect(journalLines(dir)).toHaveLength(before);
    // In place, nested and at the top: each changed record is journaled whole, the others not.
    await store.update((d) => void d.promises[1]!.history.push({ at: NOW, by: 'U2', event: 'snoozed', reason: 'customer asked' }));
    await store.update((d) => {
      d.promises[2]!.reminders['heads-up'] = { at: NOW, late: false, forDueAt: d.promises[2]!.dueAt };
      d.promises[0]!.note = 'a changed';
    });
    await store.update((d) => void d.promises[2]!.history.splice(0, 1, { at: NOW, by: 'U3', event: 'created' }));
    const puts = journalLines(dir).slice(before).map((l) => (JSON.parse(l) as { put: PromiseRecord[] }).put.map((p) => p.note));
    expect(puts).toEqual([['b'], ['a changed', 'c'], ['c']]);
    const expected = structuredClone(store.data);
    await store.close();
    store = await openStore(dir);
    expect(store.data).toEqual(expected);
    expect(store.data.promises[1]!.history.at(-1)).toMatchObject({ by: 'U2', event: 'snoozed' });
    expect(store.data.promises[2]!.history[0]).toMatchObject({ by: 'U3' });
  });

  it('a crash mid-append (torn last line) loses only that unacknowledged change', async () => {
    const dir = tempDir();
    let store = await openStore(dir);
    const kept = [promise(), promise()];
    for (const p of kept) await store.update((d) => void d.promises.push(p));
    await store.close();
    appendFileSync(journalOf(dir), `{"put":[{"id":"TORN1","owner":{"platfo`);
    store = await openStore(dir);
    expect(store.data.promises.map((p) => p.id)).toEqual(kept.map((p) => p.id));
    // The next change is not glued to the torn bytes.
    const next = promise();
    await store.update((d) => void d.promises.push(next));
    await store.close();
    expect((await openStore(dir)).data.promises.map((p) => p.id)).toEqual([...kept, next].map((p) => p.id));
  });

  it('a crash after the new promises.json but before the journal was emptied replays to the same state', async () => {
    const dir = tempDir();
    let store = await openStore(dir);
    await store.update((d) => void d.promises.push(promise('first')));
    const first = store.data.promises[0]!.id;
    await store.update((d) => void d.promises.push(promise('second')));
    await store.update((d) => void (d.promises[0]!.note = 'first, changed'));
    await store.update((d) => void d.promises.splice(0, 1));
    await store.update((d) => void d.promises.push(promise('third')));
    await store.close();
    const journal = readFileSync(journalOf(dir));
    store = await openStore(dir); // folds the journal into promises.json
    const expected = structuredClone(store.data);
    await store.close();
    writeFileSync(journalOf(dir), journal); // as if the kill came before the journal was emptied
    store = await openStore(dir);
    expect(store.data).toEqual(expected);
    expect(store.find(first)).toBeUndefined();
  });

  it('a damaged line before the end stops the start and leaves the files as they are', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    await store.update((d) => void d.promises.push(promise()));
    await store.update((d) => void d.promises.push(promise()));
    await store.close();
    writeFileSync(journalOf(dir), `{"put":[oops\n${readFileSync(journalOf(dir), 'utf8')}`);
    const before = [readFileSync(store.file, 'utf8'), readFileSync(journalOf(dir), 'utf8')];
    await expect(PromiseStore.open({ dir, clock: new ManualClock(NOW) })).rejects.toThrow(/promises\.journal\.jsonl line 1 is damaged/);
    expect([readFileSync(store.file, 'utf8'), readFileSync(journalOf(dir), 'utf8')]).toEqual(before);
  });

  it('a failed append is taken back off the journal: the refused change does not come back after a restart', async () => {
    const dir = tempDir();
    let failNext = false;
    // Plays a disk that takes the bytes, then fails the fdatasync.
    const append = async (file: string, text: string) => {
      if (!failNext) return appendDurably(file, text);
      appendFileSync(file, text);
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    };
    let store = await openStore(dir, { append });
    const kept = promise();
    await store.update((d) => void d.promises.push(kept));
    await store.update((d) => void d.promises.push(promise()));
    failNext = true;
    const refused = promise();
    await expect(store.update((d) => void d.promises.push(refused))).rejects.toThrow(/EIO/);
    expect(store.find(refused.id)).toBeUndefined();
    await store.close();
    store = await openStore(dir);
    expect(store.find(refused.id)).toBeUndefined();
    expect(store.find(kept.id)).toBeDefined();
  });

  it('rewrite() leaves no earlier copy of a changed record in any store file', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const p = promise('call 13812345678');
    await store.update((d) => void d.promises.push(p));
    await store.update((d) => void d.promises.push(promise()));
    await store.update((d) => void (d.promises[1]!.note = 'other'));
    await store.rewrite((d) => void (d.promises[0]!.note = 'call 138****5678'));
    const onDisk = readFileSync(store.file, 'utf8') + readFileSync(journalOf(dir), 'utf8');
    expect(onDisk).not.toContain('13812345678');
    expect(onDisk).toContain('138****5678');
  });

  it('a journal grown past its limit is folded into promises.json by a write', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    await store.update((d) => void d.promises.push(promise()));
    const long = 'x'.repeat(4000);
    for (let i = 0; i < 300; i++) await store.update((d) => void (d.promises[0]!.note = `${long}${i}`));
    expect(statSync(journalOf(dir)).size).toBeLessThan(1.1 * 2 ** 20);
    // The snapshot was rewritten along the way: it no longer holds the first note.
    expect(JSON.parse(readFileSync(store.file, 'utf8')).promises[0].note).toMatch(/^x{4000}\d+$/);
  });
});
