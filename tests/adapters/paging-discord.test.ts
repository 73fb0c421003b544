import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { botRouter } from '../helpers/router.js';

const LEAD = '700000000000000042';
let discord: FakeDiscord;
let adapter: DiscordAdapter;
let bot: BotContext;

type Embed = { title?: string; description?: string; footer?: { text: string }; fields: { name: string; value: string }[] };
type Sent = { embeds?: Embed[]; components?: { components: { custom_id: string; label: string }[] }[] };
const size = (e: Embed) => (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);

beforeAll(async () => {
  bot = await botContext({ leadIds: [LEAD] });
  const now = bot.clock.now().getTime();
  for (let i = 0; i < 200; i++) {
    const note = `promise ${i}. ${'call the customer back about the refund and confirm the bank details '.repeat(8)}`.slice(0, 500);
    await bot.promises.create({ owner: { platform: 'discord', userId: `8000000000000000${String(i % 60).padStart(2, '0')}`, name: `Agent ${i % 60}` }, dueAt: new Date(now + (i + 1) * 60_000), note, timeZone: 'UTC' });
  }
  discord = await new FakeDiscord().start();
  adapter = new DiscordAdapter({
    settings: { token: 'paging.discord.token', apiUrl: discord.apiUrl, leadIds: new Set([LEAD]), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: botRouter(bot.context),
    log: pino({ level: 'silent' }),
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await discord?.stop();
  await bot?.close();
});

describe('/promise team on Discord with 200 promises of 500 characters across 60 owners', () => {
  it('answers page 1 in messages Discord accepts (6,000 characters each), the rest as follow-ups, nothing dropped', async () => {
    const command = interactionPayload({ type: 2, userId: LEAD, locale: 'en-US', data: { id: '901', name: 'promise', type: 1, options: [{ name: 'text', type: 3, value: 'team' }] } });
    discord.sendInteraction(command);
    const first = (await discord.waitForCallback(command.id)).body as { type: number; data: Sent };
    expect(first.type).toBe(4);
    const deadline = Date.now() + 10_000;
    const followUps = () => discord.requests.filter((r) => r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path)).map((r) => r.body as Sent);
    while (!followUps().some((m) => m.components?.length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const messages = [first.data, ...followUps()];
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect((m.embeds ?? []).reduce((n, e) => n + size(e), 0)).toBeLessThanOrEqual(6000);
      for (const e of m.embeds ?? []) for (const f of e.fields) expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    const text = JSON.stringify(messages);
    const pageOne = (await bot.promises.allOpen()).filter((p) => text.includes(`${p.id}`));
    expect(pageOne.length).toBeGreaterThanOrEqual(20);
    expect(text).toContain('Showing 1–20 of 200');
    const buttons = messages.flatMap((m) => m.components ?? []).flatMap((r) => r.components);
    expect(buttons.map((b) => b.custom_id)).toEqual(['promise:team-page:2']);
  }, 20_000);
});
