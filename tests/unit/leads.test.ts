import { describe, expect, it } from 'vitest';
import { consoleAddresses } from '../../src/adapters/console/console-platform.js';
import { discordAddresses } from '../../src/adapters/discord/discord-platform.js';
import { resolveDiscordMentions } from '../../src/adapters/discord/discord-platform.js';
import { resolveSlackMentions, slackAddresses } from '../../src/adapters/slack/slack-platform.js';
import { LeadDirectory } from '../../src/core/leads.js';
import { AddressBooks, type AddressBook } from '../../src/core/platform.js';
import { loadConfig } from '../../src/config.js';
import { builtInAddressBooks, leadDirectory } from '../helpers/platforms.js';

describe('LeadDirectory', () => {
  const ids = ['U01LEAD', '123456789012345678', 'W02LEAD'];
  const directory = (leadIds: string[], leadsChannels: string[] = []) => new LeadDirectory({ leadIds, leadsChannels, addresses: builtInAddressBooks() });

  it('lets each platform claim its own ids: Slack U…/W… users and C…/G… channels, Discord numeric ids', () => {
    const owners = (raw: string) => [slackAddresses, discordAddresses, consoleAddresses].filter((b) => b.person(raw) ?? b.place(raw)).map((b) => b.platform);
    expect(['U01LEAD', 'C0LEADS', '123456789012345678', 'console', 'ben'].map(owners)).toEqual([['slack'], ['slack'], ['discord'], ['console'], []]);
  });

  it('DMs the leads of the platform, adding those the platform lists (a Slack user group)', async () => {
    const leads = directory(ids);
    leads.addMembers('slack', async () => ['U03GROUP', 'U01LEAD']);
    expect((await leads.leadsOn('slack')).map((r) => r.userId)).toEqual(['U01LEAD', 'W02LEAD', 'U03GROUP']);
    expect((await leads.leadsOn('discord')).map((r) => r.userId)).toEqual(['123456789012345678']);
  });

  it('still reaches LEAD_IDS when the platform cannot list its group', async () => {
    const leads = directory(ids);
    leads.addMembers('slack', async () => {
      throw new Error('usergroups.users.list failed');
    });
    expect((await leads.leadsOn('slack')).map((r) => r.userId)).toEqual(['U01LEAD', 'W02LEAD']);
  });

  it('prefers the leads channel of that platform', async () => {
    const leads = directory(ids, ['C0LEADS', '223456789012345678']);
    expect(await leads.targetsOn('slack')).toEqual([{ platform: 'slack', channel: 'C0LEADS' }]);
    expect(await leads.targetsOn('discord')).toEqual([{ platform: 'discord', channel: '223456789012345678' }]);
  });

  it('on the console, the operator is the lead', async () => {
    expect(await leadDirectory().leadsOn('console')).toEqual([{ platform: 'console', userId: 'console' }]);
  });

  it('serves a platform core has never heard of, once its adapter registers an address book (Feishu open_ids, Teams 29:… ids)', async () => {
    const feishu: AddressBook = { platform: 'feishu', person: (raw) => (raw.startsWith('ou_') ? raw : undefined), place: (raw) => (raw.startsWith('oc_') ? raw : undefined) };
    const teams: AddressBook = { platform: 'teams', person: (raw) => (raw.startsWith('29:') ? raw : undefined), place: () => undefined };
    const setting = loadConfig({ LEAD_IDS: 'ou_7d8a6e6df7621556ce0d21922b676706, 29:1a2b-3c4d, U01LEAD', LEADS_CHANNEL: 'oc_a0553eda9014c201e6969b478895c230' });
    expect(setting.ok).toBe(true);
    if (!setting.ok) return;
    const books = new AddressBooks([slackAddresses, feishu, teams]);
    const leads = new LeadDirectory({ leadIds: setting.config.LEAD_IDS, leadsChannels: setting.config.LEADS_CHANNEL, addresses: books });
    expect(await leads.leadsOn('feishu')).toEqual([{ platform: 'feishu', userId: 'ou_7d8a6e6df7621556ce0d21922b676706' }]);
    expect(await leads.targetsOn('feishu')).toEqual([{ platform: 'feishu', channel: 'oc_a0553eda9014c201e6969b478895c230' }]);
    expect(await leads.leadsOn('teams')).toEqual([{ platform: 'teams', userId: '29:1a2b-3c4d' }]);
    expect(books.unclaimed(['ou_x', 'ben', 'U01LEAD'], 'person')).toEqual(['ben']);
  });
});

describe('mentions are resolved by the adapter', () => {
  it('Slack: <@U…|name> becomes @name, and the person is listed with their address', () => {
    expect(resolveSlackMentions('all <@U9|ben> and <@W7>')).toEqual({
      text: 'all @ben and @W7',
      mentions: [{ address: 'U9', name: 'ben', typed: '@ben' }, { address: 'W7', typed: '@W7' }],
    });
  });

  it('Discord: <@123…> and <@!123…> become @123…', () => {
    expect(resolveDiscordMentions('to <@!123456789012345678>')).toEqual({ text: 'to @123456789012345678', mentions: [{ address: '123456789012345678', typed: '@123456789012345678' }] });
  });
});
