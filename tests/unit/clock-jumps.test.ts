import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadDirectory } from '../helpers/platforms.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';

/**
 * The wall clock is not monotonic: after a suspend or an NTP step it jumps hours forward, and
 * sometimes back. Reminders must still go out once each: no storm after a forward jump, nothing
 * sent again after a backward one, nothing lost.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const owner = { platform: 'slack' as const, userId: 'U1', name: 'amy', locale: 'en' as const };

let bot: BotContext;
let scheduler: ReminderScheduler;

beforeEach(async () => {
  bot = await botContext({ now: '2026-12-01T08:00:00Z' });
  scheduler = new ReminderScheduler({
    desk: bot.promises,
    outbox: bot.outbox,
    leads: leadDirectory({ leadIds: ['ULEAD'], leadsChannels: [] }),
    clock: bot.clock,
    log: pino({ level: 'silent' }),
    timings: { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN },
    leadLocale: 'en',
    teamTimeZone: 'UTC',
  });
  scheduler.rebuild();
});
afterEach(async () => {
  scheduler.stop();
  await bot.close();
});

const promiseIn = async (minutes: number) =>
  (await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + minutes * MIN), note: `case ${minutes}`, timeZone: 'UTC' })).record;

/** Every message sent so far, as "recipient: title". */
const sent = () => bot.outbox.sent.map((d) => `${'userId' in d.to ? d.to.userId : d.to.channel}: ${d.reply.title}`);

/** The once-a-second loop, sampled every 15 s of wall time, with overlapping calls as a busy loop makes them. */
async function runFor(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 15_000) {
    bot.clock.advance(15_000);
    await Promise.all([scheduler.tick(), scheduler.tick()]);
  }
}

describe('wall clock jumps', () => {
  it('a forward jump of six hours sends each due reminder once (late) and each escalation once, no heads-up storm', async () => {
    const promises = [await promiseIn(20), await promiseIn(40), await promiseIn(60), await promiseIn(90)];
    await runFor(10 * MIN);
    expect(sent()).toEqual([`U1: Promise ${promises[0]!.id} is due in 10 min`]);

    bot.clock.advance(6 * HOUR);
    await Promise.all([scheduler.tick(), scheduler.tick(), scheduler.tick()]);
    await runFor(30 * MIN);

    for (const p of promises) {
      const about = sent().filter((line) => line.includes(p.id));
      expect(about.filter((line) => line.startsWith('U1:') && line.includes('due now')), about.join('\n')).toHaveLength(1);
      expect(about.filter((line) => line.startsWith('ULEAD:')), about.join('\n')).toHaveLength(1);
      expect(about.filter((line) => line.includes('due in 10 min')).length).toBeLessThanOrEqual(1);
      const record = (await bot.promises.find(p.id))!;
      expect(record.reminders.due?.late).toBe(true);
      expect(record.reminders.escalation).toBeDefined();
    }
    // Four due reminders, four escalations and the one heads-up sent before the jump: nothing else.
    expect(sent()).toHaveLength(9);
  });

  it('a backward jump does not resend reminders already sent, even when the clock passes their times again', async () => {
    const p = await promiseIn(20);
    await runFor(30 * MIN);
    expect(sent()).toEqual([`U1: Promise ${p.id} is due in 10 min`, `U1: Promise ${p.id} is due now`, `ULEAD: Promise ${p.id} has lapsed`]);

    bot.clock.advance(-3 * HOUR);
    await runFor(4 * HOUR);
    expect(sent()).toHaveLength(3);
  });

  it('a backward jump between the heads-up and the due time loses nothing and repeats nothing', async () => {
    const p = await promiseIn(20);
    await runFor(12 * MIN);
    expect(sent()).toEqual([`U1: Promise ${p.id} is due in 10 min`]);

    bot.clock.advance(-2 * HOUR);
    // Two hours pass on the stepped-back clock before the due time comes round again.
    await runFor(2 * HOUR);
    expect(sent()).toEqual([`U1: Promise ${p.id} is due in 10 min`]);
    await runFor(20 * MIN);
    expect(sent()).toEqual([`U1: Promise ${p.id} is due in 10 min`, `U1: Promise ${p.id} is due now`, `ULEAD: Promise ${p.id} has lapsed`]);
  });

  it('a jump back and forth after a restart still sends nothing twice', async () => {
    const p = await promiseIn(20);
    await runFor(22 * MIN);
    expect(sent()).toHaveLength(2);
    bot.clock.advance(-1 * HOUR);
    scheduler.rebuild();
    await runFor(30 * MIN);
    expect(sent()).toHaveLength(2);
    bot.clock.advance(5 * HOUR);
    scheduler.rebuild();
    await runFor(10 * MIN);
    expect(sent()).toEqual([`U1: Promise ${p.id} is due in 10 min`, `U1: Promise ${p.id} is due now`, `ULEAD: Promise ${p.id} has lapsed`]);
  });
});
