import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Routes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { localeFromTag, type Locale } from '../../i18n/locale.js';
import type { ChannelTarget, Outbox, Recipient, SentMessage } from '../../core/outbox.js';
import type { Request, Requester } from '../../core/request.js';
import type { Reply } from '../../core/reply.js';
import type { Router } from '../../core/router.js';
import { systemTimers, type Timers } from '../../core/timers.js';
import { messagesFor } from '../../i18n/index.js';
import { TEXT_OPTION } from './command-definitions.js';
import { parseCustomId, toDiscordMessages, toDiscordModal, type DiscordMessage } from './embeds.js';
import type { PersonRef } from '../../core/platform.js';
import { DISCORD, discordAddresses, discordCapabilities, resolveDiscordMentions } from './discord-platform.js';

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
}

/**
 * Discord gives an interaction 3 seconds for its first response. An answer not ready after this
 * long is deferred ("thinking…", or a silent acknowledgement for a button) and sent as an edit
 * or follow-up when it is.
 */
const DEFER_AFTER_MS = 1000;

type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/**
 * Discord through a discord.js gateway client with the minimum intent (Guilds). Slash
 * commands, autocomplete and button presses arrive as interactions; every answer is
 * ephemeral, an embed with buttons, and mentions nobody.
 */
export class DiscordAdapter implements Outbox {
  /** The platform name this adapter registers under, and how it reads its people and places. */
  readonly platform = DISCORD;
  readonly addresses = discordAddresses;
  readonly capabilities = discordCapabilities;
  readonly #options: DiscordAdapterOptions;
  readonly #client: Client;
  /** Guilds the bot has served commands in (plus DISCORD_GUILD_ID), where the lead role lives. */
  readonly #guilds = new Set<string>();
  readonly #roleLookups = new Map<string, { lead: boolean; at: number }>();

