import { Client, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { Locale } from '../../i18n/locale.js';
import type { DeliveryKeys } from '../../core/delivery-keys.js';
import type { Router } from '../../core/router.js';
import type { Timers } from '../../core/timers.js';
import { TEXT_OPTION } from './command-definitions.js';
import type { DiscordMessage } from './embeds.js';
import { DiscordInteractionFlow, type DiscordInteraction, type DiscordModal, type InteractionResponder } from './interaction-flow.js';
import { DiscordLeadRole } from './lead-role.js';
import { DiscordRestOutbox } from './rest-outbox.js';

export interface DiscordSettings {
  token: string;
  /** REST base such as https://discord.com/api; the gateway URL then comes from its /gateway/bot. */
  apiUrl?: string;
  leadIds: ReadonlySet<string>;
  leadsRoleId?: string;
  /** DISCORD_GUILD_ID: where the lead role is looked up before anyone has used a command since the start. */
  guildId?: string;
  /** How long a role lookup is trusted (the board asks on every request). Default 30 s. */
  leadRoleTtlMs?: number;
  defaultLocale: Locale;
  teamTimeZone: string;
}

export interface DiscordAdapterOptions {
  settings: DiscordSettings;
  router: Router;
  log: Logger;
  timers?: Timers;
  /**
   * The store's redelivery keys. Every gateway session of the bot receives each interaction, so
   * with replicas on one database only the first to record its id answers it.
   */
  deliveries?: DeliveryKeys;
}

/**
 * Discord through a discord.js gateway client with the minimum intent (Guilds). Slash
 * commands, autocomplete and button presses arrive as interactions; every answer is
 * ephemeral, an embed with buttons, and mentions nobody.
 */
export class DiscordAdapter extends DiscordRestOutbox {
  readonly #options: DiscordAdapterOptions;
  readonly #client: Client;
  readonly #flow: DiscordInteractionFlow;
  /** Lead by role, looked up in the guilds the bot has served commands in, DISCORD_GUILD_ID and the client's cache. */
  readonly #leadRole: DiscordLeadRole;

  constructor(options: DiscordAdapterOptions) {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      rest: options.settings.apiUrl ? { api: options.settings.apiUrl.replace(/\/$/, '') } : {},
    });
    super(client.rest);
    this.#options = options;
    this.#client = client;
    this.#flow = new DiscordInteractionFlow(options);
    const { leadsRoleId, leadRoleTtlMs, guildId } = options.settings;
    this.#leadRole = new DiscordLeadRole({ rest: client.rest, leadsRoleId, ttlMs: leadRoleTtlMs, guildId, knownGuilds: () => client.guilds.cache.keys(), now: () => Date.now(), log: options.log });
    this.#client.on(Events.InteractionCreate, (interaction) => void this.#onInteraction(interaction));
    this.#client.on(Events.Error, (error) => options.log.error({ err: error }, 'discord client error'));
  }

  /** Logs in and resolves once the gateway says READY. */
  async start(): Promise<{ user: string }> {
    const ready = new Promise<void>((resolve) => this.#client.once(Events.ClientReady, () => resolve()));
    await this.#client.login(this.#options.settings.token);
    await ready;
    return { user: this.#client.user?.tag ?? 'unknown' };
  }

  /** For /readyz: the gateway session is up. */
  isConnected(): boolean {
    return this.#client.isReady();
  }

  async stop(): Promise<void> {
    await this.#client.destroy();
  }

  /** Whether that person holds DISCORD_LEADS_ROLE_ID now, asked of Discord (see DiscordLeadRole). */
  hasLeadRole(userId: string): Promise<boolean> {
    return this.#leadRole.has(userId);
  }

  async #onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.guildId) this.#leadRole.saw(interaction.guildId, interaction.user.id, undefined);
    const read = gatewayInteraction(interaction);
    if (!read) return;
    // The same key as the HTTP endpoint's, so a mix of gateway and HTTP replicas also answers once.
    if (this.#options.deliveries && !(await this.#options.deliveries.firstDelivery(`discord:interaction:${interaction.id}`))) {
      this.#options.log.info({ id: interaction.id }, 'discord interaction already handled (another replica or a replay); not handled twice');
      return;
    }
    await this.#flow.handle(read, gatewayResponder(interaction as unknown as AnswerableInteraction));
  }
}

/** The discord.js interaction kinds the bot answers, as the neutral shape the flow reads. */
function gatewayInteraction(interaction: Interaction): DiscordInteraction | undefined {
  const roles = interaction.member && 'roles' in interaction.member ? interaction.member.roles : undefined;
  const base = {
    id: interaction.id,
    user: { id: interaction.user.id, username: interaction.user.username },
    locale: interaction.locale,
    roleIds: Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [],
  };
  if (interaction.isAutocomplete()) return { ...base, kind: 'autocomplete', commandName: interaction.commandName, text: String(interaction.options.getFocused() ?? '') };
  if (interaction.isChatInputCommand()) return { ...base, kind: 'command', commandName: interaction.commandName, text: interaction.options.getString(TEXT_OPTION) ?? '' };
  if (interaction.isButton()) return { ...base, kind: 'button', customId: interaction.customId };
  if (interaction.isModalSubmit()) {
    const fields: Record<string, string> = {};
    for (const field of interaction.fields.fields.values()) if ('value' in field) fields[field.customId] = String(field.value);
    return { ...base, kind: 'modal', customId: interaction.customId, fields };
  }
  return undefined;
}

/** The methods of discord.js's repliable interactions the responder calls (a union's common calls, typed loosely). */
interface AnswerableInteraction {
  reply(options: object): Promise<unknown>;
  update(options: object): Promise<unknown>;
  showModal(modal: object): Promise<unknown>;
  deferReply(options: object): Promise<unknown>;
  deferUpdate(): Promise<unknown>;
  editReply(options: object): Promise<unknown>;
  followUp(options: object): Promise<unknown>;
  respond(choices: object[]): Promise<unknown>;
}

function gatewayResponder(interaction: AnswerableInteraction): InteractionResponder {
  const flags = (ephemeral: boolean) => (ephemeral ? MessageFlags.Ephemeral : undefined);
  return {
    reply: async (message, ephemeral) => void (await interaction.reply({ ...body(message), flags: flags(ephemeral) })),
    update: async (message) => void (await interaction.update(body(message))),
    showModal: async (modal: DiscordModal) => void (await interaction.showModal(modal)),
    deferReply: async (ephemeral) => void (await interaction.deferReply({ flags: flags(ephemeral) })),
    deferUpdate: async () => void (await interaction.deferUpdate()),
    editReply: async (message) => void (await interaction.editReply(body(message))),
    followUp: async (message, ephemeral) => void (await interaction.followUp({ ...body(message), flags: flags(ephemeral) })),
    choices: async (choices) => void (await interaction.respond(choices)),
  };
}

/** A rendered message as discord.js send options; mentions are never parsed. */
function body(message: DiscordMessage) {
  return { ...(message.content ? { content: message.content } : {}), embeds: message.embeds, components: message.components, allowedMentions: { parse: [] as [] } };
}
