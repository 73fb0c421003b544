import type { Platform } from './request.js';
import type { ChannelTarget, Recipient } from './outbox.js';

/** Which platform an id belongs to, from its shape: Slack U…/W… users and C…/G… channels, Discord numeric ids. */
export function platformOfId(id: string): Platform | undefined {
  if (/^[UWCG][A-Z0-9]+$/.test(id)) return 'slack';
  if (/^\d{15,22}$/.test(id)) return 'discord';
  if (id === 'console') return 'console';
  return undefined;
}

/** Where messages for team leads go: a leads channel on the platform when set, else each lead by DM. */
export class LeadDirectory {
  readonly #leadIds: readonly string[];
  readonly #channels: readonly string[];

  constructor(options: { leadIds: readonly string[]; leadsChannels: readonly string[] }) {
    this.#leadIds = options.leadIds;
    this.#channels = options.leadsChannels;
  }

  /** Leads who can be messaged directly on that platform. */
  leadsOn(platform: Platform): Recipient[] {
    const ids = this.#leadIds.filter((id) => platformOfId(id) === platform);
    // The console has one person, the operator; notes for leads are printed there.
    if (platform === 'console' && ids.length === 0) return [{ platform, userId: 'console' }];
    return ids.map((userId) => ({ platform, userId }));
  }

  channelOn(platform: Platform): ChannelTarget | undefined {
    const channel = this.#channels.find((id) => platformOfId(id) === platform);
    return channel ? { platform, channel } : undefined;
  }

  /** Every place a message for leads should go on that platform: the channel if there is one, else each lead. */
  targetsOn(platform: Platform): (Recipient | ChannelTarget)[] {
    const channel = this.channelOn(platform);
    return channel ? [channel] : this.leadsOn(platform);
  }
}