  constructor(options: DiscordAdapterOptions) {
    this.#options = options;
    const { settings } = options;
    if (settings.guildId) this.#guilds.add(settings.guildId);
    this.#client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      rest: settings.apiUrl ? { api: settings.apiUrl.replace(/\/$/, '') } : {},
    });
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

  /** A direct message with working buttons; the DM channel is opened as needed. */
  /** Every message of the reply, in order; the first is the one later updates edit. */
  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    let first: SentMessage | undefined;
    for (const [index, message] of toDiscordMessages(reply).entries()) {
      const sent = await this.#client.users.send(to.userId, { ...body(message), ...sameNonce(reply, index) });
      first ??= { platform: DISCORD, channel: sent.channelId, id: sent.id };
    }
    return first!;
  }

  async postToChannel(to: ChannelTarget, reply: Reply): Promise<SentMessage> {
    let first: SentMessage | undefined;
    for (const [index, message] of toDiscordMessages(reply).entries()) {
      const nonce = sameNonce(reply, index);
      const payload = nonce.nonce ? { ...message, nonce: nonce.nonce, enforce_nonce: true } : message;
      const sent = (await this.#client.rest.post(Routes.channelMessages(to.channel), { body: payload })) as { id: string; channel_id: string };
      first ??= { platform: DISCORD, channel: sent.channel_id, id: sent.id };
    }
    return first!;
  }

  /** GET /users/:id; Discord's "Unknown User" (10013) or a malformed id means no one. */
  async knowsPerson(to: Recipient): Promise<boolean | undefined> {
    try {
      const user = await this.#client.users.fetch(to.userId);
      return !user.bot;
    } catch (error) {
      const code = (error as { code?: number | string }).code;
      return code === 10013 || code === 50035 ? false : undefined;
    }
  }

  /** The first message is edited in place; a longer answer continues in new messages after it. */
  async update(target: SentMessage, reply: Reply): Promise<void> {
    const [head, ...rest] = toDiscordMessages(reply);
    await this.#client.rest.patch(Routes.channelMessage(target.channel, target.id), { body: head });
    for (const more of rest) await this.#client.rest.post(Routes.channelMessages(target.channel), { body: more });
  }

  /** For /readyz: the gateway session is up. */
  isConnected(): boolean {
    return this.#client.isReady();
  }

  async stop(): Promise<void> {
    await this.#client.destroy();
  }

  async #onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) return await this.#autocomplete(interaction);
      if (interaction.isChatInputCommand()) return await this.#command(interaction);
      if (interaction.isButton()) return await this.#button(interaction);
      if (interaction.isModalSubmit()) return await this.#formSubmitted(interaction);
    } catch (error) {
      this.#options.log.error({ err: error, kind: interaction.type }, 'discord interaction failed');
      if (interaction.isRepliable() && !interaction.replied) {
        const m = messagesFor(this.#requester(interaction).locale);
        const answer = { content: m.common.internalError, allowedMentions: { parse: [] } };
        const sent = interaction.deferred
          ? interaction.followUp({ ...answer, flags: MessageFlags.Ephemeral })
          : interaction.reply({ ...answer, flags: MessageFlags.Ephemeral });
        await sent.catch(() => undefined);
      }
    }
  }

  async #autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const user = this.#requester(interaction);
    const choices = this.#options.router
      .suggest(interaction.commandName, String(interaction.options.getFocused() ?? ''), user.locale)
      .map((s) => ({ name: s.label.slice(0, 100), value: s.value.slice(0, 100) }));
    await interaction.respond(choices.slice(0, 25));
  }

  async #command(interaction: ChatInputCommandInteraction): Promise<void> {
    const { text, mentions } = resolveDiscordMentions(interaction.options.getString(TEXT_OPTION) ?? '');
    const request: Request = {
      kind: 'command',
      platform: DISCORD,
      user: this.#requester(interaction),
      command: interaction.commandName,
      text,
      localeExplicit: false,
      deliveryId: interaction.id,
      capabilities: discordCapabilities,
      ...(mentions.length ? { mentions } : {}),
    };
    const reply = await this.#inTime(interaction, this.#options.router.handle(request));
    if (!reply) return;
    if (reply.form) {
      await interaction.showModal(toDiscordModal(reply.form) as Parameters<typeof interaction.showModal>[0]);
      return;
    }
    await this.#reply(interaction, reply);
  }

  /**
   * The reply if it is ready within DEFER_AFTER_MS; otherwise the interaction is deferred, the
   * late reply is delivered as an edit or follow-up, and undefined is returned.
   */
  async #inTime(interaction: Answerable, handled: Promise<Reply>): Promise<Reply | undefined> {
    const timers = this.#options.timers ?? systemTimers;
    let cancel: (() => void) | undefined;
    const late = new Promise<undefined>((resolve) => (cancel = timers.after(DEFER_AFTER_MS, () => resolve(undefined))));
    const early = await Promise.race([handled, late]);
    cancel?.();
    if (early) return early;
    if (interaction.isButton()) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await this.#deliverLate(interaction, await handled);
    return undefined;
  }

  async #deliverLate(interaction: Answerable, reply: Reply): Promise<void> {
    // A form can no longer open once deferred; its reply's blocks say what to type instead.
    const [head, ...rest] = toDiscordMessages({ ...reply, form: undefined });
    const flags = reply.private ? MessageFlags.Ephemeral : undefined;
    if (interaction.isButton() && !reply.replacesOriginal) await interaction.followUp({ ...body(head!), flags });
    else await interaction.editReply(body(head!));
    for (const more of rest) await interaction.followUp({ ...body(more), flags });
  }

  async #formSubmitted(interaction: ModalSubmitInteraction): Promise<void> {
    const values: Record<string, string> = {};
    const mentions: PersonRef[] = [];
    for (const field of interaction.fields.fields.values()) {
      if (!('value' in field)) continue;
      const resolved = resolveDiscordMentions(String(field.value));
      values[field.customId] = resolved.text;
      mentions.push(...resolved.mentions);
    }
    await this.#action(interaction, JSON.stringify(values), mentions);
  }

  async #button(interaction: ButtonInteraction): Promise<void> {
    await this.#action(interaction);
  }

  /** A button press or form submission, routed by its custom id; `value` defaults to the id's own. */
  async #action(interaction: ButtonInteraction | ModalSubmitInteraction, value?: string, mentions: PersonRef[] = []): Promise<void> {
    const parsed = parseCustomId(interaction.customId);
    if (!parsed) return;
    const request: Request = {
      kind: 'action',
      platform: DISCORD,
      user: this.#requester(interaction),
      command: parsed.command,
      actionId: parsed.id,
      value: value ?? parsed.value,
      localeExplicit: false,
      deliveryId: interaction.id,
      capabilities: discordCapabilities,
      ...(mentions.length ? { mentions } : {}),
    };
    const reply = await this.#inTime(interaction, this.#options.router.handle(request));
    if (!reply) return;
    if (reply.form && interaction.isButton()) {
      await interaction.showModal(toDiscordModal(reply.form) as Parameters<typeof interaction.showModal>[0]);
      return;
    }
    if (reply.replacesOriginal && interaction.isButton()) {
      const [head, ...rest] = toDiscordMessages(reply);
      await interaction.update(body(head!));
      for (const more of rest) await interaction.followUp({ ...body(more), flags: reply.private ? MessageFlags.Ephemeral : undefined });
      return;
    }
    await this.#reply(interaction, reply);
  }

  async #reply(interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction, reply: Reply): Promise<void> {
    // A reply too long for one message continues in follow-ups (Discord allows several per interaction).
    const [head, ...rest] = toDiscordMessages(reply);
    const flags = reply.private ? MessageFlags.Ephemeral : undefined;
    await interaction.reply({ ...body(head!), flags });
    for (const more of rest) await interaction.followUp({ ...body(more), flags });
  }

  /**
   * Whether that person holds DISCORD_LEADS_ROLE_ID now, asked of Discord (their membership in the
   * guilds the bot serves), not taken from anything a browser sends. Answers are kept for
   * `leadRoleTtlMs`; a lookup that fails counts as no (and is not kept).
   */
  async hasLeadRole(userId: string): Promise<boolean> {
    const { leadsRoleId, leadRoleTtlMs = 30_000 } = this.#options.settings;
    if (!leadsRoleId) return false;
    const kept = this.#roleLookups.get(userId);
    if (kept && Date.now() - kept.at < leadRoleTtlMs) return kept.lead;
    const guilds = new Set([...this.#guilds, ...this.#client.guilds.cache.keys()]);
    let lead = false;
    for (const guildId of guilds) {
      try {
        const member = (await this.#client.rest.get(Routes.guildMember(guildId, userId))) as { roles?: string[] };
        lead = member.roles?.includes(leadsRoleId) ?? false;
      } catch (error) {
        // Unknown member: not in that guild. Anything else: not a lead this time, and asked again next time.
        if (!(error instanceof DiscordAPIError && error.status === 404)) {
          this.#options.log.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, 'discord: lead role lookup failed');
          return false;
        }
      }
      if (lead) break;
    }
    this.#roleLookups.set(userId, { lead, at: Date.now() });
    return lead;
  }

  #requester(interaction: Interaction): Requester {
    const { settings } = this.#options;
    if (interaction.guildId) this.#guilds.add(interaction.guildId);
    const roles = interaction.member && 'roles' in interaction.member ? interaction.member.roles : undefined;
    const roleIds = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
    return {
      id: interaction.user.id,
      name: interaction.user.username,
      locale: localeFromTag(interaction.locale) ?? settings.defaultLocale,
      timeZone: settings.teamTimeZone,
      isLead: settings.leadIds.has(interaction.user.id) || (settings.leadsRoleId !== undefined && roleIds.includes(settings.leadsRoleId)),
    };
  }
}

/**
 * A message sent on the bot's own (reminder, notice) carries a nonce made from its delivery key, with
 * enforce_nonce: when Discord took a post but answered 500, the REST client's retry and our own later
 * retry return the message already posted instead of posting it again (Discord keeps nonces a few minutes).
 */
function sameNonce(reply: Reply, index: number): { nonce?: string; enforceNonce?: true } {
  if (!reply.deliveryKey) return {};
  const nonce = createHash('sha256').update(`${reply.deliveryKey}#${index}`).digest('base64url').slice(0, 25);
  return { nonce, enforceNonce: true };
}

/** A rendered message as discord.js send options; mentions are never parsed. */
function body(message: DiscordMessage) {
  return { embeds: message.embeds, components: message.components, allowedMentions: { parse: [] as [] } };
}
