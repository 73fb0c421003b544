import { REST, Routes } from 'discord.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { DeliveryKeys } from '../../core/delivery-keys.js';
import type { Router } from '../../core/router.js';
import type { Timers } from '../../core/timers.js';
import { readBody } from '../../http/read-body.js';
import type { ServiceServer } from '../../http/service-server.js';
import { TEXT_OPTION } from './command-definitions.js';
import type { DiscordMessage } from './embeds.js';
import { DiscordInteractionFlow, type DiscordInteraction, type DiscordPeopleSettings, type InteractionResponder } from './interaction-flow.js';
import { botGuilds, DiscordLeadRole } from './lead-role.js';
import { DiscordRestOutbox } from './rest-outbox.js';
import { checkDiscordSignature, discordPublicKey } from './signature.js';

/** Where Discord POSTs interactions; the Developer Portal's "Interactions Endpoint URL" is PUBLIC_URL + this. */
export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

/** Interactions are small; anything bigger is not Discord. */
const BODY_LIMIT = 256 * 1024;
const EPHEMERAL = 64;

/** Interaction types (Discord API, "Interaction Object") and callback types ("Interaction Response"). */
const Type = { ping: 1, command: 2, component: 3, autocomplete: 4, modal: 5 } as const;
const Callback = { pong: 1, message: 4, deferredMessage: 5, deferredUpdate: 6, update: 7, choices: 8, modal: 9 } as const;
const BUTTON = 2;

const User = z.object({ id: z.string(), username: z.string().default('') });
const Option = z.object({ name: z.string(), value: z.unknown().optional(), focused: z.boolean().optional() });
/** The fields of an interaction the bot reads; Discord sends many more, which are ignored. */
const RawInteraction = z.object({
  id: z.string(),
  application_id: z.string(),
  type: z.number().int(),
  token: z.string().default(''),
  locale: z.string().optional(),
  guild_id: z.string().optional(),
  member: z.object({ user: User, roles: z.array(z.string()).default([]) }).optional(),
  user: User.optional(),
  data: z
    .object({
      name: z.string().optional(),
      options: z.array(Option).optional(),
      custom_id: z.string().optional(),
      component_type: z.number().optional(),
      components: z.array(z.object({ components: z.array(z.object({ custom_id: z.string(), value: z.string().optional() })).default([]) })).optional(),
    })
    .default({}),
});
type RawInteraction = z.infer<typeof RawInteraction>;

export interface DiscordHttpSettings extends DiscordPeopleSettings {
  /** DISCORD_PUBLIC_KEY, 64 hex digits. */
  publicKey: string;
  /** The bot token, for what the bot sends on its own (reminders by DM); answers to interactions need none. */
  token: string;
  apiUrl?: string;
  /** DISCORD_GUILD_ID: where the lead role is looked up before any command reached this replica. */
  guildId?: string;
  /** How long a lead-role answer is trusted. Default 30 s. */
  leadRoleTtlMs?: number;
}

export interface DiscordHttpOptions {
  settings: DiscordHttpSettings;
  router: Router;
  clock: Clock;
  log: Logger;
  server: ServiceServer;
  deliveries: DeliveryKeys;
  timers?: Timers;
}

type CallbackBody = { type: number; data?: unknown };

/**
 * Discord's HTTP interactions: Discord POSTs each slash command, button press and modal submit
 * to DISCORD_INTERACTIONS_PATH, signed with the application's Ed25519 key. Any replica behind
 * the URL can answer, with no gateway session: the first response is the HTTP answer, edits and
 * follow-ups go to the interaction's webhook. Unsigned, forged or stale requests get 401 and
 * reach no command; a redelivered interaction (a retry that lands on another replica) is
 * acknowledged but handled once.
 */
export class DiscordHttpInteractions extends DiscordRestOutbox {
  readonly #options: DiscordHttpOptions;
  readonly #key: KeyObject;
  readonly #rest: REST;
  readonly #flow: DiscordInteractionFlow;
  readonly #leadRole: DiscordLeadRole;
  readonly #inFlight = new Set<Promise<void>>();
  #mounted = false;

  constructor(options: DiscordHttpOptions) {
    const { settings } = options;
    const rest = new REST(settings.apiUrl ? { api: settings.apiUrl.replace(/\/$/, '') } : {}).setToken(settings.token);
    super(rest);
    this.#options = options;
    this.#rest = rest;
    this.#key = discordPublicKey(settings.publicKey);
    this.#flow = new DiscordInteractionFlow(options);
    const { leadsRoleId, leadRoleTtlMs, guildId } = settings;
    this.#leadRole = new DiscordLeadRole({ rest, leadsRoleId, ttlMs: leadRoleTtlMs, guildId, listGuilds: () => botGuilds(rest), now: () => options.clock.now().getTime(), log: options.log });
  }

  /**
   * Whether that person holds DISCORD_LEADS_ROLE_ID now, for the board: the member roles of their
   * latest signed interaction on this replica while fresh, else asked of Discord in the guilds
   * commands came from (or DISCORD_GUILD_ID, or every guild the bot is in).
   */
  hasLeadRole(userId: string): Promise<boolean> {
    return this.#leadRole.has(userId);
  }

  /** Mounts the endpoint on the service port (call before the server starts listening). */
  start(): { path: string } {
    this.#options.server.mount(DISCORD_INTERACTIONS_PATH, (req, res) => this.#receive(req, res));
    this.#mounted = true;
    return { path: DISCORD_INTERACTIONS_PATH };
  }

