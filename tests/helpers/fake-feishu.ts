import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeUser {
  name: string;
  time_zone?: string;
  is_resigned?: boolean;
}

export interface StoredMessage {
  messageId: string;
  chatId: string;
  receiveIdType: string;
  receiveId: string;
  card: Record<string, unknown>;
  uuid?: string;
}

export interface Ephemeral {
  messageId: string;
  chatId: string;
  openId: string;
  card: Record<string, unknown>;
}

export interface ApiCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** Feishu refuses a card message whose request body is over 30 KB. */
export const CARD_BODY_LIMIT = 30 * 1024;

/**
 * A local Feishu/Lark Open API, as the official SDK talks to it: tenant_access_token, bot info,
 * im/v1 messages (create with uuid de-duplication, PATCH of a card), the ephemeral card API
 * (groups only, members only), contact/v3 users (time zone; refused without the contact scope)
 * and chat members (paged); plus the long-connection endpoint and a WebSocket that speaks the
 * SDK's protobuf frames, delivering events and reading back each answer.
 */
export class FakeFeishu {
  readonly appId = 'cli_a1b2c3d4e5f60718';
  readonly appSecret = 'fake0app0secret0fake0app0secret0';
  readonly botOpenId = 'ou_bot0000';
  readonly calls: ApiCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly patches: { messageId: string; card: Record<string, unknown> }[] = [];
  readonly ephemerals: Ephemeral[] = [];
  /** Sends refused for breaking a platform limit (the 30 KB body), as `METHOD path`. */
  readonly refused: string[] = [];
  users: Record<string, FakeUser> = {};
  /** Group chats and their members; direct chats come into being when the bot writes to an open_id. */
  groups: Record<string, string[]> = {};
  /** Without it, contact/v3 refuses as Feishu does for an app lacking the contact scope. */
  contactScope = true;
  /** The next calls whose `METHOD path` matches fail with this code. */
  readonly #failures: { route: RegExp; code: number; status: number }[] = [];
  #server: Server | undefined;
  #wss: WebSocketServer | undefined;
  #socket: WebSocket | undefined;
  #token = `t-${randomBytes(6).toString('hex')}`;
  #nextId = 1;
  #frames = 0;
  readonly #answers = new Map<string, (answer: Record<string, unknown>) => void>();
  port = 0;
  /** How many times the SDK asked for a tenant token. */
  tokenRequests = 0;

