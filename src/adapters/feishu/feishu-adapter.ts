import * as lark from '@larksuiteoapi/node-sdk';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.js';
import type { DeliveryKeys } from '../../core/delivery-keys.js';
import { CredentialsRejected } from '../../core/credentials-rejected.js';
import type { Locale } from '../../i18n/locale.js';
import { deliver, type ChannelTarget, type Outbox, type Recipient, type SentMessage } from '../../core/outbox.js';
import type { Reply } from '../../core/reply.js';
import type { ActionRequest, CommandRequest } from '../../core/request.js';
import type { Router } from '../../core/router.js';
import { systemTimers, type Timers } from '../../core/timers.js';
import { ServiceServer } from '../../http/service-server.js';
import { formAnswers, parseButtonValue, toFeishuCards, toFeishuFormCard, type FeishuCard } from './cards.js';
import { FeishuApi, FeishuApiError, sdkDomain, sdkLogger } from './feishu-api.js';
import { RecentIds, typedMessage, type CardActionEvent, type ChatType, type MenuEvent, type MessageEvent } from './feishu-events.js';
import { FEISHU, feishuAddresses, feishuCapabilities } from './feishu-platform.js';
import { errorSummary, FeishuPeople } from './feishu-people.js';
import { feishuEventHandler } from './event-receiver.js';

export const FEISHU_EVENTS_PATH = '/feishu/events';

export interface FeishuSettings {
  appId: string;
  appSecret: string;
  /** `feishu`, `lark` or a base URL. */
  domain: string;
  /** HTTP event delivery when either is set; otherwise the long connection (no public URL needed). */
  verificationToken?: string;
  encryptKey?: string;
  port: number;
  host?: string;
  leadIds: ReadonlySet<string>;
  leadsChatId?: string;
  defaultLocale: Locale;
  teamTimeZone: string;
}

export interface FeishuAdapterOptions {
  settings: FeishuSettings;
  router: Router;
  clock: Clock;
  log: Logger;
  /** The bot's HTTP server to mount /feishu/events on (HTTP mode); without it the adapter runs its own. */
  server?: ServiceServer;
  timers?: Timers;
  /**
   * The store's redelivery keys: a redelivered event that reaches another replica on the same
   * database is handled once. Without it, ids are remembered in this process only.
   */
  deliveries?: DeliveryKeys;
}

/** Feishu wants a card callback answered within 3 seconds; a later answer arrives as a new card or an edit. */
const CALLBACK_BUDGET_MS = 2_000;

const APP_ID = /^cli_[0-9a-fA-F]{16}$/;
const CONNECT_WAIT_MS = 10_000;

/** Open API codes that mean the app id or secret is wrong; no retry fixes them. */
const CREDENTIALS_REFUSED = new Set([10003, 10014, 99991543, 99991661, 99991663, 99991664, 99991665]);

interface Answering {
  chatId?: string;
  chatType?: ChatType;
  openId: string;
  /** A stable id for the first card of the answer, so a redelivered command never answers twice. */
  uuid?: string;
}

/**
 * Feishu/Lark through the official SDK. Events arrive over the SDK's long connection (WSClient)
 * or, with FEISHU_VERIFICATION_TOKEN / FEISHU_ENCRYPT_KEY, at POST /feishu/events (verified by our
 * own receiver); either way the SDK's EventDispatcher routes them here. It only translates:
 * typed `/command …` messages, bot-menu presses and card callbacks in; replies out as cards, in a
 * group visible only to the person (ephemeral), in a direct chat as a normal card.
 */
export class FeishuAdapter implements Outbox {
  readonly platform = FEISHU;
  readonly capabilities = feishuCapabilities;
  /** How LEAD_IDS, LEADS_CHANNEL and typed ids name Feishu people (ou_…) and chats (oc_…). */
  readonly addresses = feishuAddresses;
  readonly #options: FeishuAdapterOptions;
  readonly #api: FeishuApi;
  readonly #people: FeishuPeople;
  readonly #seen: RecentIds;
  /** Chats known to be direct chats with the bot (from events and DMs sent), so answers there need no ephemeral attempt. */
  readonly #directChats = new Set<string>();
  #botOpenId: string | undefined;
  #ws: lark.WSClient | undefined;
  #ownServer: ServiceServer | undefined;
  #started = false;

