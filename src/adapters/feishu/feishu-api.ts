import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';
import type { FeishuCard } from './cards.js';
import type { FeishuDirectoryApi } from './feishu-people.js';

/** An Open API answer with a non-zero code, or an HTTP failure carrying one. */
export class FeishuApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status?: number,
  ) {
    super(`feishu api error ${code}: ${message}`);
    this.name = 'FeishuApiError';
  }
}

export interface SentCard {
  messageId: string;
  chatId: string;
}

/** FEISHU_DOMAIN: `feishu` (open.feishu.cn), `lark` (open.larksuite.com) or a base URL (a test server, a proxy). */
export function sdkDomain(domain: string): lark.Domain | string {
  if (domain === 'feishu') return lark.Domain.Feishu;
  if (domain === 'lark') return lark.Domain.Lark;
  return domain.replace(/\/+$/, '');
}

/**
 * The SDK's logger interface on top of ours. Its debug and trace output carries event bodies
 * (a /calm message, a note to a lead), and its errors are HTTP errors whose request config holds
 * the card sent: only levels above debug pass, and only as text, never the objects.
 */
export function sdkLogger(log: Logger): { error(...m: unknown[]): void; warn(...m: unknown[]): void; info(...m: unknown[]): void; debug(...m: unknown[]): void; trace(...m: unknown[]): void } {
  const child = log.child({ component: 'feishu-sdk' });
  const text = (m: unknown[]): string => m.map((x) => (typeof x === 'string' ? x : x instanceof Error ? x.message : Array.isArray(x) ? text(x) : '')).filter(Boolean).join(' ');
  return {
    error: (...m) => child.error(text(m)),
    warn: (...m) => child.warn(text(m)),
    info: (...m) => child.info(text(m)),
    debug: () => undefined,
    trace: () => undefined,
  };
}

/** Feishu's API calls time out instead of hanging: a send that never answers must fail, so the outbox retries it. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The SDK's shared axios instance, with a timeout on every call unless one is given. */
function withTimeout(base: lark.HttpInstance, ms: number): lark.HttpInstance {
  const t = <O extends { timeout?: number }>(opts?: O) => ({ timeout: ms, ...opts }) as O;
  return {
    request: (opts) => base.request(t(opts)),
    get: (url, opts) => base.get(url, t(opts)),
    delete: (url, opts) => base.delete(url, t(opts)),
    head: (url, opts) => base.head(url, t(opts)),
    options: (url, opts) => base.options(url, t(opts)),
    post: (url, data, opts) => base.post(url, data, t(opts)),
    put: (url, data, opts) => base.put(url, data, t(opts)),
    patch: (url, data, opts) => base.patch(url, data, t(opts)),
  };
}

interface Envelope {
  code?: number;
  msg?: string;
  data?: unknown;
}

/** Throws FeishuApiError unless the envelope says code 0; HTTP errors carry the same envelope. */
async function ok<T extends Envelope>(call: Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await call;
  } catch (error) {
    const response = (error as { response?: { status?: number; data?: Envelope } }).response;
    if (response?.data && typeof response.data.code === 'number') throw new FeishuApiError(response.data.code, response.data.msg ?? '', response.status);
    const message = error instanceof Error ? error.message : String(error);
    // The SDK reports a refused tenant_access_token as a plain Error naming Feishu's code.
    const code = /code: (\d+)/.exec(message);
    throw new FeishuApiError(code ? Number(code[1]) : -1, message, response?.status);
  }
  if (result?.code !== 0) throw new FeishuApiError(result?.code ?? -1, result?.msg ?? 'no answer');
  return result;
}

/**
 * The Open API calls the adapter makes, through the official SDK's Client (which fetches and
 * refreshes tenant_access_token itself): send, patch, ephemeral send, contact and chat members.
 */
export class FeishuApi implements FeishuDirectoryApi {
  readonly client: lark.Client;

