import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { RunningProcess } from '../helpers/process.js';

let discord: FakeDiscord;
beforeAll(async () => {
  discord = await new FakeDiscord().start();
});
afterAll(async () => discord?.stop());

describe('npm run discord:register', () => {
  it('registers /script to the configured guild with a typed, autocompleted option and zh-CN/zh-TW descriptions', async () => {
    const run = new RunningProcess('node', ['dist/src/cli/discord-register.js'], {
      DISCORD_TOKEN: 'fake.discord.register.token',
      DISCORD_APPLICATION_ID: '200000000000000002',
      DISCORD_GUILD_ID: '400000000000000004',
      DISCORD_API_URL: discord.apiUrl,
    });
    run.child.stdin.end();
    expect(await run.exited).toBe(0);
    expect(run.stdout).toContain('Registered /script, /promise, /calm, /board in guild 400000000000000004');
    const put = discord.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe('/applications/200000000000000002/guilds/400000000000000004/commands');
    const [script] = put!.body as { name: string; description_localizations: Record<string, string>; options: { type: number; name: string; autocomplete: boolean }[] }[];
    expect(script!.name).toBe('script');
    expect(Object.keys(script!.description_localizations).sort()).toEqual(['zh-CN', 'zh-TW']);
    expect(script!.options[0]).toMatchObject({ type: 3, name: 'text', autocomplete: true });
  });

  it('prints the Interactions Endpoint URL to paste into the Developer Portal when DISCORD_PUBLIC_KEY and PUBLIC_URL are set', async () => {
    const run = new RunningProcess('node', ['dist/src/cli/discord-register.js'], {
      DISCORD_TOKEN: 'fake.discord.register.token',
      DISCORD_APPLICATION_ID: '200000000000000002',
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
      PUBLIC_URL: 'https://bot.example.com/support/',
    });
    run.child.stdin.end();
    expect(await run.exited).toBe(0);
    expect(run.stdout).toContain('Interactions Endpoint URL (paste it in Developer Portal → General Information): https://bot.example.com/support/discord/interactions');
  });
});
