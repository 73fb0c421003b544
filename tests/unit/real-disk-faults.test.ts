import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { leadDirectory } from '../helpers/platforms.js';
import { PromiseDesk } from '../../src/promises/desk.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { RecordingOutbox } from '../helpers/bot-context.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The same faults as reminder-faults.test.ts, on a real file system instead of an injected
 * writer: a small tmpfs that fills up (ENOSPC) and is remounted read-only (EROFS). Needs root
 * (mount); where mounting is not permitted the suite says so and is skipped — the injected-writer
 * tests still cover the logic there.
 */

const MIN = 60_000;
const owner = { platform: 'slack' as const, userId: 'U1', name: 'amy', locale: 'en' as const };

function canMount(): boolean {
  const probe = tempDir('tmpfs-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const mountable = canMount();

let mountPoint: string;
let dataDir: string;
let clock: ManualClock;
let desks: PromiseDesk[];
let errors: string[];

beforeEach(() => {
  if (!mountable) return;
  mountPoint = tempDir('tmpfs-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]);
  dataDir = path.join(mountPoint, 'data');
  mkdirSync(dataDir);
  clock = new ManualClock('2026-12-01T08:00:00Z');
  desks = [];
  errors = [];
});
afterEach(async () => {
  if (!mountable) return;
  await Promise.all(desks.map((d) => d.close().catch(() => undefined)));
  execFileSync('umount', ['-l', mountPoint]);
});

async function open(): Promise<{ desk: PromiseDesk; outbox: RecordingOutbox; scheduler: ReminderScheduler }> {
  const desk = await PromiseDesk.open({ dataDir, clock });
  desks.push(desk);
  const outbox = new RecordingOutbox();
  const scheduler = new ReminderScheduler({
    desk,
    outbox,
    leads: leadDirectory({ leadIds: ['ULEAD'], leadsChannels: [] }),
    clock,
    log: pino({ level: 'warn' }, { write: (line: string) => void errors.push(line) }),
    timings: { remindBeforeMs: 10 * MIN, escalateAfterMs: 60 * MIN },
    leadLocale: 'en',
    teamTimeZone: 'UTC',
  });
  scheduler.rebuild();
  return { desk, outbox, scheduler };
}

/** Writes filler until the tmpfs has no room left. */
function fillDisk(): string {
  const filler = path.join(mountPoint, 'filler');
  const chunk = Buffer.alloc(4096, 120);
  try {
    for (let i = 0; i < 1000; i++) writeFileSync(filler, chunk, { flag: 'a' });
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
  return filler;
}

const dueTitles = (outbox: RecordingOutbox) => outbox.sent.map((d) => d.reply.title).filter((t) => t?.includes('due now'));

describe.skipIf(!mountable)('reminders on a real disk that fills up or turns read-only (tmpfs)', () => {
  it('disk full when a reminder falls due: nothing sent, no crash, sent once after space is freed, not again after a restart', async () => {
    const { desk, outbox, scheduler } = await open();
    const { record } = await desk.create({ owner, dueAt: new Date(clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
    const before = readFileSync(path.join(dataDir, 'promises.json'), 'utf8');
    const filler = fillDisk();
    clock.advance(5 * MIN);
    await expect(scheduler.tick()).resolves.toBeUndefined();
    expect(dueTitles(outbox)).toEqual([]);
    expect(errors.join('')).toMatch(/ENOSPC/);
    // The last good file is untouched and no temp file is left taking space.
    expect(readFileSync(path.join(dataDir, 'promises.json'), 'utf8')).toBe(before);

    rmSync(filler);
    for (let i = 0; i < 10; i++) {
      clock.advance(MIN);
      await scheduler.tick();
    }
    expect(dueTitles(outbox)).toEqual([`Promise ${record.id} is due now`]);

    await desk.close();
    const after = await open();
    await after.scheduler.tick();
    expect(dueTitles(after.outbox)).toEqual([]);
  });

  it('read-only file system when a reminder falls due: nothing sent, no crash, sent once when writable again', async () => {
    const { desk, outbox, scheduler } = await open();
    const { record } = await desk.create({ owner, dueAt: new Date(clock.now().getTime() + 5 * MIN), note: '4412 refund', timeZone: 'UTC' });
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    clock.advance(5 * MIN);
    await expect(scheduler.tick()).resolves.toBeUndefined();
    expect(dueTitles(outbox)).toEqual([]);
    expect(errors.join('')).toMatch(/EROFS|read-only/);

    execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    for (let i = 0; i < 10; i++) {
      clock.advance(MIN);
      await scheduler.tick();
    }
    expect(dueTitles(outbox)).toEqual([`Promise ${record.id} is due now`]);
    await desk.close();
    const after = await open();
    await after.scheduler.tick();
    expect(dueTitles(after.outbox)).toEqual([]);
  });
});
