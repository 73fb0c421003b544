import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import type { Router } from '../../src/core/router.js';
import { GIVE_UP_AFTER_MS, PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { textOf, botRouter } from '../helpers/router.js';
import { typedOn } from '../helpers/platforms.js';

let bot: BotContext;
let router: Router;
beforeEach(async () => {
  bot = await botContext({ now: '2026-12-01T02:00:00Z' });
  router = botRouter(bot.context);
});
afterEach(() => bot.close());

const ask = (text: string): Promise<Reply> =>
  router.handle({ kind: 'command', platform: 'slack', command: 'promise', ...typedOn('slack', text), localeExplicit: false, user: { id: 'U1', name: 'amy', locale: 'en', timeZone: 'UTC', isLead: false } });
const idOf = (reply: Reply) => /Promise ([2-9A-Z]{5}) recorded/.exec(reply.title ?? '')![1]!;

describe('/promise handoff says what really happened', () => {
  it('refuses a colleague the platform does not have, and the promise stays with its owner', async () => {
    const id = idOf(await ask('30m 1111 refund'));
    bot.outbox.unknownPeople.add('UGHOST');
    const reply = textOf(await ask(`handoff ${id} <@UGHOST>`));
    expect(reply).toContain('nothing was handed over');
    expect(reply).not.toMatch(/have been told/);
    expect((await bot.promises.find(id))!.owner.userId).toBe('U1');
    expect((await bot.promises.pendingDeliveries())).toEqual([]);
  });

  it('says "not told yet" when the notice could not be delivered, never "they have been told"', async () => {
    const id = idOf(await ask('30m 1111 refund'));
    bot.outbox.failing = 1;
    const reply = textOf(await ask(`handoff ${id} <@U9>`));
    expect(reply).toContain('I could not tell them yet');
    expect(reply).not.toMatch(/have been told/);
  });

  it('gives up after a day of failed retries and tells the sender, instead of retrying for ever', async () => {
    const id = idOf(await ask('30m 1111 refund'));
    bot.outbox.failing = 1;
    await ask(`handoff ${id} <@U9>`);
    const pending = new PendingDeliveries({ desk: bot.promises, outbox: bot.outbox, clock: bot.clock, log: pino({ level: 'silent' }), digest: async () => ({ private: false, blocks: [] }) });
    bot.outbox.failing = 10_000;
    for (let t = 0; t < GIVE_UP_AFTER_MS; t += 20 * 60_000) {
      bot.clock.advance(20 * 60_000);
      await pending.retryDue();
    }
    expect((await bot.promises.pendingDeliveries())).toHaveLength(1);
    bot.outbox.failing = 0;
    bot.clock.advance(60 * 60_000);
    // Delivering works again, but the day is over: the sender hears it, and retries stop.
    await pending.retryDue();
    expect((await bot.promises.pendingDeliveries())).toEqual([]);
    expect(bot.outbox.sent.map((d) => d.to)).toEqual([{ platform: 'slack', userId: 'U1' }]);
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain(`promise ${id} is now theirs`);
  });
});
