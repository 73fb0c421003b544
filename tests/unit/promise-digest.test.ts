import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/promises/desk.js';
import { digestFigures, digestReply } from '../../src/promises/digest.js';
import { PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { textOf, botRouter } from '../helpers/router.js';

const MIN = 60_000;
const amy = { platform: 'slack' as const, userId: 'U1', name: 'amy', locale: 'en' as const };
const amyActs: Actor = { platform: 'slack', userId: 'U1', isLead: false };
let bot: BotContext;

const make = (minutesFromNow: number, note = 'n') =>
  bot.promises.create({ owner: amy, dueAt: new Date(bot.clock.now().getTime() + minutesFromNow * MIN), note, timeZone: 'Asia/Shanghai' });

beforeEach(async () => {
  // 2026-11-30 09:00 in Shanghai
  bot = await botContext({ now: '2026-11-30T01:00:00Z' });
});

afterEach(async () => {
  await bot.close();
});

describe('shift-start digest', () => {
  it('counts open, due this shift, overdue, and yesterday\'s kept-on-time rate in the team zone', async () => {
    // Yesterday (the 30th, Shanghai): one kept, one late.
    const kept = (await make(60)).record;
    const late = (await make(90)).record;
    bot.clock.advance(30 * MIN);
    await bot.promises.done(kept.id, amyActs);
    bot.clock.advance(120 * MIN);
    await bot.promises.done(late.id, amyActs);
    // Next morning, 08:00 on the 1st in Shanghai.
    bot.clock.set('2026-12-01T00:00:00Z');
    await make(-30); // made earlier, already overdue
    bot.clock.set('2026-12-01T00:00:00Z');
    await make(120);
    await make(60 * 12);
    const figures = await digestFigures(bot.promises, bot.clock.now(), 'Asia/Shanghai');
    expect(figures).toEqual({ open: 3, dueThisShift: 1, overdue: 1, yesterday: { kept: 1, late: 1 } });
    const text = textOf(digestReply(figures, 'en'));
    expect(text).toContain('Open: 3');
    expect(text).toContain('Overdue: 1');
    expect(text).toContain('Yesterday kept on time: 50% (1 of 2)');
  });
});

describe('pending deliveries', () => {
  it('retries a handoff notice that failed until it is delivered, then forgets it', async () => {
    const { record } = await make(60, '4411 refund');
    bot.outbox.failing = 2;
    const sent = await bot.promises.notify({ kind: 'handoff', promiseId: record.id, from: 'amy', to: { platform: 'slack', userId: 'U9' } }, digestReply({ open: 0, dueThisShift: 0, overdue: 0, yesterday: { kept: 0, late: 0 } }, 'en'), bot.outbox);
    expect(sent).toBe(false);
    const pending = new PendingDeliveries({ desk: bot.promises, outbox: bot.outbox, clock: bot.clock, log: pino({ level: 'silent' }), digest: async () => ({ blocks: [], private: false }) });
    await pending.retryDue();
    expect(bot.outbox.sent).toHaveLength(0); // not yet time
    bot.clock.advance(20_000);
    await pending.retryDue(); // fails again: kept, later attempt
    expect((await bot.promises.pendingDeliveries())[0]!.attempts).toBe(2);
    bot.clock.advance(10 * MIN);
    await pending.retryDue();
    expect(bot.outbox.sent.map((d) => d.to)).toEqual([{ platform: 'slack', userId: 'U9' }]);
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain('4411 refund');
    expect((await bot.promises.pendingDeliveries())).toEqual([]);
  });
});

describe('start page (Slack App Home)', () => {
  it('lists my open promises; a lead sees the team\'s', async () => {
    await make(30, '1111 mine');
    await bot.promises.create({ owner: { platform: 'slack', userId: 'U2', name: 'ben' }, dueAt: new Date(bot.clock.now().getTime() + 45 * MIN), note: '2222 bens', timeZone: 'UTC' });
    const router = botRouter(bot.context);
    const mine = textOf(await router.home({ id: 'U1', locale: 'en', isLead: false }, 'slack'));
    expect(mine).toContain('My open promises');
    expect(mine).toContain('1111 mine');
    expect(mine).not.toContain('2222 bens');
    const team = textOf(await router.home({ id: 'U7', locale: 'en', isLead: true }, 'slack'));
    expect(team).toContain('Team open promises');
    expect(team).toContain('ben · ');
    expect(team).toContain('1111 mine');
  });
});
