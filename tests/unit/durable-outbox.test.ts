import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { leadNoteFor } from '../../commands/calm-replies.js';
import type { ChannelTarget, Outbox, Recipient, SentMessage } from '../../src/core/outbox.js';
import type { Reply } from '../../src/core/reply.js';
import { GIVE_UP_AFTER_MS, PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { retryDelayMs } from '../../src/promises/retry-delay.js';
import type { BotContext } from '../helpers/bot-context.js';
import { calmBot, type CalmBot } from '../helpers/calm-bot.js';
import { typedOn } from '../helpers/platforms.js';
import { botRouter, textOf } from '../helpers/router.js';
import { checkingOutbox } from '../helpers/checking-outbox.js';

const log = pino({ level: 'silent' });
const bots: BotContext[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});

async function setUp(options: Parameters<typeof calmBot>[0] = {}): Promise<CalmBot> {
  const bot = await calmBot({ leadIds: ['ULEAD1'], ...options });
  bots.push(bot);
  return bot;
}

/** The retry pass main.ts runs, delivering through the bot's recording outbox (which can say what it already has, as platforms do). */
function retryPass(bot: BotContext): PendingDeliveries {
  return new PendingDeliveries({ desk: bot.promises, outbox: checkingOutbox(bot.outbox), clock: bot.clock, log, digest: async () => ({ private: false, blocks: [] }), render: { leadNote: leadNoteFor } });
}

/** A platform call that never comes back: the process is taken to have died while sending. */
class StalledOutbox implements Outbox {
  calls = 0;
  sendDirect(_to: Recipient, _reply: Reply): Promise<SentMessage> {
    this.calls++;
    return new Promise(() => {});
  }
  postToChannel(_to: ChannelTarget, _reply: Reply): Promise<SentMessage> {
    this.calls++;
    return new Promise(() => {});
  }
  async update(): Promise<void> {}
}

const handoff = (bot: BotContext, text: string): Promise<Reply> =>
  botRouter(bot.context).handle({
    kind: 'command',
    platform: 'slack',
    command: 'promise',
    ...typedOn('slack', text),
    localeExplicit: false,
    user: { id: 'U1', name: 'amy', locale: 'en', timeZone: 'UTC', isLead: false },
  });
const idOf = (reply: Reply) => /Promise ([2-9A-Z]{5}) recorded/.exec(reply.title ?? '')![1]!;

