import type { ChannelTarget, Recipient } from './outbox.js';
import type { AddressBooks, Platform } from './platform.js';

/** Lead ids a platform can list itself (a Slack user group); may fail, then LEAD_IDS still count. */
export type LeadMembers = () => Promise<readonly string[]>;

/** Whether one person is a lead by what the platform says of them now (a Discord role); may fail, then they are not. */
export type LeadRole = (userId: string) => Promise<boolean>;

/**
 * Where messages for team leads go: a leads channel on the platform when set, else each lead by
 * DM. LEAD_IDS and LEADS_CHANNEL hold ids of any platform; each platform's address book says
 * which are its own.
 */
export class LeadDirectory {
  readonly #leadIds: readonly string[];
  readonly #channels: readonly string[];
  readonly #addresses: AddressBooks;
  readonly #members = new Map<Platform, LeadMembers>();
  readonly #roles = new Map<Platform, LeadRole>();

  constructor(options: { leadIds: readonly string[]; leadsChannels: readonly string[]; addresses: AddressBooks }) {
    this.#leadIds = options.leadIds;
    this.#channels = options.leadsChannels;
    this.#addresses = options.addresses;
  }

  /** Adds the leads a platform knows about (e.g. SLACK_LEADS_USERGROUP members, the console's operator) to LEAD_IDS. */
  addMembers(platform: Platform, members: LeadMembers): void {
    this.#members.set(platform, members);
  }

  /** Adds a per-person check a platform answers (DISCORD_LEADS_ROLE_ID), for rules that cannot list everyone. */
  addRole(platform: Platform, role: LeadRole): void {
    this.#roles.set(platform, role);
  }

  /** The lead rules chat applies, for one person: LEAD_IDS, the platform's lead group, the platform's lead role. */
  async isLead(person: { platform: Platform; userId: string }): Promise<boolean> {
    if ((await this.leadsOn(person.platform)).some((r) => r.userId === person.userId)) return true;
    const role = this.#roles.get(person.platform);
    return role ? role(person.userId).catch(() => false) : false;
  }

  /** Leads who can be messaged directly on that platform. */
  async leadsOn(platform: Platform): Promise<Recipient[]> {
    const book = this.#addresses.of(platform);
    const ids = new Set(book ? this.#leadIds.flatMap((id) => book.person(id) ?? []) : []);
    const members = this.#members.get(platform);
    if (members) for (const id of await members().catch(() => [])) ids.add(id);
    return [...ids].map((userId) => ({ platform, userId }));
  }

  channelOn(platform: Platform): ChannelTarget | undefined {
    const book = this.#addresses.of(platform);
    const channel = book ? this.#channels.map((id) => book.place(id)).find((address) => address !== undefined) : undefined;
    return channel ? { platform, channel } : undefined;
  }

  /** Every place a message for leads should go on that platform: the channel if there is one, else each lead. */
  async targetsOn(platform: Platform): Promise<(Recipient | ChannelTarget)[]> {
    const channel = this.channelOn(platform);
    return channel ? [channel] : this.leadsOn(platform);
  }
}
