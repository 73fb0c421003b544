import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommands } from '../../commands/index.js';
import { discordCommandDefinitions } from '../../src/adapters/discord/command-definitions.js';
import type { CommandDescription } from '../../src/core/command.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';

/** Platform facts live in the adapters: commands carry none, and the wiring names no platform. */
describe('the adapter boundary', () => {
  let bot: BotContext;
  beforeAll(async () => {
    bot = await botContext();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('gives commands no member shaped by one platform (Discord\'s local names, Slack\'s App Home)', () => {
    for (const command of createCommands(bot.context)) {
      expect(Object.keys(command), command.name).not.toContain('localName');
      expect(Object.keys(command), command.name).not.toContain('home');
    }
  });

  it('registers a command Discord\'s name table does not know under its own name, localised where the table has one', () => {
    const bare: CommandDescription = { name: 'note', summary: () => 'Take a note', help: () => 'Type /note', argument: () => 'text' };
    const script: CommandDescription = { ...bare, name: 'script' };
    const [note, known] = discordCommandDefinitions([bare, script]);
    expect(note!.name_localizations).toEqual({ 'zh-CN': 'note', 'zh-TW': 'note' });
    expect(known!.name_localizations).toEqual({ 'zh-CN': '话术', 'zh-TW': '話術' });
  });

  it('leaves platform names to the adapters: the wiring writes none of them', () => {
    const main = readFileSync(new URL('../../src/main.ts', import.meta.url), 'utf8');
    expect(main.match(/['"](slack|discord|feishu)['"]/g) ?? []).toEqual([]);
    const slack = readFileSync(new URL('../../src/adapters/slack/slack-adapter.ts', import.meta.url), 'utf8');
    expect(slack).not.toMatch(/router\.home\([^)]*['"]slack['"]/);
  });
});
