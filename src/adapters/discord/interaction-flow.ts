import type { Logger } from 'pino';
import type { PersonRef } from '../../core/platform.js';
import type { Reply } from '../../core/reply.js';
import type { Request, Requester } from '../../core/request.js';
import type { Router } from '../../core/router.js';
import { systemTimers, type Timers } from '../../core/timers.js';
import { messagesFor } from '../../i18n/index.js';
import { localeFromTag, type Locale } from '../../i18n/locale.js';
import { DISCORD, discordCapabilities, resolveDiscordMentions } from './discord-platform.js';
import { parseCustomId, toDiscordMessages, toDiscordModal, type DiscordMessage } from './embeds.js';

/**
 * An interaction as the flow reads it, whichever way it arrived: a discord.js object from the
 * gateway, or the raw JSON Discord POSTs to the HTTP interactions endpoint.
 */
export interface DiscordInteraction {
  id: string;
  kind: 'command' | 'autocomplete' | 'button' | 'modal';
  user: { id: string; username: string };
  /** The person's client locale tag, such as en-US or zh-CN. */
  locale?: string;
  roleIds: readonly string[];
  /** Slash command name (command, autocomplete). */
  commandName?: string;
  /** The text option, or for autocomplete what is being typed. */
  text?: string;
  /** Button or modal custom id. */
  customId?: string;
  /** A modal's answers by field id. */
  fields?: Record<string, string>;
}

export type DiscordModal = ReturnType<typeof toDiscordModal>;

/**
 * How an interaction is answered. The first response (reply, update, modal, defer, choices)
 * must reach Discord within 3 seconds; edits and follow-ups go through the interaction's
 * webhook token afterwards.
 */
export interface InteractionResponder {
  reply(message: DiscordMessage, ephemeral: boolean): Promise<void>;
  /** Replaces the message whose button was pressed. */
  update(message: DiscordMessage): Promise<void>;
  showModal(modal: DiscordModal): Promise<void>;
  deferReply(ephemeral: boolean): Promise<void>;
  deferUpdate(): Promise<void>;
  editReply(message: DiscordMessage): Promise<void>;
  followUp(message: DiscordMessage, ephemeral: boolean): Promise<void>;
  choices(choices: { name: string; value: string }[]): Promise<void>;
}

export interface DiscordPeopleSettings {
  leadIds: ReadonlySet<string>;
  leadsRoleId?: string;
  defaultLocale: Locale;
  teamTimeZone: string;
}

export interface InteractionFlowOptions {
  settings: DiscordPeopleSettings;
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

/**
 * Slash commands, autocomplete, button presses and modal submits → the platform-neutral router
 * → Discord messages, the same for the gateway and the HTTP interactions endpoint.
 */
export class DiscordInteractionFlow {
  readonly #options: InteractionFlowOptions;

  constructor(options: InteractionFlowOptions) {
    this.#options = options;
  }

  async handle(interaction: DiscordInteraction, responder: InteractionResponder): Promise<void> {
    const state = { deferred: false, answered: false };
    const tracked = track(responder, state);
    try {
      if (interaction.kind === 'autocomplete') return await this.#autocomplete(interaction, tracked);
      if (interaction.kind === 'command') return await this.#command(interaction, tracked);
      return await this.#action(interaction, tracked);
    } catch (error) {
      this.#options.log.error({ err: error, kind: interaction.kind }, 'discord interaction failed');
      if (interaction.kind === 'autocomplete' || state.answered) return;
      const apology = apologyMessage(messagesFor(this.requester(interaction).locale).common.internalError);
      await (state.deferred ? responder.followUp(apology, true) : responder.reply(apology, true)).catch(() => undefined);
    }
  }

  requester(interaction: DiscordInteraction): Requester {
    const { settings } = this.#options;
    return {
      id: interaction.user.id,
      name: interaction.user.username,
      locale: localeFromTag(interaction.locale) ?? settings.defaultLocale,
      timeZone: settings.teamTimeZone,
      isLead: settings.leadIds.has(interaction.user.id) || (settings.leadsRoleId !== undefined && interaction.roleIds.includes(settings.leadsRoleId)),
    };
  }

  async #autocomplete(interaction: DiscordInteraction, responder: InteractionResponder): Promise<void> {
    const choices = this.#options.router
      .suggest(interaction.commandName ?? '', interaction.text ?? '', this.requester(interaction).locale)
      .map((s) => ({ name: s.label.slice(0, 100), value: s.value.slice(0, 100) }));
    await responder.choices(choices.slice(0, 25));
  }