  constructor(options: FeishuAdapterOptions) {
    this.#options = options;
    const { settings, log, clock } = options;
    this.#api = new FeishuApi({ appId: settings.appId, appSecret: settings.appSecret, domain: settings.domain, log });
    this.#people = new FeishuPeople({
      api: this.#api,
      clock,
      log,
      defaultLocale: settings.defaultLocale,
      defaultTimeZone: settings.teamTimeZone,
      leadIds: settings.leadIds,
      ...(settings.leadsChatId ? { leadsChatId: settings.leadsChatId } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
    });
    this.#seen = new RecentIds(15 * 60_000, () => clock.now().getTime());
  }

  get mode(): 'http' | 'long-connection' {
    const { verificationToken, encryptKey } = this.#options.settings;
    return verificationToken || encryptKey ? 'http' : 'long-connection';
  }

  /**
   * Checks the app credentials (bot/v3/info, which also names the bot), then starts receiving.
   * Refused credentials throw CredentialsRejected. In HTTP mode resolves with the port when the
   * adapter runs its own server.
   */
  async start(): Promise<{ port?: number }> {
    try {
      this.#botOpenId = await this.#api.botOpenId();
    } catch (error) {
      if (error instanceof FeishuApiError && CREDENTIALS_REFUSED.has(error.code)) {
        throw new CredentialsRejected(`Feishu refused FEISHU_APP_ID / FEISHU_APP_SECRET (code ${error.code}). Copy them from the developer console (Credentials & Basic Info) and restart.`);
      }
      throw error;
    }
    const dispatcher = this.#dispatcher();
    const { settings, log } = this.#options;
    if (this.mode === 'http') {
      const handler = feishuEventHandler(
        { ...(settings.encryptKey ? { encryptKey: settings.encryptKey } : {}), ...(settings.verificationToken ? { verificationToken: settings.verificationToken } : {}) },
        // Verified and decrypted above: the SDK only routes by event type.
        (payload) => dispatcher.invoke(payload, { needCheck: false }),
        log,
      );
      this.#started = true;
      if (this.#options.server) {
        this.#options.server.mount(FEISHU_EVENTS_PATH, handler);
        return {};
      }
      this.#ownServer = new ServiceServer({ port: settings.port, ...(settings.host ? { host: settings.host } : {}), log });
      this.#ownServer.mount(FEISHU_EVENTS_PATH, handler);
      return { port: (await this.#ownServer.start()).port };
    }
    // The SDK silently ignores an app id of the wrong shape; say so instead of waiting forever.
    if (!APP_ID.test(settings.appId)) throw new CredentialsRejected('FEISHU_APP_ID is not an app id (cli_ and 16 hex digits); copy it from the developer console.');
    const timers = this.#options.timers ?? systemTimers;
    await new Promise<void>((resolve, reject) => {
      // Retryable failures (Feishu unreachable) are retried by the SDK; start-up goes on after a
      // while and /readyz says "not connected" until the socket is open.
      const cancel = timers.after(CONNECT_WAIT_MS, () => {
        log.warn({ component: 'feishu' }, 'feishu long connection not open yet; still trying');
        resolve();
      });
      this.#ws = new lark.WSClient({
        appId: settings.appId,
        appSecret: settings.appSecret,
        domain: sdkDomain(settings.domain),
        logger: sdkLogger(log),
        loggerLevel: lark.LoggerLevel.info,
        onReady: () => {
          cancel();
          resolve();
        },
        onError: (error: Error) => {
          cancel();
          reject(new CredentialsRejected(`Feishu refused the long connection (${error.message}). Check FEISHU_APP_ID / FEISHU_APP_SECRET and that the app uses long-connection event delivery.`));
        },
      });
      void this.#ws.start({ eventDispatcher: dispatcher });
    });
    this.#started = true;
    return {};
  }

  /** For /readyz: HTTP mode once mounted; long connection while its socket is open. */
  isConnected(): boolean {
    if (!this.#started) return false;
    return this.#ws ? this.#ws.getConnectionStatus().state === 'connected' : true;
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#ws?.close({ force: true });
    await this.#ownServer?.stop();
  }

  /** Members of FEISHU_LEADS_CHAT_ID, so escalations and notes for leads reach them by DM too. */
  chatLeads(): Promise<readonly string[]> {
    return this.#people.chatLeads();
  }

  // ---- Outbox: what the bot sends on its own ----

  /** A direct message (sending to an open_id opens the person's chat with the bot), buttons working as in replies. */
  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    return this.#post({ openId: to.userId }, reply);
  }

  async postToChannel(to: ChannelTarget, reply: Reply): Promise<SentMessage> {
    return this.#post({ chatId: to.channel }, reply);
  }

  /** The first card is replaced in place; a longer answer continues in new cards after it. */
  async update(message: SentMessage, reply: Reply): Promise<void> {
    const [head, ...rest] = toFeishuCards(reply);
    await this.#api.patchCard(message.id, head!);
    for (const card of rest) await this.#api.sendCard({ chatId: message.channel }, card);
  }

  /** contact/v3: a resigned person is no one to hand work to; without the contact scope, unknown. */
  async knowsPerson(to: Recipient): Promise<boolean | undefined> {
    try {
      const user = await this.#api.user(to.userId);
      return user ? !user.resigned : undefined;
    } catch {
      return undefined;
    }
  }

  /** Feishu dedupes by `uuid` for an hour: a resend with the same delivery key returns nothing new. */
  async resend(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
    return deliver(this, to, reply);
  }

  async #post(to: { openId: string } | { chatId: string }, reply: Reply): Promise<SentMessage> {
    let first: SentMessage | undefined;
    for (const [index, card] of toFeishuCards(reply).entries()) {
      const sent = await this.#api.sendCard(to, card, reply.deliveryKey && deliveryUuid(reply.deliveryKey, 'openId' in to ? to.openId : to.chatId, index));
      if ('openId' in to) this.#directChats.add(sent.chatId);
      first ??= { platform: FEISHU, channel: sent.chatId, id: sent.messageId };
    }
    return first!;
  }

  // ---- Events in ----

  #dispatcher(): lark.EventDispatcher {
    const { log } = this.#options;
    const dispatcher = new lark.EventDispatcher({ logger: sdkLogger(log), loggerLevel: lark.LoggerLevel.info });
    // Messages and menu presses are acknowledged at once and answered through the API, so
    // Feishu never redelivers them for being slow; card callbacks answer with their response.
    dispatcher.register({
      'im.message.receive_v1': (data: MessageEvent) => {
        void this.#guard('message', () => this.#onMessage(data));
        return {};
      },
      'application.bot.menu_v6': (data: MenuEvent) => {
        void this.#guard('menu', () => this.#onMenu(data));
        return {};
      },
      'card.action.trigger': (data: CardActionEvent) => this.#guard('card action', () => this.#onCardAction(data)).then((answer) => answer ?? {}),
    } as Record<string, (data: never) => unknown>);
    return dispatcher;
  }

  /** The error boundary around every handler: logged with its kind (never the text), never thrown into the SDK. */
  async #guard<T>(kind: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.#options.log.error({ component: 'feishu', kind, err: errorSummary(error) }, 'feishu handler failed');
      return undefined;
    }
  }

  /** True unless this delivery was handled already (by this replica, or by any on the same database). A delivery without an id is new. */
  #firstTime(key: string | undefined): Promise<boolean> {
    const deliveries = this.#options.deliveries;
    if (!key) return Promise.resolve(true);
    return deliveries ? deliveries.firstDelivery(`feishu:${key}`) : Promise.resolve(this.#seen.firstTime(key));
  }

  async #onMessage(event: MessageEvent): Promise<void> {
    const message = typedMessage(event, this.#botOpenId);
    if (!message || !(await this.#firstTime(`message:${message.messageId}`))) return;
    if (message.chatType === 'p2p') this.#directChats.add(message.chatId);
    const where: Answering = { chatId: message.chatId, chatType: message.chatType, openId: message.senderOpenId, uuid: message.messageId };
    const user = await this.#people.requester(message.senderOpenId);
    if (!message.command) {
      // Anything that is not a command (a greeting, a question) gets the list of what the bot does.
      return this.#answer(where, await this.#options.router.home(user, FEISHU));
    }
    const request: CommandRequest = {
      kind: 'command',
      platform: FEISHU,
      user,
      command: message.command.command,
      text: message.command.text,
      localeExplicit: false,
      deliveryId: message.messageId,
      capabilities: feishuCapabilities,
      ...(message.mentions.length ? { mentions: message.mentions } : {}),
    };
    await this.#answer(where, await this.#options.router.handle(request));
  }

  /** A menu press runs its command bare, answered in the person's chat with the bot. */
  async #onMenu(event: MenuEvent): Promise<void> {
    const openId = event.operator?.operator_id?.open_id;
    const command = this.#options.router.commands.find((c) => c.name === event.event_key?.replace(/^\//, ''));
    if (!openId || !(await this.#firstTime(event.event_id && `menu:${event.event_id}`))) return;
    const user = await this.#people.requester(openId);
    const where: Answering = { openId, ...(event.event_id ? { uuid: event.event_id } : {}) };
    if (!command) return this.#answer(where, await this.#options.router.home(user, FEISHU));
    const reply = await this.#options.router.handle({
      kind: 'command',
      platform: FEISHU,
      user,
      command: command.name,
      text: '',
      localeExplicit: false,
      capabilities: feishuCapabilities,
      ...(event.event_id ? { deliveryId: event.event_id } : {}),
    });
    await this.#answer(where, reply);
  }

  /**
   * A button or form submission. The answer replaces the card in the callback response when it
   * replaces the original (Done on a reminder) or answers a form; otherwise it comes as new cards.
   * An answer not ready within the budget is delivered afterwards, as an edit or new cards.
   */
  async #onCardAction(event: CardActionEvent): Promise<unknown> {
    const openId = event.operator?.open_id;
    const value = parseButtonValue(event.action?.value);
    if (!openId || !value || !(await this.#firstTime(event.event_id && `action:${event.event_id}`))) return {};
    const chatId = event.context?.open_chat_id;
    const where: Answering = { openId, ...(chatId ? { chatId, ...(this.#directChats.has(chatId) ? { chatType: 'p2p' as const } : {}) } : {}) };
    const isForm = event.action?.form_value !== undefined;
    const user = await this.#people.requester(openId);
    const request: ActionRequest = {
      kind: 'action',
      platform: FEISHU,
      user,
      command: value.c,
      actionId: value.a,
      value: isForm ? JSON.stringify(formAnswers(event.action!.form_value!)) : value.v,
      localeExplicit: false,
      capabilities: feishuCapabilities,
      ...(event.event_id ? { deliveryId: event.event_id } : {}),
    };
    const handled = this.#options.router.handle(request);
    const timers = this.#options.timers ?? systemTimers;
    let cancel: (() => void) | undefined;
    const late = new Promise<undefined>((resolve) => (cancel = timers.after(CALLBACK_BUDGET_MS, () => resolve(undefined))));
    const reply = await Promise.race([handled, late]);
    cancel?.();
    const inPlace = (r: Reply) => !r.form && (r.replacesOriginal || isForm);
    if (!reply) {
      void handled
        .then(async (r) => {
          const messageId = event.context?.open_message_id;
          if (inPlace(r) && messageId && where.chatType === 'p2p') return this.update({ platform: FEISHU, channel: chatId ?? '', id: messageId }, r);
          return this.#answer(where, r);
        })
        .catch((error: unknown) => this.#options.log.error({ component: 'feishu', err: errorSummary(error) }, 'feishu late answer failed'));
      return {};
    }
    if (inPlace(reply)) {
      const [head, ...rest] = toFeishuCards(reply);
      if (rest.length) void this.#guard('continuation', () => this.#sendCards(where, rest));
      return { card: { type: 'raw', data: head } };
    }
    await this.#answer(where, reply);
    return {};
  }

  // ---- Replies out ----

  async #answer(where: Answering, reply: Reply): Promise<void> {
    const cards = reply.form ? [toFeishuFormCard(reply.form, reply.tone)] : toFeishuCards(reply);
    await this.#sendCards(where, cards, reply.private, where.uuid);
  }

  /**
   * In a direct chat, normal cards; in a group, ephemeral cards only the person sees (or normal
   * ones for a reply meant for everyone). Where the ephemeral card cannot be sent (an unknown
   * chat that is a direct chat, a chat the bot has left), the answer goes to the person's own
   * chat with the bot: private answers never fall back to a place others can read.
   */
  async #sendCards(where: Answering, cards: FeishuCard[], isPrivate = true, uuid?: string): Promise<void> {
    const { log } = this.#options;
    for (const [i, card] of cards.entries()) {
      const id = uuid ? `${uuid}-${i}` : undefined;
      if (!where.chatId) {
        await this.#api.sendCard({ openId: where.openId }, card, id);
      } else if (where.chatType === 'p2p' || (!isPrivate && where.chatType === 'group')) {
        await this.#api.sendCard({ chatId: where.chatId }, card, id);
      } else {
        try {
          await this.#api.sendEphemeral(where.chatId, where.openId, card);
        } catch (error) {
          log.info({ component: 'feishu', err: errorSummary(error) }, 'feishu ephemeral card refused; answering in the direct chat');
          const sent = await this.#api.sendCard({ openId: where.openId }, card, id);
          this.#directChats.add(sent.chatId);
        }
      }
    }
  }
}

/**
 * The `uuid` of one card of a message the bot sends on its own: Feishu keeps it per app, so it
 * names the receiver and the card too (an escalation to two leads is two messages), hashed to
 * fit its 50 characters.
 */
function deliveryUuid(deliveryKey: string, receiver: string, index: number): string {
  return createHash('sha256').update(`${deliveryKey}@${receiver}#${index}`).digest('base64url');
}
