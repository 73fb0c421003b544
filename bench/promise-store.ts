import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../src/core/clock.js';
import type { PromiseRecord, StoreData } from '../src/promises/model.js';
import { PromiseStore } from '../src/promises/promise-store.js';
import { FileBotStore } from '../src/db/file-bot-store.js';
import pino from 'pino';
import { JOURNAL_NAME } from '../src/promises/journaled-store-file.js';
import { percentile } from './stats.js';

const NOW = Date.parse('2026-11-22T09:00:00Z');
const DAY = 86_400_000;
const ARCHIVED = 100_000;
const ARCHIVE_MONTHS = ['2026-08', '2026-09', '2026-10'];
const OPEN_TYPICAL = 300;
const OPEN_LARGE = 10_000;
const RECENTLY_CLOSED = 200;
const CREATES = 300;
const WARM_UP = 20;
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const STARTUP_SCRIPT = new URL('./promise-store-startup.js', import.meta.url).pathname;

export interface PromiseStoreBench {
  archived: number;
  /** Durable create (update() pushing one promise) with OPEN_TYPICAL open promises. */
  createMedianMs: number;
  createP99Ms: number;
  createMaxMs: number;
  liveFileKb: number;
  /** The same with OPEN_LARGE open promises. */
  create10kMedianMs: number;
  create10kP99Ms: number;
  liveFile10kKb: number;
  /** The same through FileBotStore.createPromise (idempotent by requestKey, as /promise creates), OPEN_LARGE open. */
  botCreate10kMedianMs: number;
  botCreate10kP99Ms: number;
  /** 500 creates issued at once (they share a write or two: group commit), until all are durable. */
  burst500Ms: number;
  /** closedBetween() over one archived month (~33k promises). */
  closedMonthMs: number;
  closedMonthCount: number;
  /** A fresh process opening OPEN_LARGE open + ARCHIVED archived: PromiseStore.open() time and RSS after it. */
  startupMs: number;
  rssMb: number;
  peakRssMb: number;
  heapMb: number;
  startupPromises: number;
  archiveMb: number;
}

let serial = 0;
function nextId(): string {
  let n = serial++;
  let id = '';
  for (let i = 0; i < 7; i++, n = Math.floor(n / ALPHABET.length)) id = ALPHABET[n % ALPHABET.length] + id;
  return id;
}

const NOTES = ['4411 refund check', '客户 138****5678 要求今天回电，确认退款进度', 'parcel 731000123456789 stuck at depot, chase courier', '7731 账单重复扣费，核对后回复'];

/** A promise as the bot writes it: created, maybe renegotiated, reminders sent, closed or not. */
export function syntheticPromise(createdAtMs: number, closedAtMs?: number): PromiseRecord {
  const createdAt = new Date(createdAtMs).toISOString();
  const dueAt = new Date(createdAtMs + 2 * 3_600_000).toISOString();
  const user = `U0${(serial % 40).toString().padStart(8, '0')}`;
  const record: PromiseRecord = {
    id: nextId(),
    owner: { platform: serial % 3 ? 'slack' : 'discord', userId: user, name: `Agent ${serial % 40}` },
    createdAt,
    dueAt,
    timeZone: 'Asia/Shanghai',
    note: NOTES[serial % NOTES.length]!,
    status: 'open',
    reminders: { 'heads-up': { at: new Date(createdAtMs + 100 * 60_000).toISOString(), late: false, forDueAt: dueAt } },
    requestKey: `slack:trigger-${serial}`,
    history: [{ at: createdAt, by: user, event: 'created' }],
  };
  if (closedAtMs !== undefined) {
    const closedAt = new Date(closedAtMs).toISOString();
    Object.assign(record, { status: 'done', closedAt, keptOnTime: closedAt <= dueAt });
    record.history.push({ at: closedAt, by: user, event: 'done' });
  }
  return record;
}

async function writeArchive(dir: string): Promise<void> {
  const archiveDir = path.join(dir, 'archive');
  mkdirSync(archiveDir, { recursive: true });
  const perMonth = Math.ceil(ARCHIVED / ARCHIVE_MONTHS.length);
  for (const [m, month] of ARCHIVE_MONTHS.entries()) {
    const out = createWriteStream(path.join(archiveDir, `promises-${month}.jsonl`));
    const start = Date.parse(`${month}-01T00:00:00Z`);
    const count = Math.min(perMonth, ARCHIVED - m * perMonth);
    for (let i = 0; i < count; i++) {
      const closedAt = start + Math.floor((i / count) * 28 * DAY);
      const line = `${JSON.stringify(syntheticPromise(closedAt - 3_600_000, closedAt))}\n`;
      if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(r));
  }
}

