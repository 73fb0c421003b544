import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { DM_CHANNEL, FakeDiscord } from '../helpers/fake-discord.js';
import { botRouter } from '../helpers/router.js';
import { testScheduler } from '../helpers/scheduler.js';

/**
 * Discord sometimes takes a message and answers 500 anyway; discord.js then sends the same request
 * again. The agent must see one reminder: posts the bot makes on its own carry a nonce with
 * enforce_nonce, so a repeat returns the message already there.
 */

const MIN = 60_000;
const OWNER = '200000000000000002';
const owner = { platform: 'discord' as const, userId: OWNER, name: 'Ana', locale: 'en' as const };
const log = pino({ level: 'silent' });

let ctx: BotContext;
let discord: FakeDiscord;
let adapter: DiscordAdapter;
let scheduler: ReminderScheduler;

beforeEach(async () => {
  const outbox = new PlatformOutbox();
  ctx = await botContext({ outbox, now: '2026-12-01T08:00:00Z' });
  discord = await new FakeDiscord().start();
  adapter = new DiscordAdapter({ settings: { token: 'idem.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' }, router: botRouter(ctx.context), log });
  await adapter.start();
  outbox.register('discord', adapter);
  scheduler = testScheduler(ctx, outbox);
});

afterEach(async () => {
  await adapter.stop();
  await discord.stop();
  await ctx.close();
});

describe('Discord posts are sent once, whatever Discord answers', () => {
  it('a reminder Discord took but answered 500 for is in the DM exactly once, and counts as sent', async () => {
    const { record } = await ctx.promises.create({ owner, dueAt: new Date(ctx.clock.now().getTime() + 20 * MIN), note: '4411 refund', timeZone: 'UTC' });
    discord.failAfterAccept = 1;
    ctx.clock.set(Date.parse(record.dueAt) - 10 * MIN);
    await scheduler.tick();
    for (let t = 0; t < 8; t++) {
      ctx.clock.advance(15_000);
      await scheduler.tick();
    }
    const inDm = discord.posted.filter((p) => p.channel === DM_CHANNEL);
    expect(inDm).toHaveLength(1);
    expect(inDm[0]!.body).toMatchObject({ enforce_nonce: true });
    expect((await ctx.promises.find(record.id))!.reminders['heads-up']).toBeDefined();
  });
});
