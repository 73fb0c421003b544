import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { FEELING_IDS } from '../helpers/calm-bot.js';
import { DM_CHANNEL, FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { botRouter } from '../helpers/router.js';

const AGENT = '700000000000000007';
const LEAD = '700000000000000077';
let discord: FakeDiscord;
let adapter: DiscordAdapter;
let bot: BotContext;

type Button = { custom_id: string; label: string; style: number };
type Message = { flags?: number; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[]; components?: { components: Button[] }[] };

const buttonsOf = (message: Message) => (message.components ?? []).flatMap((row) => row.components);
const textOf = (message: Message) => JSON.stringify(message.embeds ?? []);

async function slash(text: string | undefined, userId = AGENT): Promise<Message> {
  const options = text === undefined ? [] : [{ name: 'text', type: 3, value: text }];
  const interaction = interactionPayload({ type: 2, userId, locale: 'en-US', data: { id: '801', name: 'calm', type: 1, options } });
  discord.sendInteraction(interaction);
  const { body } = await discord.waitForCallback(interaction.id);
  expect(body.type).toBe(4);
  return body.data as Message;
}

async function press(customId: string, userId = AGENT): Promise<Message> {
  const interaction = interactionPayload({ type: 3, userId, locale: 'en-US', data: { custom_id: customId, component_type: 2 } });
  discord.sendInteraction(interaction);
  const { body } = await discord.waitForCallback(interaction.id);
  return body.data as Message;
}

async function waitForRequest(after: number, match: (r: { method: string; path: string; body: unknown }) => boolean) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = discord.requests.slice(after).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching request; got ${JSON.stringify(discord.requests.slice(after).map((r) => `${r.method} ${r.path}`))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  discord = await new FakeDiscord().start();
  const outbox = new PlatformOutbox();
  bot = await botContext({ leadIds: [LEAD], outbox });
  const log = pino({ level: 'silent' });
  adapter = new DiscordAdapter({
    settings: { token: 'calm.discord.token', apiUrl: discord.apiUrl, leadIds: new Set([LEAD]), defaultLocale: 'zh-CN', teamTimeZone: 'Asia/Shanghai' },
    router: botRouter(bot.context),
    log,
  });
  await adapter.start();
  outbox.register('discord', adapter);
});

afterAll(async () => {
  await adapter?.stop();
  await discord?.stop();
  await bot?.close();
});

describe('/calm on Discord (a real discord.js client against a local gateway)', () => {
  it('shows the menu as an ephemeral embed with one button per feeling', async () => {
    const menu = await slash(undefined);
    expect(menu.flags).toBe(64);
    expect(buttonsOf(menu).map((b) => b.custom_id)).toEqual(FEELING_IDS.map((id) => `calm:feeling:en:${id}`));
  });

  it('answers a pressed feeling button privately with that feeling', async () => {
    const reply = await press('calm:feeling:en:made-a-mistake');
    expect(reply.flags).toBe(64);
    expect(reply.embeds?.[0]?.title).toBe(bot.calm.library!.feeling('made-a-mistake', 'en')!.label);
    expect(buttonsOf(reply).map((b) => b.custom_id.split(':').slice(0, 2).join(':'))).toEqual(['calm:feeling', 'calm:breathe', 'calm:reset', 'calm:menu']);
  });

  it('matches typed words: /calm so angry', async () => {
    const reply = await slash('so angry');
    expect(reply.embeds?.[0]?.title).toBe(bot.calm.library!.feeling('about-to-snap', 'en')!.label);
  });

  it('runs the breathing minute as a DM edited in place (PATCH), and Stop ends it', async () => {
    const feeling = await slash('so angry');
    const breathe = buttonsOf(feeling).find((b) => b.custom_id.startsWith('calm:breathe:'))!;
    const before = discord.requests.length;
    const answer = await press(breathe.custom_id);
    expect(answer.flags).toBe(64);
    expect(textOf(answer)).toContain('started in a direct message');

    await waitForRequest(before, (r) => r.method === 'POST' && r.path === '/users/@me/channels' && (r.body as { recipient_id: string }).recipient_id === AGENT);
    const dm = await waitForRequest(before, (r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL}/messages`);
    expect(JSON.stringify(dm.body)).toMatch(/Breathe in… \d s/);
    const stop = buttonsOf(dm.body as Message).find((b) => b.custom_id.startsWith('calm:stop:'))!;
    expect(stop.style).toBe(4);

    await bot.timers.advance(4_000);
    const edit = await waitForRequest(before, (r) => r.method === 'PATCH');
    expect(edit.path).toMatch(new RegExp(`^/channels/${DM_CHANNEL}/messages/\\d+$`));
    expect(JSON.stringify(edit.body)).toMatch(/Breathe out slowly|Hold/);

    const stopped = await press(stop.custom_id);
    expect(textOf(stopped)).toContain('Stopped the breathing minute.');
    await waitForRequest(before, (r) => r.method === 'PATCH' && JSON.stringify(r.body).includes('Stopped. Come back to /calm any time.'));
    const patches = discord.requests.slice(before).filter((r) => r.method === 'PATCH').length;
    // Stopped means nothing is scheduled any more; the two minutes would have run anything that was.
    expect(bot.timers.pending).toBe(0);
    await bot.timers.advance(120_000);
    expect(discord.requests.slice(before).filter((r) => r.method === 'PATCH')).toHaveLength(patches);
  });

  it('sends the lead a neutral DM when the reset button is pressed', async () => {
    const feeling = await slash('I messed up the refund');
    const before = discord.requests.length;
    const answer = await press(buttonsOf(feeling).find((b) => b.custom_id.startsWith('calm:reset:'))!.custom_id);
    expect(textOf(answer)).toContain('Sent to your lead.');
    await waitForRequest(before, (r) => r.method === 'POST' && r.path === '/users/@me/channels' && (r.body as { recipient_id: string }).recipient_id === LEAD);
    const note = await waitForRequest(before, (r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL}/messages`);
    expect(JSON.stringify(note.body)).toContain(`agent (${AGENT}) asks for a 5-minute reset`);
    expect(JSON.stringify(note.body)).not.toMatch(/refund|mistake|messed/i);
    expect(note.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });
});
