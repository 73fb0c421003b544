import { consoleAddresses, consoleCapabilities } from '../../src/adapters/console/console-platform.js';
import { discordAddresses, discordCapabilities, resolveDiscordMentions } from '../../src/adapters/discord/discord-platform.js';
import { resolveSlackMentions, slackAddresses, slackCapabilities } from '../../src/adapters/slack/slack-platform.js';
import { feishuAddresses } from '../../src/adapters/feishu/feishu-platform.js';
import { LeadDirectory } from '../../src/core/leads.js';
import { AddressBooks, type Capabilities, type PersonRef } from '../../src/core/platform.js';

/** The address books main.ts registers for the platforms it serves: console, Slack, Discord and Feishu. */
export function builtInAddressBooks(): AddressBooks {
  return new AddressBooks([consoleAddresses, slackAddresses, discordAddresses, feishuAddresses]);
}

/** LEAD_IDS and LEADS_CHANNEL read as main.ts reads them, with the console's operator as its lead. */
export function leadDirectory(options: { leadIds?: readonly string[]; leadsChannels?: readonly string[] } = {}): LeadDirectory {
  const leads = new LeadDirectory({ leadIds: options.leadIds ?? [], leadsChannels: options.leadsChannels ?? [], addresses: builtInAddressBooks() });
  leads.addMembers('console', async () => ['console']);
  return leads;
}

/** Typed text as the platform's adapter hands it to a command: mentions resolved (see resolveSlackMentions). */
export function typedOn(platform: string, typed: string): { text: string; mentions?: PersonRef[] } {
  const resolve = platform === 'slack' ? resolveSlackMentions : platform === 'discord' ? resolveDiscordMentions : undefined;
  if (!resolve) return { text: typed };
  const { text, mentions } = resolve(typed);
  return mentions.length ? { text, mentions } : { text };
}

/** What the adapter of that platform declares it can show (main.ts's adapters put it on every request). */
export function capabilitiesOn(platform: string): Capabilities {
  return platform === 'console' || platform === 'cli' ? consoleCapabilities : platform === 'slack' ? slackCapabilities : discordCapabilities;
}
