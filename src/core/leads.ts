import type { Platform } from './request.js';
import type { ChannelTarget, Recipient } from './outbox.js';

/** Which platform an id belongs to, from its shape: Slack U…/W… users and C…/G… channels, Discord numeric ids. */
export function platformOfId(id: string): Platform | undefined {
  if (/^[UWCG][A-Z0-9]+$/.test(id)) return 'slack';
  if (/^\d{15,22}$/.test(id)) return 'discord';
  if (id === 'console') return 'console';
  return undefined;
}

/** Lead ids a platform can list itself (a Slack user group); may fail, then LEAD_IDS still count. */
export type LeadMembers = () => Promise<readonly string[]>;

/** Where messages for team leads go: a leads channel on the platform when set, else each lead by DM. */
export class LeadDirectory {
  readonly #leadIds: readonly string[];
  readonly #channels: readonly string[];
  readonly #members = new Map<Platform, LeadMembers>();

  constructor(options: { leadIds: readonly string[]; leadsChannels: readonly string[] }) {
    this.#leadIds = options.leadIds;
    this.#channels = options.leadsChannels;
  }

  /** Adds the leads a platform knows about (e.g. SLACK_LEADS_USERGROUP members) to LEAD_IDS. */
  addMembers(platform: Platform, members: LeadMembers): void {
    this.#members.set(platform, members);
  }

  /** Leads who can be messaged directly on that platform. */
  async leadsOn(platform: Platform): Promise<Recipient[]> {
    const ids = new Set(this.#leadIds.filter((id) => platformOfId(id) === platform));
    const members = this.#members.get(platform);
    if (members) for (const id of await members().catch(() => [])) ids.add(id);
    // The console has one person, the operator; notes for leads are printed there.
    if (platform === 'console' && ids.size === 0) return [{ platform, userId: 'console' }];
    return [...ids].map((userId) => ({ platform, userId }));
  }

  channelOn(platform: Platform): ChannelTarget | undefined {
    const channel = this.#channels.find((id) => platformOfId(id) === platform);
    return channel ? { platform, channel } : undefined;
  }

  /** Every place a message for leads should go on that platform: the channel if there is one, else each lead. */
  async targetsOn(platform: Platform): Promise<(Recipient | ChannelTarget)[]> {
    const channel = this.channelOn(platform);
    return channel ? [channel] : this.leadsOn(platform);
  }
}