  /** For /readyz: the endpoint is mounted (Discord connects to us; there is no session to lose). */
  isConnected(): boolean {
    return this.#mounted;
  }

  /** Lets answers already under way finish their follow-ups. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
  }

  async #receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' });
    const raw = await readBody(req, BODY_LIMIT);
    if (!raw) return answer(res, 413, { error: 'too large' });
    const verdict = checkDiscordSignature(this.#key, { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp') }, raw, this.#options.clock.now());
    if (verdict !== 'ok') {
      this.#options.log.warn({ verdict }, 'discord interaction refused: bad signature');
      return answer(res, 401, { error: 'invalid request signature' });
    }
    const parsed = RawInteraction.safeParse(parseJson(raw));
    if (!parsed.success) return answer(res, 400, { error: 'not an interaction' });
    const payload = parsed.data;
    if (payload.type === Type.ping) return answer(res, 200, { type: Callback.pong });
    const interaction = readInteraction(payload);
    if (!interaction) return answer(res, 400, { error: 'interaction type not handled' });
    if (payload.member) this.#leadRole.saw(payload.guild_id, payload.member.user.id, payload.member.roles);
    if (!(await this.#options.deliveries.firstDelivery(`discord:interaction:${payload.id}`))) {
      this.#options.log.info({ id: payload.id }, 'discord interaction delivered again; acknowledged, not handled twice');
      return answer(res, 200, repeatAcknowledgement(interaction));
    }
    await this.#answer(interaction, payload, res);
  }

  /** Runs the flow; its first response is written as the HTTP answer, the rest follows on the webhook. */
  async #answer(interaction: DiscordInteraction, payload: RawInteraction, res: ServerResponse): Promise<void> {
    let first!: (body: CallbackBody) => void;
    const firstBody = new Promise<CallbackBody>((resolve) => (first = resolve));
    const written = new Promise<void>((resolve) => res.once('close', resolve));
    const responder = httpResponder(this.#rest, payload, async (body) => {
      first(body);
      await written;
    });
    const handled = this.#flow.handle(interaction, responder);
    this.#inFlight.add(handled);
    void handled.finally(() => this.#inFlight.delete(handled));
    // A flow that ends without answering (a button from an unknown command) is still acknowledged.
    const body = await Promise.race([firstBody, handled.then(() => repeatAcknowledgement(interaction))]);
    answer(res, 200, body);
  }
}

/** The neutral interaction, or undefined for kinds the bot does not answer (select menus, PING handled before). */
function readInteraction(payload: RawInteraction): DiscordInteraction | undefined {
  const user = payload.member?.user ?? payload.user;
  if (!user) return undefined;
  const base = { id: payload.id, user, ...(payload.locale ? { locale: payload.locale } : {}), roleIds: payload.member?.roles ?? [] };
  const { data } = payload;
  const option = (pick: (o: z.infer<typeof Option>) => boolean) => {
    const found = data.options?.find(pick)?.value;
    return found === undefined ? '' : String(found);
  };
  switch (payload.type) {
    case Type.command:
      return { ...base, kind: 'command', commandName: data.name ?? '', text: option((o) => o.name === TEXT_OPTION) };
    case Type.autocomplete:
      return { ...base, kind: 'autocomplete', commandName: data.name ?? '', text: option((o) => o.focused === true) };
    case Type.component:
      return data.component_type === BUTTON && data.custom_id ? { ...base, kind: 'button', customId: data.custom_id } : undefined;
    case Type.modal: {
      const fields = Object.fromEntries((data.components ?? []).flatMap((row) => row.components).map((f) => [f.custom_id, f.value ?? '']));
      return data.custom_id ? { ...base, kind: 'modal', customId: data.custom_id, fields } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The HTTP responder: the first response goes back as the HTTP answer (`sendFirst` resolves once
 * it is written, so a follow-up never overtakes it); edits and follow-ups use the interaction's
 * webhook, which needs no bot token.
 */
function httpResponder(rest: REST, payload: RawInteraction, sendFirst: (body: CallbackBody) => Promise<void>): InteractionResponder {
  const flags = (ephemeral: boolean) => (ephemeral ? { flags: EPHEMERAL } : {});
  return {
    reply: (message, ephemeral) => sendFirst({ type: Callback.message, data: { ...message, ...flags(ephemeral) } }),
    update: (message) => sendFirst({ type: Callback.update, data: message }),
    showModal: (modal) => sendFirst({ type: Callback.modal, data: modal }),
    deferReply: (ephemeral) => sendFirst({ type: Callback.deferredMessage, data: flags(ephemeral) }),
    deferUpdate: () => sendFirst({ type: Callback.deferredUpdate }),
    choices: (choices) => sendFirst({ type: Callback.choices, data: { choices } }),
    editReply: async (message: DiscordMessage) => {
      await rest.patch(Routes.webhookMessage(payload.application_id, payload.token, '@original'), { body: message, auth: false });
    },
    followUp: async (message, ephemeral) => {
      await rest.post(Routes.webhook(payload.application_id, payload.token), { body: { ...message, ...flags(ephemeral) }, auth: false });
    },
  };
}

/** For a repeat: a silent acknowledgement that changes nothing the first delivery answers. */
function repeatAcknowledgement(interaction: DiscordInteraction): CallbackBody {
  if (interaction.kind === 'autocomplete') return { type: Callback.choices, data: { choices: [] } };
  if (interaction.kind === 'command') return { type: Callback.deferredMessage, data: { flags: EPHEMERAL } };
  return { type: Callback.deferredUpdate };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