  async #command(interaction: DiscordInteraction, responder: InteractionResponder): Promise<void> {
    const { text, mentions } = resolveDiscordMentions(interaction.text ?? '');
    const request = this.#request(interaction, { kind: 'command', command: interaction.commandName ?? '', text }, mentions);
    const reply = await this.#inTime(interaction, responder, this.#options.router.handle(request));
    if (!reply) return;
    if (reply.form) return responder.showModal(toDiscordModal(reply.form));
    await this.#reply(responder, reply);
  }

  /** A button press or form submission, routed by its custom id; a form's answers are its value. */
  async #action(interaction: DiscordInteraction, responder: InteractionResponder): Promise<void> {
    const parsed = parseCustomId(interaction.customId ?? '');
    if (!parsed) return;
    let value = parsed.value;
    const mentions: PersonRef[] = [];
    if (interaction.kind === 'modal') {
      const values: Record<string, string> = {};
      for (const [id, raw] of Object.entries(interaction.fields ?? {})) {
        const resolved = resolveDiscordMentions(raw);
        values[id] = resolved.text;
        mentions.push(...resolved.mentions);
      }
      value = JSON.stringify(values);
    }
    const request = this.#request(interaction, { kind: 'action', command: parsed.command, actionId: parsed.id, value }, mentions);
    const reply = await this.#inTime(interaction, responder, this.#options.router.handle(request));
    if (!reply) return;
    const button = interaction.kind === 'button';
    if (reply.form && button) return responder.showModal(toDiscordModal(reply.form));
    if (reply.replacesOriginal && button) {
      const [head, ...rest] = toDiscordMessages(reply);
      await responder.update(head!);
      for (const more of rest) await responder.followUp(more, Boolean(reply.private));
      return;
    }
    await this.#reply(responder, reply);
  }

  #request(interaction: DiscordInteraction, what: { kind: 'command'; command: string; text: string } | { kind: 'action'; command: string; actionId: string; value: string }, mentions: PersonRef[]): Request {
    return {
      ...what,
      platform: DISCORD,
      user: this.requester(interaction),
      localeExplicit: false,
      deliveryId: interaction.id,
      capabilities: discordCapabilities,
      ...(mentions.length ? { mentions } : {}),
    };
  }

  /**
   * The reply if it is ready within DEFER_AFTER_MS; otherwise the interaction is deferred, the
   * late reply is delivered as an edit or follow-up, and undefined is returned.
   */
  async #inTime(interaction: DiscordInteraction, responder: InteractionResponder, handled: Promise<Reply>): Promise<Reply | undefined> {
    const timers = this.#options.timers ?? systemTimers;
    let cancel: (() => void) | undefined;
    const late = new Promise<undefined>((resolve) => (cancel = timers.after(DEFER_AFTER_MS, () => resolve(undefined))));
    const early = await Promise.race([handled, late]);
    cancel?.();
    if (early) return early;
    const button = interaction.kind === 'button';
    if (button) await responder.deferUpdate();
    else await responder.deferReply(true);
    const reply = await handled;
    // A form can no longer open once deferred; its reply's blocks say what to type instead.
    const [head, ...rest] = toDiscordMessages({ ...reply, form: undefined });
    const ephemeral = Boolean(reply.private);
    if (button && !reply.replacesOriginal) await responder.followUp(head!, ephemeral);
    else await responder.editReply(head!);
    for (const more of rest) await responder.followUp(more, ephemeral);
    return undefined;
  }

  /** A reply too long for one message continues in follow-ups (Discord allows several per interaction). */
  async #reply(responder: InteractionResponder, reply: Reply): Promise<void> {
    const [head, ...rest] = toDiscordMessages(reply);
    const ephemeral = Boolean(reply.private);
    await responder.reply(head!, ephemeral);
    for (const more of rest) await responder.followUp(more, ephemeral);
  }
}

/** Notes whether the first response went out, so a failure after it is not answered twice. */
function track(responder: InteractionResponder, state: { deferred: boolean; answered: boolean }): InteractionResponder {
  const answered = <A extends unknown[]>(send: (...args: A) => Promise<void>) => async (...args: A) => {
    await send(...args);
    state.answered = true;
  };
  return {
    reply: answered(responder.reply.bind(responder)),
    update: answered(responder.update.bind(responder)),
    showModal: answered(responder.showModal.bind(responder)),
    editReply: answered(responder.editReply.bind(responder)),
    followUp: answered(responder.followUp.bind(responder)),
    choices: answered(responder.choices.bind(responder)),
    deferReply: async (ephemeral) => {
      await responder.deferReply(ephemeral);
      state.deferred = true;
    },
    deferUpdate: async () => {
      await responder.deferUpdate();
      state.deferred = true;
    },
  };
}

function apologyMessage(text: string): DiscordMessage {
  return { content: text, embeds: [], components: [], allowed_mentions: { parse: [] } };
}
