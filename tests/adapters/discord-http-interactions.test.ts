import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DISCORD_INTERACTIONS_PATH, DiscordHttpInteractions } from '../../src/adapters/discord/http-interactions.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import type { Request } from '../../src/core/request.js';
import type { Router } from '../../src/core/router.js';
import { ServiceServer } from '../../src/http/service-server.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { RecentDeliveries } from '../../src/db/recent-deliveries.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { discordKeyPair, postInteraction } from '../helpers/discord-http.js';
import { FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { requestTo, slowHandOffSetUp } from '../helpers/discord-handoff.js';
import { botRouter, loadBase } from '../helpers/router.js';

const AGENT = '700000000000000007';
const COLLEAGUE = '700000000000000008';
const EPHEMERAL = 64;
/** Discord drops an interaction whose first response comes later than this. */
const FIRST_RESPONSE_MS = 3000;
const log = pino({ level: 'silent' });

let kb: KnowledgeBase;
let bot: BotContext;
let discord: FakeDiscord;
let server: ServiceServer;
let adapter: DiscordHttpInteractions;
let url: string;
const keys = discordKeyPair();
/** Every request that reached the router. */
const routed: Request[] = [];

beforeAll(async () => {
  kb = await loadBase();
  const outbox = new PlatformOutbox();
  bot = await botContext({ outbox, knowledge: () => kb });
  discord = await new FakeDiscord().start();
  server = new ServiceServer({ port: 0, host: '127.0.0.1', log });
  const router = botRouter(bot.context);
  const watched: Router = { ...router, handle: (request) => (routed.push(request), router.handle(request)) };
  adapter = new DiscordHttpInteractions({
    settings: { publicKey: keys.publicKeyHex, token: 'http.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: watched,
    clock: bot.clock,
    log,
    server,
    deliveries: (() => {
      const recent = new RecentDeliveries(bot.clock);
      return { firstDelivery: (key: string) => recent.firstTime(key) };
    })(),
  });
  adapter.start();
  outbox.register('discord', adapter);
  url = `http://127.0.0.1:${(await server.start()).port}${DISCORD_INTERACTIONS_PATH}`;
});

afterAll(async () => {
  await adapter?.stop();
  await server?.stop();
  await discord?.stop();
  await bot?.close();
});

beforeEach(() => {
  routed.length = 0;
  discord.delays = [];
});

const signed = (payload: unknown, extra: { at?: Date; body?: string } = {}) => postInteraction(url, payload, { privateKey: keys.privateKey, at: extra.at ?? bot.clock.now(), ...(extra.body ? { body: extra.body } : {}) });
const scriptCommand = (text: string) => interactionPayload({ type: 2, userId: AGENT, locale: 'en-US', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: text }] } });

describe('Discord HTTP interactions: who may call', () => {
  it('answers a signed PING with PONG (the Developer Portal checks this when the URL is saved)', async () => {
    const answer = await signed({ id: '1', application_id: '200000000000000002', type: 1, token: 't', version: 1 });
    expect(answer).toEqual({ status: 200, body: { type: 1 } });
  });

  it('refuses with 401, before any command, a request signed with another key', async () => {
    const stranger = discordKeyPair();
    const answer = await postInteraction(url, scriptCommand('refund'), { privateKey: stranger.privateKey, at: bot.clock.now() });
    expect(answer.status).toBe(401);
    expect(routed).toEqual([]);
  });

  it('refuses a body changed after signing, and a request with no signature', async () => {
    const command = scriptCommand('refund');
    expect((await signed(command, { body: JSON.stringify({ ...command, data: {} }) })).status).toBe(401);
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(command) });
    expect(unsigned.status).toBe(401);
    expect(routed).toEqual([]);
  });

  it('refuses a correctly signed request whose timestamp is more than five minutes old (a replay)', async () => {
    const answer = await signed(scriptCommand('refund'), { at: new Date(bot.clock.now().getTime() - 6 * 60_000) });
    expect(answer.status).toBe(401);
    expect(routed).toEqual([]);
  });
});

describe('Discord HTTP interactions: answers through the same commands as the gateway', () => {
  it('answers /script privately with an embed and its alternates as buttons, mentioning nobody', async () => {
    const answer = await signed(scriptCommand('unlimited data throttled'));
    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe(4);
    const data = answer.body.data as { flags: number; embeds: { title: string }[]; components: { components: { custom_id: string }[] }[]; allowed_mentions: unknown };
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds[0]!.title).toBe(kb.get('unlimited-plan-throttling', 'en')!.title);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.components[0]!.components[0]!.custom_id).toMatch(/^script:open:en:/);
    expect(routed).toHaveLength(1);
  });

  it('opens the script behind a button pressed on that answer (round trip through the custom id)', async () => {
    const first = await signed(scriptCommand('unlimited data throttled'));
    const customId = (first.body.data as { components: { components: { custom_id: string }[] }[] }).components[0]!.components[0]!.custom_id;
    const opened = customId.split(':').at(-1)!;
    const press = await signed(interactionPayload({ type: 3, userId: AGENT, locale: 'en-US', data: { custom_id: customId, component_type: 2 } }));
    expect(press.status).toBe(200);
    expect(press.body.type).toBe(4);
    expect((press.body.data as { embeds: { title: string }[] }).embeds[0]!.title).toBe(kb.get(opened, 'en')!.title);
    expect(routed.map((r) => r.kind)).toEqual(['command', 'action']);
  });

  it('offers matching cases while the agent types (autocomplete)', async () => {
    const answer = await signed(interactionPayload({ type: 4, userId: AGENT, locale: 'zh-CN', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: '宽带', focused: true }] } }));
    expect(answer.body.type).toBe(8);
    expect((answer.body.data as { choices: { value: string }[] }).choices.map((c) => c.value)).toContain('broadband-relocation-no-capacity');
  });

  it('handles an interaction delivered twice once (a retry that reaches another replica sees the same store keys)', async () => {
    const command = scriptCommand('refund');
    expect((await signed(command)).body.type).toBe(4);
    const again = await signed(command);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(routed).toHaveLength(1);
  });

  it('defers a slow answer inside Discord\'s three seconds, then edits the original through the webhook', async () => {
    await slowHandOffSetUp(bot, discord, AGENT);
    const command = interactionPayload({ type: 2, userId: AGENT, locale: 'en-US', data: { id: '803', name: 'promise', type: 1, options: [{ name: 'text', type: 3, value: `handoff all <@${COLLEAGUE}>` }] } });
    const sent = Date.now();
    const answer = await signed(command);
    expect(Date.now() - sent).toBeLessThan(FIRST_RESPONSE_MS - 1000);
    expect(answer.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });

    const original = `/webhooks/200000000000000002/${String(command.token)}/messages/@original`;
    const edit = await requestTo(discord, (r) => r.method === 'PATCH' && r.path === original);
    expect(edit, JSON.stringify(discord.requests.map((r) => `${r.method} ${r.path}`))).toBeDefined();
    const handed = (await bot.promises.allOpen()).filter((p) => p.owner.userId === COLLEAGUE);
    expect(handed).toHaveLength(10);
    for (const p of handed) expect(JSON.stringify(edit!.body)).toContain(p.id);
  }, 30_000);
});