function writeLive(dir: string, open: number): void {
  const promises = [
    ...Array.from({ length: open }, (_, i) => syntheticPromise(NOW - (i % 48) * 3_600_000)),
    ...Array.from({ length: RECENTLY_CLOSED }, (_, i) => syntheticPromise(NOW - DAY - i * 60_000, NOW - DAY + i * 60_000)),
  ];
  const data: StoreData = { version: 1, promises, people: {}, pending: [] };
  writeFileSync(path.join(dir, 'promises.json'), JSON.stringify(data));
  rmSync(path.join(dir, JOURNAL_NAME), { force: true }); // the previous phase's changes are not this store's
}

/** Sequential durable creates, as agents issue them; each also looks up its new id first, as the desk does. */
async function timeCreates(store: PromiseStore, clock: ManualClock): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + CREATES; i++) {
    clock.advance(1000);
    const record = syntheticPromise(clock.now().getTime());
    const start = performance.now();
    store.find(record.id);
    await store.update((data) => void data.promises.push(record));
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** The same through the BotStore port: createPromise checks the request key and the id, then pushes. */
async function timeBotCreates(store: FileBotStore, clock: ManualClock): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + CREATES; i++) {
    clock.advance(1000);
    const record = syntheticPromise(clock.now().getTime());
    const start = performance.now();
    const result = await store.createPromise(record);
    if (result.status !== 'created') throw new Error(`bench create: ${result.status}`);
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export async function benchPromiseStore(): Promise<PromiseStoreBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'frontline-bench-store-'));
  try {
    await writeArchive(dir);
    const archiveMb = ARCHIVE_MONTHS.reduce((sum, m) => sum + statSync(path.join(dir, 'archive', `promises-${m}.jsonl`)).size, 0) / 2 ** 20;

    writeLive(dir, OPEN_TYPICAL);
    global.gc?.(); // not the store's garbage
    const clock = new ManualClock(NOW);
    let store = await PromiseStore.open({ dir, clock });
    const typical = await timeCreates(store, clock);
    const liveFileKb = statSync(store.file).size / 1024;

    const burstStart = performance.now();
    await Promise.all(Array.from({ length: 500 }, () => store.update((data) => void data.promises.push(syntheticPromise(clock.now().getTime())))));
    const burst500Ms = performance.now() - burstStart;

    const monthStart = performance.now();
    const month = await store.closedBetween(new Date('2026-09-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'));
    const closedMonthMs = performance.now() - monthStart;
    await store.close();

    writeLive(dir, OPEN_LARGE);
    store = await PromiseStore.open({ dir, clock });
    const large = await timeCreates(store, clock);
    const liveFile10kKb = statSync(store.file).size / 1024;
    await store.close();

    writeLive(dir, OPEN_LARGE);
    const botStore = await FileBotStore.open({ dataDir: dir, clock, timings: { remindBeforeMs: 600_000, escalateAfterMs: 300_000 }, log: pino({ level: 'silent' }) });
    const botLarge = await timeBotCreates(botStore, clock);
    await botStore.close();

    writeLive(dir, OPEN_LARGE);
    const startupArgs = ['--expose-gc', STARTUP_SCRIPT, dir, new Date(NOW).toISOString()];
    const startup = JSON.parse(execFileSync(process.execPath, startupArgs, { encoding: 'utf8' })) as Record<'openMs' | 'rssMb' | 'peakRssMb' | 'heapMb' | 'promises', number>;

    return {
      archived: ARCHIVED,
      createMedianMs: round(percentile(typical, 50)),
      createP99Ms: round(percentile(typical, 99)),
      createMaxMs: round(typical[typical.length - 1]!),
      liveFileKb: round(liveFileKb, 0),
      create10kMedianMs: round(percentile(large, 50)),
      create10kP99Ms: round(percentile(large, 99)),
      liveFile10kKb: round(liveFile10kKb, 0),
      botCreate10kMedianMs: round(percentile(botLarge, 50)),
      botCreate10kP99Ms: round(percentile(botLarge, 99)),
      burst500Ms: round(burst500Ms),
      closedMonthMs: round(closedMonthMs, 0),
      closedMonthCount: month.length,
      startupMs: round(startup.openMs, 0),
      rssMb: round(startup.rssMb, 0),
      peakRssMb: round(startup.peakRssMb, 0),
      heapMb: round(startup.heapMb, 0),
      startupPromises: startup.promises,
      archiveMb: round(archiveMb, 1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
