import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadDirectory } from '../helpers/platforms.js';
import { PromiseDesk, type Actor } from '../../src/promises/desk.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { botContext, RecordingOutbox, type BotContext } from '../helpers/bot-context.js';
import { textOf } from '../helpers/router.js';

const MIN = 60_000;
const owner = { platform: 'slack' as const, userId: 'U1', name: 'amy', locale: 'en' as const };
const amy: Actor = { platform: 'slack', userId: 'U1', isLead: false };

let bot: BotContext;
let scheduler: ReminderScheduler;
let lateness: number[];

function schedulerFor(desk: PromiseDesk, outbox: RecordingOutbox, leads = leadDirectory({ leadIds: ['ULEAD'], leadsChannels: [] })) {
  const s = new ReminderScheduler({
    desk,
    outbox,
    leads,
    clock: bot.clock,
    log: pino({ level: 'silent' }),
    timings: { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN },
    leadLocale: 'en',
    teamTimeZone: 'UTC',
    onSent: (ms) => lateness.push(ms),
  });
  s.rebuild();
  return s;
}

async function promiseIn(minutes: number, note = '4411 refund check') {
  const { record } = await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + minutes * MIN), note, timeZone: 'UTC' });
  return record;
}

/** Moves the clock minute by minute, ticking like the cron job does. */
async function runFor(minutes: number) {
  for (let i = 0; i < minutes; i++) {
    bot.clock.advance(MIN);
    await scheduler.tick();
  }
}

const titles = () => bot.outbox.sent.map((d) => `${'userId' in d.to ? d.to.userId : d.to.channel}: ${d.reply.title}`);

beforeEach(async () => {
  bot = await botContext({ now: '2026-12-01T08:00:00Z' });
  lateness = [];
  scheduler = schedulerFor(bot.promises, bot.outbox);
});

afterEach(async () => {
  await bot.close();
});

