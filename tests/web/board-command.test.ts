import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDescriptions } from '../../commands/index.js';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { discordCommandDefinitions } from '../../src/adapters/discord/command-definitions.js';
import { textOf } from '../helpers/router.js';
import { boardHarness, type BoardHarness } from './board-harness.js';

let h: BoardHarness;
afterEach(async () => h?.stop());

const typed = (userId: string, text: string, isLead: boolean, platform: 'slack' | 'discord' | 'feishu' | 'console' = 'slack') =>
  h.router.handle({ kind: 'command', platform, user: { id: userId, locale: 'en', isLead }, command: 'board', text, localeExplicit: false });

describe('/board on its own', () => {
  it('gives a lead the same private one-time link as /promise board, and anyone else a polite no', async () => {
    h = await boardHarness();
    for (const platform of ['slack', 'discord', 'feishu', 'console'] as const) {
      const lead = await typed('ULEAD', '', true, platform);
      expect(lead.private, platform).toBe(true);
      expect(textOf(lead), platform).toMatch(/\/board\/sign-in\?token=[\w-]{40,}/);
    }
    // Whatever follows the name changes nothing (no usage error, still a link).
    expect(textOf(await typed('ULEAD', 'please', true))).toMatch(/\/board\/sign-in\?token=/);
    const agent = await typed('UAGENT', '', false);
    expect(textOf(agent)).toContain('for team leads');
    expect(textOf(agent)).not.toContain('http');
  });

  it('is registered wherever commands are declared up front: Slack manifests, Discord, the console help', async () => {
    expect(commandDescriptions.map((c) => c.name)).toContain('board');
    for (const mode of ['socket-mode', 'http']) {
      const manifest = parse(readFileSync(new URL(`../../slack/manifest.${mode}.yaml`, import.meta.url), 'utf8'));
      expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toContain('/board');
    }
    const discord = discordCommandDefinitions(commandDescriptions).find((c) => c.name === 'board');
    expect(discord?.name_localizations).toEqual({ 'zh-CN': '看板', 'zh-TW': '看板' });
    expect(discord?.description).toContain('team board');

    h = await boardHarness();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const console = new ConsoleAdapter({ router: h.router, input, output, locale: 'en', timeZone: 'Asia/Shanghai', isLead: true, log: pino({ level: 'silent' }), banner: () => ['ready'], onClose: () => undefined });
    console.start();
    input.write('/board\n');
    await expect.poll(() => printed, { timeout: 5000 }).toMatch(/\/board\/sign-in\?token=/);
    input.write('/help\n');
    await expect.poll(() => printed, { timeout: 5000 }).toMatch(/\/board\s+Team leads/);
    console.close();
  });
});