  constructor(options: { appId: string; appSecret: string; domain: string; log: Logger }) {
    this.client = new lark.Client({
      appId: options.appId,
      appSecret: options.appSecret,
      domain: sdkDomain(options.domain),
      appType: lark.AppType.SelfBuild,
      // Its own token cache: two apps (or a test and the bot) in one process never share a token.
      cache: new lark.DefaultCache(),
      logger: sdkLogger(options.log),
      loggerLevel: lark.LoggerLevel.info,
      // Typed as axios, but the SDK's response interceptor makes it answer with the body, as HttpInstance does.
      httpInstance: withTimeout(lark.defaultHttpInstance as unknown as lark.HttpInstance, REQUEST_TIMEOUT_MS),
    });
  }

  /** The bot's own open_id (to tell its @-mention from a colleague's); also proves the credentials. */
  async botOpenId(): Promise<string> {
    const answer = await ok(this.client.request<Envelope & { bot?: { open_id?: string } }>({ method: 'GET', url: '/open-apis/bot/v3/info' }));
    if (!answer.bot?.open_id) throw new FeishuApiError(-1, 'bot/v3/info returned no open_id');
    return answer.bot.open_id;
  }

  /** A card message to a person (open_id: their chat with the bot) or a chat; `uuid` makes a resend within the hour a no-op. */
  async sendCard(to: { openId: string } | { chatId: string }, card: FeishuCard, uuid?: string): Promise<SentCard> {
    const byPerson = 'openId' in to;
    const answer = await ok(
      this.client.im.message.create({
        params: { receive_id_type: byPerson ? 'open_id' : 'chat_id' },
        data: { receive_id: byPerson ? to.openId : to.chatId, msg_type: 'interactive', content: JSON.stringify(card), ...(uuid ? { uuid: uuid.slice(0, 50) } : {}) },
      }),
    );
    const data = answer.data as { message_id?: string; chat_id?: string } | undefined;
    if (!data?.message_id || !data.chat_id) throw new FeishuApiError(-1, 'message create returned no message_id or chat_id');
    return { messageId: data.message_id, chatId: data.chat_id };
  }

  /** Replaces a card the bot sent (its config has update_multi, so everyone sees the new one). */
  async patchCard(messageId: string, card: FeishuCard): Promise<void> {
    await ok(this.client.im.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }));
  }

  /** A card in a group that only `openId` sees (Feishu's ephemeral card API). */
  async sendEphemeral(chatId: string, openId: string, card: FeishuCard): Promise<string> {
    const answer = await ok(
      this.client.request<Envelope & { data?: { message_id?: string } }>({
        method: 'POST',
        url: '/open-apis/ephemeral/v1/send',
        data: { chat_id: chatId, open_id: openId, msg_type: 'interactive', card },
      }),
    );
    return answer.data?.message_id ?? '';
  }

  async user(openId: string): Promise<{ name?: string; timeZone?: string; resigned?: boolean } | undefined> {
    const answer = await ok(this.client.contact.user.get({ path: { user_id: openId }, params: { user_id_type: 'open_id' } }));
    const user = answer.data?.user;
    if (!user) return undefined;
    return { ...(user.name ? { name: user.name } : {}), ...(user.time_zone ? { timeZone: user.time_zone } : {}), resigned: Boolean(user.status?.is_resigned) };
  }

  async chatMembers(chatId: string): Promise<string[]> {
    const members: string[] = [];
    let pageToken: string | undefined;
    do {
      const answer = await ok(
        this.client.im.chatMembers.get({ path: { chat_id: chatId }, params: { member_id_type: 'open_id', page_size: 100, ...(pageToken ? { page_token: pageToken } : {}) } }),
      );
      for (const item of answer.data?.items ?? []) if (item.member_id) members.push(item.member_id);
      pageToken = answer.data?.has_more ? answer.data.page_token : undefined;
    } while (pageToken);
    return members;
  }
}
