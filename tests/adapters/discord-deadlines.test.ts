import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { requestTo, slowHandOffSetUp } from '../helpers/discord-handoff.js';
import { botRouter } from '../helpers/router.js';

const OWNER = '700000000000000007';
const COLLEAGUE = '700000000000000008';
/** Discord drops an interaction whose first response comes later than this. */
const FIRST_RESPONSE_MS = 3000;
let discord: FakeDiscord;
let adapter: DiscordAdapter;
let bot: BotContext;

beforeAll(async () => {
  const outbox = new PlatformOutbox();
  bot = await botContext({ outbox });
  discord = await new FakeDiscord().start();
  adapter = new DiscordAdapter({
    settings: { token: 'deadline.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: botRouter(bot.context),
    log: pino({ level: 'silent' }),
  });
  await adapter.start();
  outbox.register('discord', adapter);
});

afterAll(async () => {
  await adapter?.stop();
  await discord?.stop();
  await bot?.close();
});

describe('Discord with a slow REST API', () => {
  it('answers /promise handoff all over ten promises inside the first-response window, and the result follows', async () => {
    await slowHandOffSetUp(bot, discord, OWNER);
    const command = interactionPayload({ type: 2, userId: OWNER, locale: 'en-US', data: { id: '803', name: 'promise', type: 1, options: [{ name: 'text', type: 3, value: `handoff all <@${COLLEAGUE}>` }] } });
    const sent = Date.now();
    discord.sendInteraction(command);
    const first = await discord.waitForCallback(command.id);
    expect(Date.now() - sent).toBeLessThan(FIRST_RESPONSE_MS - 1000);
    expect(first.body).toMatchObject({ type: 5, data: { flags: 64 } });

    const edit = await requestTo(discord, (r) => r.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(r.path));
    expect(edit, JSON.stringify(discord.requests.map((r) => `${r.method} ${r.path}`))).toBeDefined();
    const handed = (await bot.promises.allOpen()).filter((p) => p.owner.userId === COLLEAGUE);
    expect(handed).toHaveLength(10);
    for (const p of handed) expect(JSON.stringify(edit!.body)).toContain(p.id);
  }, 30_000);
});