  async start(): Promise<this> {
    this.#server = createServer((req, res) => void this.#route(req, res));
    this.#wss = new WebSocketServer({ server: this.#server, path: '/ws' });
    this.#wss.on('connection', (socket) => {
      this.#socket = socket;
      socket.on('message', (data) => this.#onFrame(data as Buffer));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server!.address() as AddressInfo).port;
    return this;
  }

  /** FEISHU_DOMAIN for the bot: the SDK then calls `${domain}/open-apis/…`. */
  get domain(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  failNext(route: RegExp, code: number, status = 400): void {
    this.#failures.push({ route, code, status });
  }

  async stop(): Promise<void> {
    this.#socket?.terminate();
    this.#wss?.close();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  /** The direct chat between the bot and a person, as message create reports it. */
  directChatOf(openId: string): string {
    return `oc_dm_${openId.replace(/^ou_/, '')}`;
  }

  get connected(): boolean {
    return this.#socket?.readyState === 1;
  }

  /** Delivers an event over the long connection, as one data frame; resolves with the bot's answer (decoded). */
  async deliverOverConnection(payload: Record<string, unknown>): Promise<{ code: number; data?: unknown }> {
    if (!this.#socket) throw new Error('the bot has no long connection open');
    const id = `msg-${++this.#frames}`;
    const answered = new Promise<Record<string, unknown>>((resolve) => this.#answers.set(id, resolve));
    const frame: Frame = {
      SeqID: this.#frames,
      LogID: this.#frames,
      service: 7,
      method: 1,
      headers: [
        { key: 'type', value: 'event' },
        { key: 'message_id', value: id },
        { key: 'sum', value: '1' },
        { key: 'seq', value: '0' },
        { key: 'trace_id', value: `trace-${id}` },
      ],
      payload: Buffer.from(JSON.stringify(payload)),
    };
    this.#socket.send(encodeFrame(frame));
    const answer = await answered;
    const data = typeof answer.data === 'string' ? (JSON.parse(Buffer.from(answer.data, 'base64').toString('utf8')) as unknown) : undefined;
    return { code: Number(answer.code), ...(data !== undefined ? { data } : {}) };
  }

  #onFrame(data: Buffer): void {
    const frame = decodeFrame(data);
    const header = (key: string) => frame.headers.find((h) => h.key === key)?.value;
    if (frame.method === 0 && header('type') === 'ping') {
      const pong = { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 };
      this.#socket?.send(encodeFrame({ ...frame, headers: [{ key: 'type', value: 'pong' }], payload: Buffer.from(JSON.stringify(pong)) }));
      return;
    }
    const id = header('message_id');
    const resolve = id ? this.#answers.get(id) : undefined;
    if (frame.method === 1 && resolve && frame.payload) {
      this.#answers.delete(id!);
      resolve(JSON.parse(Buffer.from(frame.payload).toString('utf8')) as Record<string, unknown>);
    }
  }

  #tooLong(res: ServerResponse, method: string, path: string): void {
    this.refused.push(`${method} ${path}`);
    json(res, 400, { code: 230025, msg: 'message content too long' });
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const method = req.method ?? 'GET';
    const path = url.pathname;
    this.calls.push({ method, path, query: Object.fromEntries(url.searchParams), body });
    const failure = this.#failures.findIndex((f) => f.route.test(`${method} ${path}`));
    if (failure >= 0) {
      const { code, status } = this.#failures.splice(failure, 1)[0]!;
      return json(res, status, { code, msg: 'failure set by the test' });
    }
    const b = (body ?? {}) as Record<string, unknown>;

    if (method === 'POST' && path === '/open-apis/auth/v3/tenant_access_token/internal') {
      this.tokenRequests++;
      if (b.app_id !== this.appId || b.app_secret !== this.appSecret) return json(res, 200, { code: 10014, msg: 'app secret invalid' });
      return json(res, 200, { code: 0, msg: 'ok', tenant_access_token: this.#token, expire: 7200 });
    }
    if (method === 'POST' && path === '/callback/ws/endpoint') {
      if (b.AppID !== this.appId || b.AppSecret !== this.appSecret) return json(res, 200, { code: 1000040343, msg: 'app secret invalid' });
      return json(res, 200, {
        code: 0,
        msg: 'ok',
        data: { URL: `ws://127.0.0.1:${this.port}/ws?device_id=dev1&service_id=7`, ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 0 } },
      });
    }
    if (!path.startsWith('/open-apis/')) return json(res, 404, { code: 404, msg: 'not found' });
    if (req.headers.authorization !== `Bearer ${this.#token}`) return json(res, 400, { code: 99991661, msg: 'Missing access token for authorization' });

    if (method === 'GET' && path === '/open-apis/bot/v3/info') {
      return json(res, 200, { code: 0, msg: 'ok', bot: { activate_status: 2, app_name: 'Frontline', open_id: this.botOpenId, ip_white_list: [] } });
    }
    if (method === 'POST' && path === '/open-apis/im/v1/messages') {
      if (Buffer.byteLength(raw) > CARD_BODY_LIMIT) return this.#tooLong(res, method, path);
      const type = url.searchParams.get('receive_id_type') ?? '';
      const receiveId = String(b.receive_id ?? '');
      if (b.msg_type !== 'interactive' || typeof b.content !== 'string') return json(res, 400, { code: 230001, msg: 'invalid content' });
      const uuid = typeof b.uuid === 'string' ? b.uuid : undefined;
      const again = uuid ? this.messages.find((m) => m.uuid === uuid) : undefined;
      if (again) return json(res, 200, { code: 0, msg: 'ok', data: messageData(again) });
      const chatId = type === 'open_id' ? this.directChatOf(receiveId) : type === 'chat_id' ? receiveId : '';
      if (!chatId) return json(res, 400, { code: 230001, msg: 'invalid receive_id_type' });
      const stored: StoredMessage = { messageId: `om_${this.#nextId++}`, chatId, receiveIdType: type, receiveId, card: JSON.parse(b.content) as Record<string, unknown>, ...(uuid ? { uuid } : {}) };
      this.messages.push(stored);
      return json(res, 200, { code: 0, msg: 'ok', data: messageData(stored) });
    }
    const patch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (method === 'PATCH' && patch) {
      const original = this.messages.find((m) => m.messageId === patch[1]);
      if (!original) return json(res, 400, { code: 230001, msg: 'message not found' });
      if (Buffer.byteLength(raw) > CARD_BODY_LIMIT) return this.#tooLong(res, method, path);
      const card = JSON.parse(String(b.content)) as Record<string, unknown>;
      original.card = card;
      this.patches.push({ messageId: original.messageId, card });
      return json(res, 200, { code: 0, msg: 'ok' });
    }
    if (method === 'POST' && path === '/open-apis/ephemeral/v1/send') {
      const chatId = String(b.chat_id ?? '');
      const openId = String(b.open_id ?? '');
      if (Buffer.byteLength(raw) > CARD_BODY_LIMIT) return this.#tooLong(res, method, path);
      if (!this.groups[chatId]) return json(res, 400, { code: 11205, msg: 'ephemeral cards are for group chats the bot is in' });
      if (!this.groups[chatId]!.includes(openId)) return json(res, 400, { code: 11209, msg: 'user is not in the chat' });
      const ephemeral = { messageId: `om_eph_${this.#nextId++}`, chatId, openId, card: b.card as Record<string, unknown> };
      this.ephemerals.push(ephemeral);
      return json(res, 200, { code: 0, msg: 'ok', data: { message_id: ephemeral.messageId } });
    }
    const user = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/.exec(path);
    if (method === 'GET' && user) {
      if (!this.contactScope) return json(res, 400, { code: 99991672, msg: 'Access denied. One of the following scopes is required: [contact:user.base:readonly]' });
      const found = this.users[decodeURIComponent(user[1]!)];
      if (!found) return json(res, 400, { code: 41050, msg: 'no user authority error' });
      return json(res, 200, { code: 0, msg: 'ok', data: { user: { open_id: user[1], name: found.name, ...(found.time_zone ? { time_zone: found.time_zone } : {}), status: { is_resigned: Boolean(found.is_resigned) } } } });
    }
    const members = /^\/open-apis\/im\/v1\/chats\/([^/]+)\/members$/.exec(path);
    if (method === 'GET' && members) {
      const all = this.groups[members[1]!];
      if (!all) return json(res, 400, { code: 232011, msg: 'the bot is not in the chat' });
      const size = Number(url.searchParams.get('page_size') ?? 20);
      const from = Number(url.searchParams.get('page_token') ?? 0);
      const items = all.slice(from, from + size).map((id) => ({ member_id: id, member_id_type: 'open_id', name: this.users[id]?.name ?? id, tenant_key: 'tk' }));
      const more = from + size < all.length;
      return json(res, 200, { code: 0, msg: 'ok', data: { items, has_more: more, ...(more ? { page_token: String(from + size) } : {}), member_total: all.length } });
    }
    return json(res, 404, { code: 404, msg: `no route ${method} ${path}` });
  }
}

function messageData(m: StoredMessage): Record<string, unknown> {
  return { message_id: m.messageId, chat_id: m.chatId, msg_type: 'interactive', create_time: String(Date.now()), body: { content: JSON.stringify(m.card) } };
}

// ---- Event delivery in HTTP callback mode ----

let nextEvent = 1;

/** An event or callback in Feishu's schema 2.0 envelope. */
export function envelope(eventType: string, event: Record<string, unknown>, options: { token?: string; appId?: string; eventId?: string } = {}): Record<string, unknown> {
  return {
    schema: '2.0',
    header: {
      event_id: options.eventId ?? `ev_${Date.now()}_${nextEvent++}`,
      token: options.token ?? '',
      create_time: String(Date.now()),
      event_type: eventType,
      tenant_key: 'tk',
      app_id: options.appId ?? 'cli_a1b2c3d4e5f60718',
    },
    event,
  };
}

/** AES-256-CBC with the SHA-256 of the key, IV first, base64: how Feishu encrypts a body. */
export function encryptBody(encryptKey: string, plaintext: string): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

export interface DeliveryOptions {
  encryptKey?: string;
  /** Sign with this key instead (a forger who does not know the real one). */
  signWith?: string;
  /** Send without the signature headers. */
  unsigned?: boolean;
  /** Send this raw body instead of encrypting the payload. */
  rawBody?: string;
}

/** POSTs a payload to the bot's request URL exactly as Feishu does: encrypted, then signed over the raw body. */
export async function deliverHttp(url: string, payload: Record<string, unknown>, options: DeliveryOptions = {}): Promise<{ status: number; body: unknown; ms: number }> {
  const raw = options.rawBody ?? (options.encryptKey ? JSON.stringify({ encrypt: encryptBody(options.encryptKey, JSON.stringify(payload)) }) : JSON.stringify(payload));
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const key = options.signWith ?? options.encryptKey;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key && !options.unsigned) {
    headers['x-lark-request-timestamp'] = timestamp;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = createHash('sha256').update(timestamp + nonce + key + raw).digest('hex');
  }
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body: raw });
  const text = await res.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: res.status, body, ms };
}

