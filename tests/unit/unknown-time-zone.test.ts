import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Router } from '../../src/core/router.js';
import type { Request } from '../../src/core/request.js';
import { leadDirectory } from '../helpers/platforms.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { textOf, botRouter } from '../helpers/router.js';

let bot: BotContext;
let router: Router;
beforeEach(async () => {
  bot = await botContext({ now: '2026-12-01T02:00:00Z', leadIds: ['ULEAD'] });
  router = botRouter(bot.context);
});
afterEach(() => bot.close());

const ask = (text: string, user: Partial<Request['user']> = {}) =>
  router.handle({ kind: 'command', platform: 'slack', command: 'promise', text, localeExplicit: false, user: { id: 'U1', locale: 'en', timeZone: 'Mars/Olympus_Mons', isLead: false, ...user } });

describe('a time zone the system does not know (a Slack profile zone ICU lacks)', () => {
  it('records the promise in the team zone and says so, instead of "something went wrong"', async () => {
    const reply = await ask('30m 4411 refund check');
    const text = textOf(reply);
    expect(text).not.toMatch(/went wrong/i);
    expect(text).toMatch(/recorded/i);
    expect(text).toContain('Mars/Olympus_Mons');
    const [record] = (await bot.promises.allOpen());
    expect(record?.timeZone).not.toBe('Mars/Olympus_Mons');
  });

  it('keeps /promise team working for leads and still reminds the owner', async () => {
    await ask('30m 4411 refund check');
    const team = await ask('team', { id: 'ULEAD', isLead: true, timeZone: 'Asia/Shanghai' });
    expect(textOf(team)).toContain('4411 refund check');
    const scheduler = new ReminderScheduler({
      desk: bot.promises,
      outbox: bot.outbox,
      leads: leadDirectory({ leadIds: ['ULEAD'], leadsChannels: [] }),
      clock: bot.clock,
      log: pino({ level: 'silent' }),
      timings: { remindBeforeMs: 10 * 60_000, escalateAfterMs: 5 * 60_000 },
      leadLocale: 'en',
      teamTimeZone: 'UTC',
    });
    scheduler.rebuild();
    bot.clock.advance(30 * 60_000);
    await scheduler.tick();
    expect(bot.outbox.sent.map((d) => d.reply.title)).toEqual([expect.stringContaining('is due now')]);
  });

  it('shows a promise stored with an unknown zone (by an older version) instead of failing the whole list', async () => {
    await ask('30m 4411 refund check', { timeZone: 'Asia/Shanghai' });
    const [record] = (await bot.promises.allOpen());
    await bot.fileStore.promiseStore.update(() => void (bot.fileStore.promiseStore.find(record!.id)!.timeZone = 'Mars/Olympus_Mons'));
    const team = await ask('team', { id: 'ULEAD', isLead: true, timeZone: 'Asia/Shanghai' });
    expect(textOf(team)).toContain('4411 refund check');
    expect(textOf(await ask('list', { timeZone: 'Asia/Shanghai' }))).toContain('4411 refund check');
  });
});