describe('one durable outbox for what the bot sends on its own', () => {
  it('a lead note the platform refused is delivered by the retry pass, exactly once, and then forgotten', async () => {
    const bot = await setUp();
    bot.outbox.failing = 1;
    const answer = await bot.ask('reset', { locale: 'en', userId: 'UAGENT', name: 'Mei' });
    expect(textOf(answer)).toContain("The note didn't go through yet.");
    expect(bot.outbox.sent).toEqual([]);

    const pass = retryPass(bot);
    await pass.retryDue();
    expect(bot.outbox.sent).toEqual([]); // not due before the first retry delay
    bot.clock.advance(retryDelayMs(1));
    await pass.retryDue();
    expect(bot.outbox.sent.map((s) => s.to)).toEqual([{ platform: 'slack', userId: 'ULEAD1' }]);
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain('Mei (UAGENT) asks for a 5-minute reset');

    bot.clock.advance(GIVE_UP_AFTER_MS);
    await pass.retryDue();
    expect(bot.outbox.sent).toHaveLength(1);
    expect(await bot.promises.pendingDeliveries()).toEqual([]);
  });

  it('retries a lead note by the one retry policy, and gives up after a day without telling anyone else', async () => {
    const bot = await setUp();
    bot.outbox.failing = 10_000;
    await bot.ask('checkin', { locale: 'en', userId: 'UAGENT' });
    const pass = retryPass(bot);
    const nextAfter = async () => {
      const [kept] = await bot.promises.pendingDeliveries();
      return Date.parse(kept!.nextAttemptAt) - bot.clock.now().getTime();
    };
    expect(await nextAfter()).toBe(retryDelayMs(1));
    bot.clock.advance(retryDelayMs(1));
    await pass.retryDue();
    expect(await nextAfter()).toBe(retryDelayMs(2));
    bot.clock.advance(GIVE_UP_AFTER_MS);
    await pass.retryDue();
    expect(await bot.promises.pendingDeliveries()).toEqual([]);
    bot.outbox.failing = 0;
    await pass.retryDue();
    expect(bot.outbox.sent).toEqual([]);
  });

  it('a lead note is written down before it is sent: a process that dies mid-send leaves it to the retry pass', async () => {
    const stalled = new StalledOutbox();
    const bot = await setUp({ outbox: stalled });
    void bot.ask('reset', { locale: 'en', userId: 'UAGENT', name: 'Mei' });
    await expect.poll(() => stalled.calls).toBe(1);

    const kept = await bot.promises.pendingDeliveries();
    expect(kept.map((p) => p.kind)).toEqual(['lead-note']);
    // Only who asks and for what: nothing typed in /calm is kept.
    expect(kept[0]!.leadNote).toEqual({ asker: { id: 'UAGENT', name: 'Mei' }, request: 'reset', locale: 'en' });
    bot.clock.advance(retryDelayMs(1));
    await retryPass(bot).retryDue();
    expect(bot.outbox.sent.map((s) => s.to)).toEqual([{ platform: 'slack', userId: 'ULEAD1' }]);
    // The retry carries the first try's delivery key, so a platform that got both posts it once.
    expect(bot.outbox.sent[0]!.reply.deliveryKey).toBe(`pending:${kept[0]!.id}`);
  });

  it('a hand-off notice the platform refused is delivered by the retry pass, exactly once', async () => {
    const bot = await setUp();
    const id = idOf(await handoff(bot, '30m 1111 refund'));
    bot.outbox.failing = 1;
    expect(textOf(await handoff(bot, `handoff ${id} <@U9>`))).toContain('I could not tell them yet');
    const pass = retryPass(bot);
    bot.clock.advance(retryDelayMs(1));
    await pass.retryDue();
    bot.clock.advance(retryDelayMs(2));
    await pass.retryDue();
    expect(bot.outbox.sent.map((s) => s.to)).toEqual([{ platform: 'slack', userId: 'U9' }]);
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain(id);
    expect(await bot.promises.pendingDeliveries()).toEqual([]);
  });

  it('a hand-off notice is written down before it is sent: a process that dies mid-send leaves it to the retry pass', async () => {
    const stalled = new StalledOutbox();
    const bot = await setUp({ outbox: stalled });
    const id = idOf(await handoff(bot, '30m 1111 refund'));
    void handoff(bot, `handoff ${id} <@U9>`);
    await expect.poll(() => stalled.calls).toBe(1);
    expect((await bot.promises.pendingDeliveries()).map((p) => [p.kind, p.promiseId])).toEqual([['handoff', id]]);
    bot.clock.advance(retryDelayMs(1));
    await retryPass(bot).retryDue();
    expect(bot.outbox.sent.map((s) => s.to)).toEqual([{ platform: 'slack', userId: 'U9' }]);
  });

  it('the word that a hand-off notice was given up is kept too: refused once, it arrives with the next pass', async () => {
    const bot = await setUp();
    const id = idOf(await handoff(bot, '30m 1111 refund'));
    bot.outbox.failing = 10_000;
    await handoff(bot, `handoff ${id} <@U9>`);
    const pass = retryPass(bot);
    bot.clock.advance(GIVE_UP_AFTER_MS + 60_000);
    await pass.retryDue();
    expect(bot.outbox.sent).toEqual([]);
    expect((await bot.promises.pendingDeliveries()).map((p) => [p.kind, p.to])).toEqual([['handoff-undelivered', { platform: 'slack', userId: 'U1' }]]);
    bot.outbox.failing = 0;
    bot.clock.advance(retryDelayMs(1));
    await pass.retryDue();
    await pass.retryDue();
    expect(bot.outbox.sent.map((s) => s.to)).toEqual([{ platform: 'slack', userId: 'U1' }]);
    expect(textOf(bot.outbox.sent[0]!.reply)).toContain(`I could not tell U9 that promise ${id} is now theirs`);
    expect(await bot.promises.pendingDeliveries()).toEqual([]);
  });

  it('a delivered message leaves nothing behind', async () => {
    const bot = await setUp();
    await bot.ask('reset', { locale: 'en', userId: 'UAGENT' });
    expect(bot.outbox.sent).toHaveLength(1);
    expect(await bot.promises.pendingDeliveries()).toEqual([]);
  });
});
