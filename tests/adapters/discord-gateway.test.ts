import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { systemClock } from '../../src/core/clock.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { FakeDiscord, interactionPayload } from '../helpers/fake-discord.js';
import { loadBase, scriptRouter } from '../helpers/router.js';

let discord: FakeDiscord;
let adapter: DiscordAdapter;
let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadBase();
  discord = await new FakeDiscord().start();
  const log = pino({ level: 'silent' });
  adapter = new DiscordAdapter({
    settings: { token: 'fake.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'zh-CN', teamTimeZone: 'Asia/Shanghai' },
    router: scriptRouter({ knowledge: () => kb, clock: systemClock, log }),
    log,
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await discord?.stop();
});

type Callback = { type: number; data: { flags?: number; embeds?: { title?: string; fields?: { name: string }[] }[]; components?: { components: { custom_id: string }[] }[]; allowed_mentions?: { parse: string[] }; choices?: { name: string; value: string }[] } };

describe('Discord: a real discord.js client on a local gateway', () => {
  it('identifies with only the Guilds intent', () => {
    expect(discord.identified[0]).toMatchObject({ token: 'fake.discord.token', intents: 1 });
  });

  it('answers /script privately with an embed, alternates as buttons, and mentions nobody', async () => {
    const interaction = interactionPayload({ type: 2, userId: '700000000000000007', locale: 'en-US', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: 'unlimited data throttled' }] } });
    discord.sendInteraction(interaction);
    const { body } = (await discord.waitForCallback(interaction.id)) as unknown as { body: Callback };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds?.[0]?.title).toBe(kb.get('unlimited-plan-throttling', 'en')!.title);
    expect(body.data.embeds?.[0]?.fields?.map((f) => f.name)).toContain('Never say');
    expect(body.data.components?.[0]?.components[0]?.custom_id).toMatch(/^script:open:en:/);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('offers up to 25 matching cases while the agent types (autocomplete)', async () => {
    const interaction = interactionPayload({ type: 4, userId: '700000000000000007', locale: 'zh-CN', data: { id: '800', name: 'script', type: 1, options: [{ name: 'text', type: 3, value: '宽带', focused: true }] } });
    discord.sendInteraction(interaction);
    const { body } = (await discord.waitForCallback(interaction.id)) as unknown as { body: Callback };
    expect(body.type).toBe(8);
    const choices = body.data.choices!;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('broadband-relocation-no-capacity');
  });

  it('opens the script behind a pressed button', async () => {
    const interaction = interactionPayload({ type: 3, userId: '700000000000000007', locale: 'zh-TW', data: { custom_id: 'script:open:zh-TW:parcel-delayed', component_type: 2 } });
    discord.sendInteraction(interaction);
    const { body } = (await discord.waitForCallback(interaction.id)) as unknown as { body: Callback };
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds?.[0]?.title).toBe(kb.get('parcel-delayed', 'zh-TW')!.title);
  });
});
