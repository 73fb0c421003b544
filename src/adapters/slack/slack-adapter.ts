import { App, HTTPReceiver, SocketModeReceiver, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.js';
import type { Locale } from '../../i18n/locale.js';
import type { ChannelTarget, Outbox, Recipient, SentMessage } from '../../core/outbox.js';
import type { Reply } from '../../core/reply.js';
import type { Request } from '../../core/request.js';
import type { Router } from '../../core/router.js';
import { systemTimers, type Timers } from '../../core/timers.js';
import { decodeSlackEntities, formValues, parseActionId, parseFormCallbackId, toSlackMessages, toSlackModal } from './block-kit.js';
import { ServiceServer } from '../../http/service-server.js';
import { IdempotentPoster } from './idempotent-poster.js';
import { RecentDeliveries } from '../../db/recent-deliveries.js';
import { UncertainPosts, type UncertainPostsRecord } from '../../db/uncertain-posts.js';
import { guardSlackRequests } from './slack-request-guard.js';
import { identifyBot, reconnectDelayMs, SlackTokenRejected, type SlackIdentity } from './slack-identity.js';
import { SlackPeople } from './slack-people.js';
import { resolveSlackMentions, SLACK, slackAddresses, slackCapabilities } from './slack-platform.js';

export interface SlackSettings {
  botToken: string;
  /** Socket Mode when set (no public URL needed); otherwise HTTP with the signing secret. */
  appToken?: string;
  signingSecret?: string;
  port: number;
  /** Bind address for the HTTP endpoint when the adapter runs its own server; default every interface. */
  host?: string;
  apiUrl?: string;
  leadIds: ReadonlySet<string>;
  leadsUsergroup?: string;
  defaultLocale: Locale;
  teamTimeZone: string;
}

export interface SlackAdapterOptions {
  settings: SlackSettings;
  router: Router;
  clock: Clock;
  log: Logger;
  /** The bot's HTTP server to mount `/slack/events` on (HTTP mode); without it the adapter runs its own. */
  server?: ServiceServer;
  /** Where handled delivery ids are kept for a few minutes, so a redelivery after a restart is still recognised. */
  deliveriesFile?: string;
  /** Handled delivery ids kept by the bot's store instead (DATABASE_URL: a retry landing on another replica is still handled once). */
  firstDelivery?: (key: string) => Promise<boolean>;
  /**
   * Where posts that may have landed despite an error are recorded (the bot's store), so their
   * retry after a restart, or on another replica, checks first. Default: this process's memory.
   */
  uncertainPosts?: UncertainPostsRecord;
  /** For the start-up retries while Slack cannot be reached, and waiting out rate limits. */
  timers?: Timers;
  /** Slack refused the token after start-up had begun retrying; the process should stop with this line. */
  onFatal?: (message: string) => void;
}

/**
 * Slack through Bolt: every command of the router as a slash command, every reply button as
 * an action. It only translates: Slack payload → Request, Reply → Block Kit. Bolt verifies
 * request signatures and timestamps (HTTP) and acknowledges within Slack's 3 seconds; the
 * answer follows through the response URL, visible only to the person who asked.
 */
export class SlackAdapter implements Outbox {
  /** The platform name this adapter registers under, and how it reads its people and places. */
  readonly platform = SLACK;
  readonly addresses = slackAddresses;
  readonly capabilities = slackCapabilities;
  readonly #options: SlackAdapterOptions;
  /** Made once Slack has confirmed the token (start), with the bot's identity, so Bolt never asks again. */
  #app: InstanceType<typeof App> | undefined;
  /** The Web API client for everything the bot sends on its own; works before and after the App exists. */
  readonly #web: webApi.WebClient;
  /** For chat.postMessage / postEphemeral: never retried automatically (a retry of a post that landed is a duplicate). */
  readonly #postClient: webApi.WebClient;
  readonly #poster: IdempotentPoster;
  readonly #logger: BoltLogger;
  readonly #clientOptions: webApi.WebClientOptions;
  #cancelRetry: (() => void) | undefined;
  readonly #receiver: InstanceType<typeof HTTPReceiver> | InstanceType<typeof SocketModeReceiver>;
  readonly #people: SlackPeople;
  readonly #deliveries: Pick<RecentDeliveries, 'firstTime'>;
  #ownServer: ServiceServer | undefined;
  #started = false;

  constructor(options: SlackAdapterOptions) {
    this.#options = options;
    const { settings, log } = options;
    const logger = boltLogger(log);
    // Few quick retries: a message that still fails goes back to our own queue (reminders, notices)
    // instead of holding every other delivery behind Slack's half-hour retry policy.
    const clientOptions = {
      retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
      ...(settings.apiUrl ? { slackApiUrl: ensureTrailingSlash(settings.apiUrl) } : {}),
    };
    this.#logger = logger;
    this.#clientOptions = clientOptions;
    this.#web = new webApi.WebClient(settings.botToken, { ...clientOptions, logger });
    this.#postClient = new webApi.WebClient(settings.botToken, { ...clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logger });
    this.#poster = new IdempotentPoster({
      post: this.#postClient,
      read: this.#web,
      timers: options.timers ?? systemTimers,
      log,
      uncertain: options.uncertainPosts ?? new UncertainPosts(options.clock),
    });
    this.#receiver = settings.appToken
      ? new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions } })
      : new HTTPReceiver({ signingSecret: settings.signingSecret ?? '', logger, endpoints: '/slack/events' });
    this.#people = new SlackPeople({
      api: this.#web,
      clock: options.clock,
      log,
      defaultLocale: settings.defaultLocale,
      defaultTimeZone: settings.teamTimeZone,
      leadIds: settings.leadIds,
      leadsUsergroup: settings.leadsUsergroup,
    });
    const firstDelivery = options.firstDelivery;
    this.#deliveries = firstDelivery
      ? { firstTime: (key) => (key ? firstDelivery(key) : Promise.resolve(true)) }
      : new RecentDeliveries(options.clock, options.deliveriesFile ? { file: options.deliveriesFile } : {});
  }

  get mode(): 'socket' | 'http' {
    return this.#options.settings.appToken ? 'socket' : 'http';
  }

  /** Starts receiving; in HTTP mode resolves with the port actually bound. */
  /**
   * Checks the token with Slack, then starts receiving. A refused token throws SlackTokenRejected;
   * when Slack cannot be reached the adapter keeps trying in the background (one log line per
   * attempt) and resolves with `waiting: true`, so the other platforms start meanwhile.
   */
  async start(): Promise<{ port?: number; waiting?: boolean }> {
    const first = await identifyBot(this.#web);
    if (first.ok) return this.#open(first.identity);
    this.#retryLater(1, first.reason);
    return { waiting: true };
  }

  #retryLater(attempt: number, reason: string): void {
    const delay = reconnectDelayMs(attempt);
    this.#options.log.warn({ component: 'slack', reason, retryInMs: delay, attempt }, 'Slack cannot be reached; retrying');
    const timers = this.#options.timers ?? systemTimers;
    this.#cancelRetry = timers.after(delay, () => {
      this.#cancelRetry = undefined;
      void identifyBot(this.#web)
        .then(async (result) => {
          if (!result.ok) return this.#retryLater(attempt + 1, result.reason);
          await this.#open(result.identity);
          this.#options.log.info({ mode: this.mode }, 'slack connected');
        })
        .catch((error: unknown) => {
          if (error instanceof SlackTokenRejected && this.#options.onFatal) return this.#options.onFatal(error.message);
          this.#retryLater(attempt + 1, error instanceof Error ? error.message : String(error));
        });
    });
  }

  async #open(identity: SlackIdentity): Promise<{ port?: number }> {
    const { settings } = this.#options;
    this.#app = new App({
      token: settings.botToken,
      receiver: this.#receiver,
      logger: this.#logger,
      clientOptions: this.#clientOptions,
      tokenVerificationEnabled: false,
      botId: identity.botId,
      botUserId: identity.botUserId,
    });
    this.#register(this.#app);
    const receiver = this.#receiver;
    if (receiver instanceof HTTPReceiver) {
      const handler = guardSlackRequests((req, res) => receiver.requestListener(req, res));
      if (this.#options.server) {
        this.#options.server.mount('/slack/events', handler);
        this.#started = true;
        return {};
      }
      const { settings, log } = this.#options;
      this.#ownServer = new ServiceServer({ port: settings.port, ...(settings.host ? { host: settings.host } : {}), log });
      this.#ownServer.mount('/slack/events', handler);
      const { port } = await this.#ownServer.start();
      this.#started = true;
      return { port };
    }
    await this.#app.start();
    this.#started = true;
    return {};
  }

  /** For /readyz: HTTP mode is ready once mounted; Socket Mode while its WebSocket is open. */
  isConnected(): boolean {
    if (!this.#started) return false;
    return this.#receiver instanceof SocketModeReceiver ? (this.#receiver.client.websocket?.isActive() ?? false) : true;
  }

  /** A direct message from the app (posting to a user id opens the DM), buttons working as in replies. */
  async sendDirect(to: Recipient, reply: Reply): Promise<SentMessage> {
    return this.#post(to.userId, reply);
  }

  async postToChannel(to: ChannelTarget, reply: Reply): Promise<SentMessage> {
    return this.#post(to.channel, reply);
  }

  /** Slack does not dedupe posts: the conversation's history is searched for the delivery key first. */
  async resend(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
    return this.#post('userId' in to ? to.userId : to.channel, reply, true);
  }

  /** Two senders' copies of one message (the later sender looked before the first one's landed): the first stays. */
  async keepFirstCopy(to: Recipient | ChannelTarget, reply: Reply): Promise<void> {
    if (!reply.deliveryKey) return;
    await this.#poster.keepFirstCopies('userId' in to ? to.userId : to.channel, toSlackMessages(reply).length, reply.deliveryKey);
  }

  /** Every message of the reply, in order, each at most once; the first one is the message later updates edit. */
  async #post(channel: string, reply: Reply, unsure = false): Promise<SentMessage> {
    const first = await this.#poster.post(channel, toSlackMessages(reply), reply.deliveryKey, unsure);
    return { platform: SLACK, channel: first.channel, id: first.ts };
  }

  /** users.info: a deleted account or an unknown id is no one to hand work to. */
  async knowsPerson(to: Recipient): Promise<boolean | undefined> {
    try {
      const { user } = await this.#web.users.info({ user: to.userId });
      return Boolean(user && !user.deleted && !user.is_bot);
    } catch (error) {
      return (error as { data?: { error?: string } }).data?.error === 'user_not_found' ? false : undefined;
    }
  }

  /** The first message is edited in place; a longer answer continues in new messages after it. */
  async update(message: SentMessage, reply: Reply): Promise<void> {
    const [head, ...rest] = toSlackMessages(reply);
    await this.#web.chat.update({ channel: message.channel, ts: message.id, ...head! });
    if (rest.length) await this.#poster.post(message.channel, rest);
  }

  /** Members of SLACK_LEADS_USERGROUP, so escalations and notes for leads reach them by DM too. */
  usergroupLeads(): Promise<readonly string[]> {
    return this.#people.usergroupLeads();
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#cancelRetry?.();
    if (this.#receiver instanceof HTTPReceiver) return this.#ownServer?.stop();
    await this.#app?.stop().catch((error: unknown) => this.#options.log.warn({ err: error }, 'slack stop failed'));
  }

  /** True the first time Slack delivers this; a redelivery is logged (the one trace that it arrived) and skipped. */
  async #firstTime(key: string): Promise<boolean> {
    if (await this.#deliveries.firstTime(key)) return true;
    this.#options.log.debug({ component: 'slack', delivery: key }, 'slack redelivery ignored');
    return false;
  }

  #register(app: InstanceType<typeof App>): void {
    const { router, log } = this.#options;
    for (const command of router.commands) {
      app.command(`/${command.name}`, async ({ command: payload, ack, respond, client }) => {
        await ack();
        if (!(await this.#firstTime(`command:${payload.trigger_id}`))) return;
        const user = await this.#people.requester(payload.user_id);
        const { text, mentions } = resolveSlackMentions(decodeSlackEntities(payload.text ?? ''));
        const request: Request = {
          kind: 'command',
          platform: SLACK,
          user,
          command: command.name,
          text,
          localeExplicit: false,
          deliveryId: payload.trigger_id,
          capabilities: slackCapabilities,
          ...(mentions.length ? { mentions } : {}),
        };
        const reply = await router.handle(request);
        if (reply.form) {
          await client.views.open({ trigger_id: payload.trigger_id, view: toSlackModal(reply.form, payload.channel_id) });
          return;
        }
        for (const message of toSlackMessages(reply)) await respond({ response_type: 'ephemeral', ...message });
      });
    }

    app.view(/^[a-z0-9-]+:[a-z0-9-]+$/, async ({ ack, view, body }) => {
      await ack();
      const form = parseFormCallbackId(view.callback_id);
      if (!form || !(await this.#firstTime(`view:${view.id}:${view.hash}`))) return;
      const user = await this.#people.requester(body.user.id);
      const reply = await router.handle({
        kind: 'action',
        platform: SLACK,
        user,
        command: form.command,
        actionId: form.id,
        value: JSON.stringify(formValues(view.state.values)),
        localeExplicit: false,
        deliveryId: view.id,
        capabilities: slackCapabilities,
      });
      const messages = toSlackMessages(reply);
      // The answer goes where the command was typed, privately; failing that (a channel the bot
      // is not in, a DM with someone else), to the person's DM with the app.
      if (view.private_metadata) {
        try {
          for (const message of messages) await this.#postClient.chat.postEphemeral({ channel: view.private_metadata, user: body.user.id, ...message });
          return;
        } catch (error) {
          log.info({ err: error, channel: view.private_metadata }, 'slack postEphemeral failed; answering by DM');
        }
      }
      await this.#poster.post(body.user.id, messages);
    });

    app.action(/^[a-z0-9-]+:[a-z0-9-]+:\d+$/, async ({ action, body, ack, respond, client }) => {
      await ack();
      if (!(await this.#firstTime(`action:${'trigger_id' in body ? body.trigger_id : ''}:${'action_ts' in action ? action.action_ts : ''}`))) return;
      const parsed = 'action_id' in action ? parseActionId(action.action_id) : undefined;
      if (!parsed || !('value' in action)) return;
      const user = await this.#people.requester(body.user.id);
      const request: Request = {
        kind: 'action',
        platform: SLACK,
        capabilities: slackCapabilities,
        user,
        command: parsed.command,
        actionId: parsed.id,
        value: String(action.value ?? ''),
        localeExplicit: false,
        deliveryId: 'trigger_id' in body ? body.trigger_id : undefined,
      };
      const reply = await router.handle(request);
      if (reply.form && 'trigger_id' in body) {
        const channel = 'channel' in body && body.channel ? body.channel.id : undefined;
        await client.views.open({ trigger_id: body.trigger_id, view: toSlackModal(reply.form, channel) });
        return;
      }
      // A long answer continues in new messages; only the first replaces the one pressed.
      const messages = toSlackMessages(reply);
      for (const [i, message] of messages.entries()) {
        await respond({ response_type: 'ephemeral', replace_original: i === 0 && Boolean(reply.replacesOriginal), ...message });
      }
    });

    app.event('app_home_opened', async ({ event, body, client }) => {
      if (event.tab !== 'home' || !(await this.#firstTime(`event:${body.event_id}`))) return;
      const user = await this.#people.requester(event.user);
      // A Home tab holds up to 100 blocks; the home reply shows a first page that fits.
      const blocks = toSlackMessages(await router.home(user, this.platform)).flatMap((m) => m.blocks);
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
    });

    app.error(async (error) => {
      log.error({ err: error }, 'slack handler failed');
    });
  }
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

type BoltLogLevel = ReturnType<BoltLogger['getLevel']>;

/** Bolt's logger interface on top of ours, so Slack's own messages land in the same JSON log. */
function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level = 'info' as BoltLogLevel;
  return {
    // Slack's client logs request and response bodies at debug level: message text (a /calm
    // breathing DM, a note to a lead) must never reach the log, so its debug output is dropped.
    debug: () => undefined,
    info: (...msg: unknown[]) => child.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
    setLevel: (next: BoltLogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