// ---- Payload builders, shaped as Feishu sends them ----

export function textMessage(fields: {
  openId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  text: string;
  messageId?: string;
  mentions?: { key: string; openId: string; name: string }[];
}): Record<string, unknown> {
  return {
    sender: { sender_id: { open_id: fields.openId, union_id: 'on_x', user_id: 'u_x' }, sender_type: 'user', tenant_key: 'tk' },
    message: {
      message_id: fields.messageId ?? `om_in_${nextEvent++}`,
      create_time: String(Date.now()),
      chat_id: fields.chatId,
      chat_type: fields.chatType,
      message_type: 'text',
      content: JSON.stringify({ text: fields.text }),
      ...(fields.mentions ? { mentions: fields.mentions.map((m) => ({ key: m.key, id: { open_id: m.openId, union_id: 'on_x', user_id: 'u_x' }, name: m.name, tenant_key: 'tk' })) } : {}),
    },
  };
}

export function menuPress(openId: string, eventKey: string): Record<string, unknown> {
  return { operator: { operator_name: 'agent', operator_id: { open_id: openId, union_id: 'on_x', user_id: 'u_x' } }, event_key: eventKey, timestamp: Date.now() };
}

export function cardAction(fields: { openId: string; chatId: string; messageId: string; value: unknown; formValue?: Record<string, unknown> }): Record<string, unknown> {
  return {
    operator: { tenant_key: 'tk', open_id: fields.openId, union_id: 'on_x', user_id: 'u_x' },
    token: `c-${randomBytes(6).toString('hex')}`,
    action: { tag: 'button', value: fields.value, ...(fields.formValue ? { form_value: fields.formValue, name: 'submit' } : {}) },
    host: 'im_message',
    context: { open_message_id: fields.messageId, open_chat_id: fields.chatId },
  };
}

