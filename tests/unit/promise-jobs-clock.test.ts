import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/core/clock.js';
import { leadDirectory } from '../helpers/platforms.js';
import { privateReply } from '../../src/core/reply.js';
import { PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { startPromiseJobs } from '../../src/promises/promise-jobs.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';

/**
 * The running loop, on the system clock, while the wall clock steps (NTP, resume from suspend)
 * and the process's own timers keep counting real, monotonic time — as fake timers model it:
 * `vi.setSystemTime` moves Date without moving timers.
 */

/** Real time, captured before the timers are faked: a disk write takes milliseconds, not fake seconds. */
const realPause = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));
const realSetTimeout = globalThis.setTimeout;
const MIN = 60_000;
const HOUR = 60 * MIN;
const owner = { platform: 'slack' as const, userId: 'U1', name: 'amy', locale: 'en' as const };

let bot: BotContext;
let jobs: { stop(): void } | undefined;
let warnings: unknown[][];

beforeEach(async () => {
  bot = await botContext({ now: '2026-12-01T08:00:00Z' });
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
  const log = pino({ level: 'silent' });
  const scheduler = new ReminderScheduler({
    desk: bot.promises,
    outbox: bot.outbox,
    leads: leadDirectory({ leadIds: ['ULEAD'], leadsChannels: [] }),
    clock: systemClock,
    log,
    timings: { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN },
    leadLocale: 'en',
    teamTimeZone: 'UTC',
  });
  scheduler.rebuild();
  const pending = new PendingDeliveries({ desk: bot.promises, outbox: bot.outbox, clock: systemClock, log, digest: async () => privateReply('digest', []) });
  jobs = startPromiseJobs({ scheduler, pending, postDigest: async () => undefined, digestCron: '0 9 * * 1-5', timeZone: 'UTC', log });
});

afterEach(async () => {
  jobs?.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
  await bot.close();
});

const create = async (minutes: number) =>
  (await bot.promises.create({ owner, dueAt: new Date(Date.now() + minutes * MIN), note: `case ${minutes}`, timeZone: 'UTC' })).record;

const titles = () => bot.outbox.sent.map((d) => d.reply.title ?? '');

describe('the reminder loop when the wall clock steps', () => {
  it('keeps ticking after the clock steps back two hours: a reminder due seconds later goes out on time', async () => {
    await vi.advanceTimersByTimeAsync(3_000);
    vi.setSystemTime(Date.now() - 2 * HOUR);
    const p = (await bot.promises.create({ owner, dueAt: new Date(Date.now() + 10_000), note: 'case', timeZone: 'UTC' })).record;
    // Real time passes in one-second steps; the promise is due after ten of them. Each step gives
    // the disk real time, as a second does, so fake time does not run past a write in progress.
    for (let s = 0; s < 15; s++) {
      await vi.advanceTimersByTimeAsync(1000);
      await realPause(20);
    }
    await vi.waitFor(() => expect(titles()).toContain(`Promise ${p.id} is due now`), { timeout: 5_000, interval: 20 });
    expect(Date.now()).toBeLessThan(Date.parse(p.dueAt) + 60_000);
    expect(titles().filter((t) => t.includes(p.id))).toEqual([`Promise ${p.id} is due now`]);
  });

  it('after the clock steps six hours forward sends what fell due once, without a storm of warnings', async () => {
    const p = await create(30);
    await vi.advanceTimersByTimeAsync(3_000);
    vi.setSystemTime(Date.now() + 6 * HOUR);
    await vi.waitFor(() => expect(titles()).toContain(`Promise ${p.id} has lapsed`), { timeout: 5_000, interval: 20 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(titles().filter((t) => t.includes(p.id)).sort()).toEqual([`Promise ${p.id} has lapsed`, `Promise ${p.id} is due now`]);
    expect(warnings.length, String(warnings[0])).toBeLessThan(5);
  });
});
