import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A Web API call the fake holds until the test says (FakeSlack.holdNext). */
export interface HeldCall {
  /** The message reaches the channel now; the caller still waits for Slack's answer. */
  land(): void;
  /** Slack answers ok. */
  answer(): void;
}

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** Set when the fake answered this call with a failure (see `failNext`). */
  failed?: string;
  /** The fake took the call (the message is in the channel) although it answered with a failure. */
  accepted?: boolean;
}

/**
 * A local stand-in for Slack's side of the wire: the Web API (`/api/<method>`, as the real
 * WebClient calls it via SLACK_API_URL) and response URLs (`/response/<id>`). It records every
 * call so tests assert on what actually left the bot.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  users: Record<string, { locale?: string; tz?: string; real_name?: string }> = {};
  usergroupMembers: Record<string, string[]> = {};
  /** Ids users.info answers user_not_found for (left the workspace, mistyped). */
  readonly missingUsers = new Set<string>();
  /** Milliseconds a Web API method takes to answer (a slow Slack), by method name. */
  delays: Record<string, number> = {};
  /** Failures still to give, oldest first: the next call of `method` gets one instead of its answer. */
  readonly #failures: { method: string; error: string; status: number; accept?: boolean; retryAfterSec?: number }[] = [];
  /** Messages Slack accepted (also those it then answered with an error for), as conversations.history lists them. */
  readonly accepted: { channel: string; ts: string; text?: unknown; metadata?: unknown }[] = [];
  /** Calls held by `holdNext`, waiting for the test to land and answer them. */
  readonly #held: { method: string; take: (call: HeldCall) => void }[] = [];
  /** Messages ever accepted, so each gets its own ts even after some are deleted. */
  #posted = 0;
  #server: Server | undefined;
  #sockets: WebSocketServer | undefined;
  /** Socket Mode connections the bot opened, newest last. */
  readonly connections: WebSocket[] = [];
  /** Acknowledgements the bot sent back over Socket Mode, by envelope id. */
  readonly acks = new Map<string, Record<string, unknown>>();
  port = 0;

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const raw = await readBody(req);
      const body = parseBody(req.headers['content-type'] ?? '', raw);
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/response/')) {
        this.responses.push({ id: url.pathname.slice('/response/'.length), body });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '');
      if (this.delays[method]) await new Promise((r) => setTimeout(r, this.delays[method]));
      const held = this.#held.findIndex((h) => h.method === method);
      if (held >= 0) {
        const { take } = this.#held.splice(held, 1)[0]!;
        let landed: string | undefined;
        await new Promise<void>((answered) =>
          take({
            land: () => void (landed ??= this.#accept(method, body)),
            answer: () => answered(),
          }),
        );
        landed ??= this.#accept(method, body);
        this.calls.push({ method, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...this.#answer(method, body), ...(landed ? { ts: landed } : {}) }));
        return;
      }
      const failure = this.#failures.findIndex((f) => f.method === method);
      if (failure >= 0) {
        const { error, status, accept, retryAfterSec } = this.#failures.splice(failure, 1)[0]!;
        if (accept) this.#accept(method, body);
        this.calls.push({ method, body, failed: error, ...(accept ? { accepted: true } : {}) });
        const headers = { 'content-type': 'application/json', ...(retryAfterSec !== undefined ? { 'retry-after': String(retryAfterSec) } : {}) };
        res.writeHead(status, headers).end(JSON.stringify({ ok: false, error }));
        return;
      }
      const ts = this.#accept(method, body);
      this.calls.push({ method, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...this.#answer(method, body), ...(ts ? { ts } : {}) }));
    });
    this.#sockets = new WebSocketServer({ server: this.#server, path: '/link' });
    this.#sockets.on('connection', (socket) => {
      this.connections.push(socket);
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string };
        if (message.envelope_id) this.acks.set(message.envelope_id, message);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server!.address() as AddressInfo).port;
    return this;
  }

  /**
   * Answers the next call of a Web API method with a failure, as Slack does when it is rate
   * limiting or having an outage: `{ ok: false, error }` with HTTP `status` (200 for an API error).
   */
  failNext(method: string, error = 'ratelimited', status = 200): void {
    this.#failures.push({ method, error, status });
  }

  /**
   * Slack takes the next call of `method` (a posted message is in the channel) and then answers
   * with HTTP `status` anyway, as an overloaded Slack sometimes does: the caller cannot tell it landed.
   */
  acceptThenFail(method: string, status = 500, times = 1): void {
    for (let i = 0; i < times; i++) this.#failures.push({ method, error: 'internal_error', status, accept: true });
  }

  /** Answers the next call of `method` with HTTP 429 and a Retry-After header (seconds); nothing is taken. */
  rateLimitNext(method: string, retryAfterSec: number): void {
    this.#failures.push({ method, error: 'ratelimited', status: 429, retryAfterSec });
  }

  /**
   * Holds the next call of `method` (a slow Slack): resolves, once the call arrives, to a handle
   * with which the test lands the message in the channel (`land`) and, later, answers the caller
   * (`answer`, which lands it first if it had not).
   */
  holdNext(method: string): Promise<HeldCall> {
    return new Promise<HeldCall>((take) => this.#held.push({ method, take }));
  }

  /** Messages in a channel as a person sees them; every DM of the app is D1 here, posted to a user id or to D1. */
  messagesIn(channel: string): { channel: string; ts: string; text?: unknown; metadata?: unknown }[] {
    const dm = channel === 'D1' || channel.startsWith('U');
    return this.accepted.filter((m) => m.channel === channel || (dm && (m.channel === 'D1' || m.channel.startsWith('U'))));
  }

  /** A posted message is in the channel from here on (its ts, in the order Slack took it); a deleted one leaves it. */
  #accept(method: string, body: Record<string, unknown>): string | undefined {
    if (method === 'chat.delete') {
      const gone = this.messagesIn(String(body.channel)).find((m) => m.ts === String(body.ts));
      if (gone) this.accepted.splice(this.accepted.indexOf(gone), 1);
      return undefined;
    }
    if (method !== 'chat.postMessage') return undefined;
    const metadata = typeof body.metadata === 'string' ? JSON.parse(body.metadata) : body.metadata;
    const ts = `1700000000.${String(this.#posted++ + 100).padStart(6, '0')}`;
    this.accepted.push({ channel: String(body.channel), ts, text: body.text, metadata });
    return ts;
  }

  /** Sends a Socket Mode envelope to the newest connection, as Slack delivers a command or action. */
  sendEnvelope(envelopeId: string, type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): void {
    const socket = this.connections.at(-1);
    if (!socket) throw new Error('the bot has not connected over Socket Mode');
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
  }

  async waitForConnection(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.connections.length) {
      if (Date.now() > deadline) throw new Error(`no Socket Mode connection; calls: ${JSON.stringify(this.calls.map((c) => c.method))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  async waitForResponse(id: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.responses.find((r) => r.id === id);
      if (found) return found.body;
      if (Date.now() > deadline) throw new Error(`no response posted to ${id}; calls: ${JSON.stringify(this.calls.map((c) => c.method))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    for (const socket of this.connections) socket.terminate();
    this.#sockets?.close();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  #answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Test team', url: 'https://test.slack.com/' };
      case 'users.info': {
        const id = String(body.user);
        if (this.missingUsers.has(id)) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id, name: id.toLowerCase(), ...this.users[id] } };
      }
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link` };
      case 'conversations.open':
        return { ok: true, channel: { id: 'D1' } };
      case 'conversations.history': {
        const all = body.include_all_metadata === true || body.include_all_metadata === 'true';
        const messages = this.messagesIn(String(body.channel))
          .map(({ ts, text, metadata }) => ({ type: 'message', ts, text, ...(all && metadata ? { metadata } : {}) }))
          .reverse()
          .slice(0, Number(body.limit ?? 100));
        return { ok: true, messages, has_more: false };
      }
      case 'usergroups.users.list':
        return { ok: true, users: this.usergroupMembers[String(body.usergroup)] ?? [] };
      default:
        return { ok: true, ts: '1700000000.000100', channel: 'D1' };
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

/** Signs a request body the way Slack does (v0 HMAC-SHA256 over `v0:<timestamp>:<body>`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function postSigned(
  url: string,
  secret: string,
  body: string,
  options: { timestamp?: number; signature?: string; json?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; ms: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
      ...options.headers,
    },
    body,
  });
  await res.text();
  return { status: res.status, ms: performance.now() - started };
}

export function slashCommandBody(fields: { command: string; text: string; userId: string; responseUrl: string }): string {
  return new URLSearchParams({
    token: 'legacy-token',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'support',
    user_id: fields.userId,
    user_name: fields.userId.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

/**
 * A button press as Slack sends it. By default on an ephemeral reply in a channel; with `dm`, on a
 * message the app sent to the person's DM (a reminder). `triggerId` lets a test follow up (views.open).
 */
export function blockActionBody(fields: { userId: string; actionId: string; value: string; responseUrl: string; label?: string; dm?: boolean; triggerId?: string }): string {
  const channel = fields.dm ? { id: 'D1', name: 'directmessage' } : { id: 'C1', name: 'support' };
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'test' },
    user: { id: fields.userId, username: fields.userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channel.id, is_ephemeral: !fields.dm },
    trigger_id: fields.triggerId ?? `trigger-${Math.random().toString(36).slice(2)}`,
    channel,
    ...(fields.dm ? { message: { type: 'message', ts: '1700000000.000100', text: 'reminder' } } : {}),
    response_url: fields.responseUrl,
    actions: [{ type: 'button', action_id: fields.actionId, block_id: 'b1', value: fields.value, text: { type: 'plain_text', text: fields.label ?? 'x' }, action_ts: `${Date.now() / 1000}` }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function eventBody(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { event_ts: `${Date.now() / 1000}`, ...event },
  });
}

/** Resolves once a Web API method has been called with a matching body. */
export async function waitForCall(slack: FakeSlack, method: string, match: (body: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000): Promise<RecordedCall> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const call = slack.calls.find((c) => c.method === method && match(c.body));
    if (call) return call;
    if (Date.now() > deadline) throw new Error(`${method} was not called; calls: ${JSON.stringify(slack.calls.map((c) => c.method))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