// ---- The long connection's protobuf frame (pbbp2.Frame), by hand: varints and length-delimited fields ----

interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  method: number;
  headers: { key: string; value: string }[];
  payload?: Uint8Array;
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

function field(number: number, bytes: Uint8Array): number[] {
  return [...varint((number << 3) | 2), ...varint(bytes.length), ...bytes];
}

export function encodeFrame(frame: Frame): Buffer {
  const out: number[] = [8, ...varint(frame.SeqID), 16, ...varint(frame.LogID), 24, ...varint(frame.service), 32, ...varint(frame.method)];
  for (const h of frame.headers) out.push(...field(5, Buffer.from([...field(1, Buffer.from(h.key)), ...field(2, Buffer.from(h.value))])));
  if (frame.payload) out.push(...field(8, frame.payload));
  return Buffer.from(out);
}

export function decodeFrame(buffer: Buffer): Frame {
  const frame: Frame = { SeqID: 0, LogID: 0, service: 0, method: 0, headers: [] };
  const read = (bytes: Buffer, visit: (n: number, value: number | Buffer) => void) => {
    let at = 0;
    const readVarint = () => {
      let result = 0;
      let shift = 1;
      for (;;) {
        const byte = bytes[at++]!;
        result += (byte & 0x7f) * shift;
        if (byte < 0x80) return result;
        shift *= 128;
      }
    };
    while (at < bytes.length) {
      const tag = readVarint();
      const n = Math.floor(tag / 8);
      if ((tag & 7) === 0) visit(n, readVarint());
      else {
        const length = readVarint();
        visit(n, bytes.subarray(at, at + length));
        at += length;
      }
    }
  };
  read(buffer, (n, value) => {
    if (n === 1) frame.SeqID = value as number;
    else if (n === 2) frame.LogID = value as number;
    else if (n === 3) frame.service = value as number;
    else if (n === 4) frame.method = value as number;
    else if (n === 5) {
      const h = { key: '', value: '' };
      read(value as Buffer, (m, v) => (m === 1 ? (h.key = String(v)) : m === 2 ? (h.value = String(v)) : undefined));
      frame.headers.push(h);
    } else if (n === 8) frame.payload = Buffer.from(value as Buffer);
  });
  return frame;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
