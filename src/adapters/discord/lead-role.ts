import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Logger } from 'pino';

export interface LeadRoleOptions {
  rest: REST;
  /** DISCORD_LEADS_ROLE_ID; without it nobody is a lead by role. */
  leadsRoleId?: string | undefined;
  /** How long an answer is trusted (the board asks on every request). Default 30 s. */
  ttlMs?: number | undefined;
  /** DISCORD_GUILD_ID: where to look before any command has been seen. */
  guildId?: string | undefined;
  /** Guilds the bot is in, asked of Discord when none is known yet (a replica that has seen no command). */
  listGuilds?: () => Promise<string[]>;
  /** Further guilds a client already knows (the gateway's cache). */
  knownGuilds?: () => Iterable<string>;
  now: () => number;
  log: Logger;
}

/**
 * Whether a person holds DISCORD_LEADS_ROLE_ID, for the board (which asks on every request):
 * their membership in the guilds the bot serves, asked of Discord, never taken from a browser.
 * A signed interaction's member roles count as an answer from Discord (`saw`). Answers are kept
 * for `ttlMs`; a lookup that fails counts as no and is not kept.
 */
export class DiscordLeadRole {
  readonly #o: LeadRoleOptions;
  readonly #guilds = new Set<string>();
  readonly #answers = new Map<string, { lead: boolean; at: number }>();

  constructor(options: LeadRoleOptions) {
    this.#o = options;
    if (options.guildId) this.#guilds.add(options.guildId);
  }

  /** What a command, press or modal from a guild member said about them (Discord signed it). */
  saw(guildId: string | undefined, userId: string, roleIds: readonly string[] | undefined): void {
    if (!guildId) return;
    this.#guilds.add(guildId);
    const { leadsRoleId } = this.#o;
    if (leadsRoleId && roleIds) this.#answers.set(userId, { lead: roleIds.includes(leadsRoleId), at: this.#o.now() });
  }

  async has(userId: string): Promise<boolean> {
    const { leadsRoleId, ttlMs = 30_000 } = this.#o;
    if (!leadsRoleId) return false;
    const kept = this.#answers.get(userId);
    if (kept && this.#o.now() - kept.at < ttlMs) return kept.lead;
    let lead = false;
    try {
      for (const guildId of await this.#guildsToAsk()) {
        lead = await this.#holdsRole(guildId, userId, leadsRoleId);
        if (lead) break;
      }
    } catch (error) {
      this.#o.log.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, 'discord: lead role lookup failed');
      return false;
    }
    this.#answers.set(userId, { lead, at: this.#o.now() });
    return lead;
  }

  async #guildsToAsk(): Promise<Set<string>> {
    const guilds = new Set([...this.#guilds, ...(this.#o.knownGuilds?.() ?? [])]);
    if (!guilds.size && this.#o.listGuilds) for (const id of await this.#o.listGuilds()) guilds.add(id);
    return guilds;
  }

  /** False for an unknown member (not in that guild); any other failure is thrown. */
  async #holdsRole(guildId: string, userId: string, roleId: string): Promise<boolean> {
    try {
      const member = (await this.#o.rest.get(Routes.guildMember(guildId, userId))) as { roles?: string[] };
      return member.roles?.includes(roleId) ?? false;
    } catch (error) {
      if (error instanceof DiscordAPIError && error.status === 404) return false;
      throw error;
    }
  }
}

/** The guilds the bot's token is in (GET /users/@me/guilds, first 200: a team bot is in a few). */
export async function botGuilds(rest: REST): Promise<string[]> {
  const guilds = (await rest.get(Routes.userGuilds(), { query: new URLSearchParams({ limit: '200' }) })) as { id: string }[];
  return guilds.map((g) => g.id);
}