describe('ReminderScheduler', () => {
  it('sends the heads-up, the due reminder and one escalation, each once, at their times', async () => {
    const p = await promiseIn(30);
    await runFor(19);
    expect(titles()).toEqual([]);
    await runFor(1);
    expect(titles()).toEqual([`U1: Promise ${p.id} is due in 10 min`]);
    await runFor(10);
    expect(titles().at(-1)).toBe(`U1: Promise ${p.id} is due now`);
    await runFor(5);
    expect(titles().at(-1)).toBe(`ULEAD: Promise ${p.id} has lapsed`);
    await runFor(60);
    expect(titles()).toHaveLength(3);
    expect(lateness.every((ms) => ms < MIN)).toBe(true);
  });

  it('puts Done, Renegotiated, Hand off and Snooze on every owner reminder', async () => {
    const p = await promiseIn(30);
    await runFor(20);
    const actions = bot.outbox.sent[0]!.reply.blocks.find((b) => b.type === 'actions');
    expect(actions && 'actions' in actions ? actions.actions.map((a) => `${a.id}:${a.value}`) : []).toEqual([
      `done:${p.id}`, `renegotiate:${p.id}`, `handoff:${p.id}`, `snooze:${p.id}`,
    ]);
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain('4411 refund check');
  });

  it('tells the owner at the due time to reply even without a result', async () => {
    await promiseIn(5);
    await runFor(5);
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain('If there is no result yet, tell the customer why and when');
  });

  it('skips the heads-up when the promise is made inside the heads-up window', async () => {
    const p = await promiseIn(5);
    await runFor(5);
    expect(titles()).toEqual([`U1: Promise ${p.id} is due now`]);
  });

  it('sends nothing more once the promise is done', async () => {
    const p = await promiseIn(30);
    await runFor(20);
    await bot.promises.done(p.id, amy);
    await runFor(30);
    expect(titles()).toHaveLength(1);
  });

  it('starts reminders afresh after a renegotiation, for the new time only', async () => {
    const p = await promiseIn(15);
    await runFor(5);
    expect(titles()).toHaveLength(1);
    await bot.promises.renegotiate(p.id, amy, new Date(bot.clock.now().getTime() + 60 * MIN));
    await runFor(49);
    expect(titles()).toHaveLength(1);
    await runFor(1);
    expect(titles().at(-1)).toBe(`U1: Promise ${p.id} is due in 10 min`);
  });

  it('repeats a snoozed reminder once, without moving the due time', async () => {
    const p = await promiseIn(20);
    await runFor(10);
    await bot.promises.snooze(p.id, amy, new Date(bot.clock.now().getTime() + 3 * MIN));
    await runFor(3);
    expect(titles().at(-1)).toBe(`U1: Reminder: promise ${p.id}`);
    expect((await bot.promises.find(p.id))!.dueAt).toBe(p.dueAt);
    await runFor(3);
    expect(titles().filter((t) => t.includes('Reminder:'))).toHaveLength(1);
  });

  it('sends a re-planned reminder once and records it as sent, not superseded', async () => {
    const p = await promiseIn(30);
    await bot.promises.handoff(p.id, amy, { platform: 'slack', userId: 'U2', locale: 'en' });
    await runFor(20);
    expect(titles()).toEqual([`U2: Promise ${p.id} is due in 10 min`]);
    expect((await bot.promises.find(p.id))!.reminders['heads-up']).not.toHaveProperty('superseded');
  });

  it('folds a snooze that ends at the due time into the due reminder', async () => {
    const p = await promiseIn(20);
    await runFor(10);
    await bot.promises.snooze(p.id, amy, new Date(p.dueAt));
    await runFor(10);
    expect(titles().slice(1)).toEqual([`U1: Promise ${p.id} is due now`]);
    expect((await bot.promises.find(p.id))!.snoozedUntil).toBeUndefined();
  });

  it('retries a delivery that failed, and delivers it once', async () => {
    await promiseIn(5);
    bot.outbox.failing = 2;
    await runFor(5);
    expect(titles()).toEqual([]);
    await runFor(3);
    expect(titles()).toHaveLength(1);
    await runFor(1);
    expect(titles()).toHaveLength(1);
  });

  it('posts escalations to the leads channel when there is one', async () => {
    scheduler = schedulerFor(bot.promises, bot.outbox, leadDirectory({ leadIds: ['ULEAD'], leadsChannels: ['C0LEADS'] }));
    await promiseIn(1);
    await runFor(6);
    expect(titles().filter((t) => t.includes('lapsed'))).toEqual([expect.stringMatching(/^C0LEADS: /)]);
  });

  it('after a restart sends what fell due while down, once, marked late, and no stale heads-up', async () => {
    const p = await promiseIn(30);
    await bot.promises.close();
    bot.clock.advance(33 * MIN); // down from 08:00 to 08:33: heads-up and due time both passed
    const reopened = await PromiseDesk.open({ dataDir: bot.dataDir, clock: bot.clock });
    const outbox = new RecordingOutbox();
    scheduler = schedulerFor(reopened, outbox);
    await scheduler.tick();
    expect(outbox.sent.map((d) => d.reply.title)).toEqual([`Promise ${p.id} is due now`]);
    expect(textOf(outbox.sent[0]!.reply)).toContain('Sent late');
    expect((await reopened.find(p.id))!.reminders['heads-up']).toMatchObject({ superseded: true });
    await reopened.close();

    const again = await PromiseDesk.open({ dataDir: bot.dataDir, clock: bot.clock });
    const secondOutbox = new RecordingOutbox();
    scheduler = schedulerFor(again, secondOutbox);
    await scheduler.tick();
    expect(secondOutbox.sent).toEqual([]);
    bot.clock.advance(3 * MIN);
    await scheduler.tick();
    expect(secondOutbox.sent.map((d) => d.reply.title)).toEqual([`Promise ${p.id} has lapsed`]);
    bot.promises = again;
  });

  it('sends 1,000 reminders due in the same minute within the tick', async () => {
    // Made together, as a busy team would: the store commits them in a few grouped writes.
    await Promise.all(Array.from({ length: 1000 }, (_, i) => promiseIn(5, `customer ${i}`)));
    bot.clock.advance(5 * MIN);
    await scheduler.tick();
    expect(bot.outbox.sent).toHaveLength(1000);
    expect(new Set(bot.outbox.sent.map((d) => d.reply.title)).size).toBe(1000);
  });
});
