import { describe, expect, it } from 'vitest';
import { discordCommandDefinitions } from '../../src/adapters/discord/command-definitions.js';
import { parseCustomId, toDiscordMessages } from '../../src/adapters/discord/embeds.js';
import { commandDescriptions } from '../../commands/index.js';

describe('Reply → Discord embed', () => {
  const actions = Array.from({ length: 7 }, (_, i) => ({ command: 'script', id: 'open', value: `en:case-${i}`, label: `Case ${i} ${'x'.repeat(100)}`, typed: '' }));
  const message = toDiscordMessages({
    title: 'Parcel late @everyone',
    private: true,
    tone: 'warning',
    blocks: [
      { type: 'text', text: 'Intro <@&123>' },
      { type: 'text', label: 'Goal', text: 'Reassure' },
      { type: 'quote', label: 'Say', lines: ['Thank you for waiting.', 'I will call by 3 pm.'] },
      { type: 'list', label: 'Steps', items: ['Listen', 'Check'], ordered: true },
      { type: 'context', text: 'Approved by Lead' },
      { type: 'actions', actions },
    ],
  })[0]!;

  it('puts labelled blocks in fields, plain text in the description and context in the footer', () => {
    const [embed] = message.embeds;
    expect(embed!.description).toBe('Intro <@&123>');
    expect(embed!.fields).toEqual([
      { name: 'Goal', value: 'Reassure', inline: false },
      { name: 'Say', value: '> Thank you for waiting.\n> I will call by 3 pm.', inline: false },
      { name: 'Steps', value: '1. Listen\n2. Check', inline: false },
    ]);
    expect(embed!.footer).toEqual({ text: 'Approved by Lead' });
    expect(embed!.color).toBe(0xd98e04);
  });

  it('never lets any text mention anyone', () => expect(message.allowed_mentions).toEqual({ parse: [] }));

  it('packs buttons five to a row within label limits, with ids that route back', () => {
    expect(message.components.map((row) => row.components.length)).toEqual([5, 2]);
    expect(message.components[0]!.components[0]!.label.length).toBeLessThanOrEqual(80);
    expect(parseCustomId(message.components[1]!.components[1]!.custom_id)).toEqual({ command: 'script', id: 'open', value: 'en:case-6' });
  });
});

describe('Discord command definitions', () => {
  it('describes every command in en, zh-CN and zh-TW within Discord limits', () => {
    for (const definition of discordCommandDefinitions(commandDescriptions)) {
      expect(definition.description.length).toBeLessThanOrEqual(100);
      expect(definition.description_localizations['zh-TW']).not.toBe(definition.description_localizations['zh-CN']);
      expect(definition.options[0]!.description_localizations['zh-CN'].length).toBeGreaterThan(0);
      for (const name of [...Object.values(definition.name_localizations), ...Object.values(definition.options[0]!.name_localizations)]) {
        expect(name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
        expect(name).toBe(name.toLowerCase());
      }
    }
  });
});

describe('untrusted text stays text in Discord', () => {
  it('never turns a note into a masked link, bold text or a heading', async () => {
    const { toDiscordMessages } = await import('../../src/adapters/discord/embeds.js');
    const note = '[Reset password](https://evil.example) **now**\n# big\n||hidden||';
    const message = toDiscordMessages({ private: true, title: 'Promise **X** lapsed', blocks: [{ type: 'quote', label: 'Note', lines: [note] }, { type: 'text', text: note }] })[0]!;
    const embed = message.embeds[0]!;
    expect(embed.title).toBe('Promise \\*\\*X\\*\\* lapsed');
    for (const text of [embed.fields[0]!.value, embed.description!]) {
      expect(text).toContain('\\[Reset password](https://evil.example)');
      expect(text).toContain('\\*\\*now\\*\\*');
      expect(text).toContain('\\|\\|hidden\\|\\|');
      expect(text).not.toMatch(/^# big/m);
    }
    expect(embed.fields[0]!.value.split('\n').every((l) => l.startsWith('> '))).toBe(true);
  });
});
