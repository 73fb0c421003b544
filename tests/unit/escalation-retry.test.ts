import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelTarget, Recipient, SentMessage } from '../../src/core/outbox.js';
import type { Reply } from '../../src/core/reply.js';
import pino from 'pino';
import { GIVE_UP_AFTER_MS } from '../../src/promises/durable-send.js';
import { retryDelayMs } from '../../src/promises/retry-delay.js';
import { botContext, RecordingOutbox, type BotContext } from '../helpers/bot-context.js';
import { testScheduler } from '../helpers/scheduler.js';

const MIN = 60_000;
const owner = { platform: 'slack' as const, userId: 'U1', name: 'amy', locale: 'en' as const };

/**
 * A platform whose sends to one lead fail for a while, and which, like Slack's history lookup or
 * Discord's nonce, can tell whether a message with a delivery key already reached someone.
 */
class PartlyFailingPlatform extends RecordingOutbox {
  readonly down = new Set<string>();

  override async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    if (this.down.has(to.userId)) throw new Error(`${to.userId} unreachable (test)`);
    return super.sendDirect(to, reply);
  }

  async resend(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
    const already = this.sent.find((d) => d.reply.deliveryKey === reply.deliveryKey && JSON.stringify(d.to) === JSON.stringify(to));
    if (already) return already.message;
    return 'userId' in to ? this.sendDirect(to, reply) : this.postToChannel(to, reply);
  }
}

let bot: BotContext;
beforeEach(async () => {
  bot = await botContext({ now: '2026-12-01T08:00:00Z', leadIds: ['ULEAD1', 'ULEAD2'] });
});
afterEach(async () => {
  await bot.close();
});

describe('an escalation to several leads when one of them cannot be reached', () => {
  it('reaches the missing lead on a retry without a second copy to the lead who already has it', async () => {
    const platform = new PartlyFailingPlatform();
    const scheduler = testScheduler(bot, platform);
    await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + 30 * MIN), note: 'refund 4411', timeZone: 'UTC' });
    const escalationsTo = (lead: string) => platform.sent.filter((d) => 'userId' in d.to && d.to.userId === lead && d.reply.title?.includes('lapsed')).length;

    platform.down.add('ULEAD2');
    bot.clock.advance(35 * MIN);
    await scheduler.tick();
    expect(escalationsTo('ULEAD1')).toBe(1);
    expect(escalationsTo('ULEAD2')).toBe(0);

    platform.down.clear();
    bot.clock.advance(retryDelayMs(1) + 1_000);
    await scheduler.tick();
    expect(escalationsTo('ULEAD2')).toBe(1);
    expect(escalationsTo('ULEAD1')).toBe(1);
  });

  it('gives the escalation up after a day of failed tries, the same as a kept message: logged, recorded as never delivered, not tried again', async () => {
    const platform = new PartlyFailingPlatform();
    const warnings: { msg: string; promise?: string; stage?: string; attempts?: number }[] = [];
    const scheduler = testScheduler(bot, platform, pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line)) }));
    const { record } = await bot.promises.create({ owner, dueAt: new Date(bot.clock.now().getTime() + 30 * MIN), note: 'refund 4411', timeZone: 'UTC' });
    const escalationsTo = (lead: string) => platform.sent.filter((d) => 'userId' in d.to && d.to.userId === lead && d.reply.title?.includes('lapsed')).length;

    platform.down.add('ULEAD2');
    bot.clock.advance(35 * MIN);
    await scheduler.tick();
    // Retried through the day (every retry asks the platform, so ULEAD1 is not sent it again).
    for (let waited = 0; waited <= GIVE_UP_AFTER_MS; waited += 60 * MIN) {
      bot.clock.advance(60 * MIN);
      await scheduler.tick();
    }
    expect([escalationsTo('ULEAD1'), escalationsTo('ULEAD2')]).toEqual([1, 0]);
    const escalation = (await bot.promises.find(record.id))!.reminders.escalation;
    expect(escalation).toMatchObject({ forDueAt: record.dueAt, undelivered: true });
    expect([escalation?.attempts, escalation?.nextAttemptAt, escalation?.inFlight]).toEqual([undefined, undefined, undefined]);
    const givenUp = warnings.filter((w) => w.msg === 'delivery given up after a day of retries');
    expect(givenUp).toMatchObject([{ promise: record.id, stage: 'escalation', attempts: 25 }]);

    platform.down.clear();
    bot.clock.advance(60 * MIN);
    await scheduler.tick();
    expect([escalationsTo('ULEAD1'), escalationsTo('ULEAD2')]).toEqual([1, 0]);
  });
});
