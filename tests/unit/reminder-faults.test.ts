import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadDirectory } from '../helpers/platforms.js';
import { PromiseDesk } from '../../src/promises/desk.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { retryDelayMs } from '../../src/promises/retry-delay.js';
import { writeFileDurably } from '../../src/store/durable-json-file.js';
import { appendDurably } from '../../src/store/journal-file.js';
import { botContext, RecordingOutbox, type BotContext } from '../helpers/bot-context.js';

const MIN = 60_000;
const owner = { platform: 'slack' as const, userId: 'U1', name: 'amy', locale: 'en' as const };

/** A disk that can be filled up and emptied again while the bot runs. */
class Disk {
  full = false;
  /** Writes that go through before the disk fills (to fail exactly the write after a delivery). */
  fillAfterWrites: number | undefined;
  write = async (file: string, text: string): Promise<void> => {
    this.#use(file);
    await writeFileDurably(file, text);
  };
  append = async (file: string, text: string): Promise<void> => {
    this.#use(file);
    await appendDurably(file, text);
  };
  #use(file: string): void {
    if (this.fillAfterWrites !== undefined && this.fillAfterWrites-- <= 0) this.full = true;
    if (this.full) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC' });
  }
}

let bot: BotContext;
let disk: Disk;
let desks: PromiseDesk[];
const errors: string[] = [];

function schedulerFor(desk: PromiseDesk, outbox: RecordingOutbox): ReminderScheduler {
  const log = pino({ level: 'warn' }, { write: (line: string) => void errors.push(line) });
  const s = new ReminderScheduler({
    desk,
    outbox,
    leads: leadDirectory({ leadIds: ['ULEAD'], leadsChannels: [] }),
    clock: bot.clock,
    log,
    timings: { remindBeforeMs: 10 * MIN, escalateAfterMs: 60 * MIN },
    leadLocale: 'en',
    teamTimeZone: 'UTC',
  });
  s.rebuild();
  return s;
}

async function restart(): Promise<{ desk: PromiseDesk; outbox: RecordingOutbox; scheduler: ReminderScheduler }> {
  await Promise.all(desks.map((d) => d.close()));
  const desk = await PromiseDesk.open({ dataDir: bot.dataDir, clock: bot.clock });
  desks = [desk];
  const outbox = new RecordingOutbox();
  return { desk, outbox, scheduler: schedulerFor(desk, outbox) };
}

const dueTitles = (outbox: RecordingOutbox) => outbox.sent.map((d) => d.reply.title).filter((t) => t?.includes('due now'));

beforeEach(async () => {
  disk = new Disk();
  errors.length = 0;
  bot = await botContext({ now: '2026-12-01T08:00:00Z', write: disk.write, append: disk.append });
  desks = [bot.promises];
});
afterEach(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await bot.calm.close();
});

describe('reminders when the disk is full or read-only', () => {
  it('does not send while the intent cannot be recorded, keeps running, and sends once when the disk recovers', async () => {
    const { record } = await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
    const scheduler = schedulerFor(bot.promises, bot.outbox);
    disk.full = true;
    bot.clock.advance(5 * MIN);
    await expect(scheduler.tick()).resolves.toBeUndefined();
    expect(dueTitles(bot.outbox)).toEqual([]);
    expect(errors.join('')).toContain('the promise store cannot be written');

    disk.full = false;
    for (let i = 0; i < 10; i++) {
      bot.clock.advance(MIN);
      await scheduler.tick();
    }
    expect(dueTitles(bot.outbox)).toEqual([`Promise ${record.id} is due now`]);

    const after = await restart();
    await after.scheduler.tick();
    expect(dueTitles(after.outbox)).toEqual([]);
  });

  it('never sends a reminder twice when the disk fills between sending and confirming, even after a restart', async () => {
    const { record } = await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
    const scheduler = schedulerFor(bot.promises, bot.outbox);
    disk.fillAfterWrites = 1; // the intent is written, the confirmation after the delivery is not
    bot.clock.advance(5 * MIN);
    await scheduler.tick();
    expect(dueTitles(bot.outbox)).toEqual([`Promise ${record.id} is due now`]);
    for (let i = 0; i < 5; i++) {
      bot.clock.advance(MIN);
      await scheduler.tick();
    }
    expect(dueTitles(bot.outbox)).toHaveLength(1);

    disk.full = false;
    disk.fillAfterWrites = undefined;
    const after = await restart();
    await after.scheduler.tick();
    expect(dueTitles(after.outbox)).toEqual([]);
  });

  it('takes the intent back when the delivery fails, so a restart still sends it after the retry delay', async () => {
    const { record } = await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
    const scheduler = schedulerFor(bot.promises, bot.outbox);
    bot.outbox.failing = 1;
    bot.clock.advance(5 * MIN);
    await scheduler.tick();
    expect(dueTitles(bot.outbox)).toEqual([]);
    // Not in flight: waiting for its next try, which a restart reads from the record.
    const waiting = (await bot.promises.find(record.id))!.reminders.due;
    expect([waiting?.attempts, waiting?.nextAttemptAt, waiting?.inFlight]).toEqual([1, new Date(bot.clock.now().getTime() + retryDelayMs(1)).toISOString(), undefined]);

    const after = await restart();
    await after.scheduler.tick();
    expect(dueTitles(after.outbox)).toEqual([]);
    bot.clock.advance(retryDelayMs(1));
    await after.scheduler.tick();
    expect(dueTitles(after.outbox)).toEqual([`Promise ${record.id} is due now`]);
  });

  it('backs off by failures: each retry of a failing delivery waits retryDelayMs of the failures so far', async () => {
    const { record } = await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
    const scheduler = schedulerFor(bot.promises, bot.outbox);
    bot.outbox.failing = 3;
    bot.clock.advance(5 * MIN);
    const tries: number[] = [];
    const start = bot.clock.now().getTime();
    for (let waited = 0; waited <= 2 * MIN; waited += 1000) {
      const failingBefore = bot.outbox.failing;
      const sentBefore = bot.outbox.sent.length;
      await scheduler.tick();
      if (bot.outbox.failing < failingBefore || bot.outbox.sent.length > sentBefore) tries.push(bot.clock.now().getTime() - start);
      bot.clock.advance(1000);
    }
    // Failed at 0, 15 s and 45 s (15 s, then 30 s later); sent at 105 s (60 s later).
    expect(tries).toEqual([0, retryDelayMs(1), retryDelayMs(1) + retryDelayMs(2), retryDelayMs(1) + retryDelayMs(2) + retryDelayMs(3)]);
    expect(dueTitles(bot.outbox)).toEqual([`Promise ${record.id} is due now`]);
    expect((await bot.promises.find(record.id))!.reminders.due).toEqual({ at: expect.any(String), late: true, forDueAt: record.dueAt });
  });

  it('retries a failed delivery while running even when taking the intent back also failed, and sends it once', async () => {
    const { record } = await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
    const scheduler = schedulerFor(bot.promises, bot.outbox);
    bot.outbox.failing = 1;
    disk.fillAfterWrites = 1;
    bot.clock.advance(5 * MIN);
    await scheduler.tick();
    disk.full = false;
    disk.fillAfterWrites = undefined;
    for (let i = 0; i < 5; i++) {
      bot.clock.advance(MIN);
      await scheduler.tick();
    }
    expect(dueTitles(bot.outbox)).toEqual([`Promise ${record.id} is due now`]);
    expect((await bot.promises.find(record.id))!.reminders.due).toMatchObject({ forDueAt: record.dueAt });
    expect((await bot.promises.find(record.id))!.reminders.due?.inFlight).toBeUndefined();
  });
});
