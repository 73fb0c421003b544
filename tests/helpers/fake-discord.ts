import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface InteractionCallback {
  interactionId: string;
  token: string;
  body: { type: number; data?: Record<string, unknown> };
}

/**
 * A local Discord: the REST API under /api/v10 (gateway discovery, interaction callbacks,
 * command registration) and a gateway WebSocket that speaks HELLO → IDENTIFY → READY and
 * then delivers whatever INTERACTION_CREATE a test sends.
 */
export class FakeDiscord {
  readonly callbacks: InteractionCallback[] = [];
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  readonly identified: Record<string, unknown>[] = [];
  #server: Server | undefined;
  #gateway: WebSocketServer | undefined;
  #socket: WebSocket | undefined;
  #sequence = 0;
  port = 0;
  /** A slow Discord: requests whose `METHOD path` matches wait this long before their answer. */
  delays: { route: RegExp; ms: number }[] = [];
  /** The next N channel posts are kept but answered 500 (Discord took the post, the answer was lost). */
  failAfterAccept = 0;
  /** Every message posted to a channel, in order (edits not included). */
  readonly posted: { channel: string; id: string; body: Record<string, unknown> }[] = [];
  /** Guild members by user id, with their role ids (GET /guilds/:guild/members/:user); anyone else is an unknown member. */
  readonly members = new Map<string, string[]>();
  /** When set, Discord has gone quiet: requests hang unanswered and the gateway reads nothing (a network partition). */
  silent = false;

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      if (this.silent) return;
      const raw = await readBody(req);
      const body = raw && (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as unknown) : raw;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/api\/v10/, '');
      const delay = this.delays.find((d) => d.route.test(`${req.method} ${path}`));
      if (delay) await new Promise((r) => setTimeout(r, delay.ms));
      this.requests.push({ method: req.method ?? 'GET', path, body });
      const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
      if (path === '/gateway/bot') {
        return json(res, 200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
      }
      if (callback) {
        this.callbacks.push({ interactionId: callback[1]!, token: callback[2]!, body: body as InteractionCallback['body'] });
        res.writeHead(204).end();
        return;
      }
      if (/^\/applications\/[^/]+\/(guilds\/[^/]+\/)?commands$/.test(path) && req.method === 'PUT') {
        return json(res, 200, (body as unknown[]).map((c, i) => ({ ...(c as object), id: String(9000 + i), application_id: 'APP' })));
      }
      if (path === '/users/@me/guilds' && req.method === 'GET') return json(res, 200, [{ id: '400000000000000004', name: 'support team', icon: null, owner: false, permissions: '0', features: [] }]);
      const member = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path);
      if (member && req.method === 'GET') {
        const roles = this.members.get(member[2]!);
        if (!roles) return json(res, 404, { message: 'Unknown Member', code: 10007 });
        return json(res, 200, { user: { id: member[2], username: 'member', discriminator: '0', avatar: null, global_name: null }, roles, joined_at: '2024-01-01T00:00:00.000000+00:00', deaf: false, mute: false, flags: 0 });
      }
      if (path === '/users/@me/channels' && req.method === 'POST') {
        const recipient = (body as { recipient_id: string }).recipient_id;
        return json(res, 200, { id: DM_CHANNEL, type: 1, last_message_id: null, recipients: [{ id: recipient, username: 'agent', discriminator: '0', avatar: null, global_name: null }] });
      }
      // Interaction follow-ups and edits of the deferred answer go through the webhook routes.
      const webhook = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path);
      if (webhook && (req.method === 'POST' || req.method === 'PATCH')) {
        return json(res, 200, messageObject('300000000000000003', webhook[3] === '@original' || !webhook[3] ? String(++nextId) : webhook[3], body as Record<string, unknown>));
      }
      const messages = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path);
      if (messages && req.method === 'POST' && !messages[2]) {
        const sent = body as Record<string, unknown>;
        // Discord's enforce_nonce: the same nonce in the same channel within minutes returns the message already created.
        const earlier = sent.enforce_nonce && sent.nonce ? this.posted.find((p) => p.channel === messages[1] && p.body.nonce === sent.nonce) : undefined;
        if (earlier) return json(res, 200, messageObject(earlier.channel, earlier.id, earlier.body));
        const id = String(++nextId);
        this.posted.push({ channel: messages[1]!, id, body: sent });
        if (this.failAfterAccept > 0) {
          this.failAfterAccept -= 1;
          return json(res, 500, { message: 'Internal Server Error', code: 0 });
        }
        return json(res, 200, messageObject(messages[1]!, id, sent));
      }
      if (messages && (req.method === 'POST' || req.method === 'PATCH')) {
        return json(res, 200, messageObject(messages[1]!, messages[2] ?? String(++nextId), body as Record<string, unknown>));
      }
      return json(res, 404, { message: 'Unknown route', code: 0 });
    });
    this.#gateway = new WebSocketServer({ server: this.#server });
    this.#gateway.on('connection', (socket) => {
      this.#socket = socket;
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> };
        if (message.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        if (message.op === 2) {
          this.identified.push(message.d);
          this.#dispatch('READY', {
            v: 10,
            user: { id: '100000000000000001', username: 'frontline', discriminator: '0', bot: true, avatar: null, global_name: null },
            guilds: [],
            session_id: 'fake-session',
            resume_gateway_url: `ws://127.0.0.1:${this.port}`,
            application: { id: '200000000000000002', flags: 0 },
          });
        }
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server!.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Delivers an interaction as the gateway would, returning its id. */
  sendInteraction(interaction: Record<string, unknown>): void {
    this.#dispatch('INTERACTION_CREATE', interaction);
  }

  async waitForIdentify(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.identified.length) {
      if (Date.now() > deadline) throw new Error(`no IDENTIFY; requests: ${JSON.stringify(this.requests.map((r) => r.path))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async waitForCallback(interactionId: string, timeoutMs = 5000): Promise<InteractionCallback> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.callbacks.find((c) => c.interactionId === interactionId);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no callback for ${interactionId}; requests: ${JSON.stringify(this.requests.map((r) => `${r.method} ${r.path}`))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Goes quiet without closing anything, as a partitioned network looks to the client. */
  silence(): void {
    this.silent = true;
    (this.#socket as unknown as { _socket?: { pause(): void } } | undefined)?._socket?.pause();
  }

  async stop(): Promise<void> {
    this.#socket?.terminate();
    this.#gateway?.close();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  #dispatch(t: string, d: unknown): void {
    if (!this.#socket) throw new Error('the bot is not connected to the gateway');
    this.#socket.send(JSON.stringify({ op: 0, t, s: ++this.#sequence, d }));
  }
}

let nextId = 300000000000000000n;
export const DM_CHANNEL = '900000000000000009';

function messageObject(channelId: string, id: string, body: Record<string, unknown>): Record<string, unknown> {
  return {
    id, channel_id: channelId, type: 0, content: '', embeds: body.embeds ?? [], components: body.components ?? [],
    author: { id: '100000000000000001', username: 'frontline', discriminator: '0', avatar: null, bot: true, global_name: null },
    attachments: [], mentions: [], mention_roles: [], mention_everyone: false, pinned: false, tts: false,
    timestamp: '2026-11-22T00:00:00.000000+00:00', edited_timestamp: null, flags: 0,
  };
}

/** An interaction payload as Discord sends it, for a member of a guild. */
export function interactionPayload(fields: { type: 2 | 3 | 4 | 5; userId: string; locale: string; roles?: string[]; data: Record<string, unknown> }): Record<string, unknown> & { id: string } {
  const id = String(++nextId);
  return {
    id,
    application_id: '200000000000000002',
    type: fields.type,
    token: `token-${id}`,
    version: 1,
    locale: fields.locale,
    guild_locale: 'en-US',
    guild_id: '400000000000000004',
    channel_id: '500000000000000005',
    channel: { id: '500000000000000005', type: 0, guild_id: '400000000000000004', name: 'support' },
    member: {
      user: { id: fields.userId, username: 'agent', discriminator: '0', avatar: null, global_name: 'Agent' },
      roles: fields.roles ?? [],
      permissions: '0',
      joined_at: '2024-01-01T00:00:00.000000+00:00',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': '400000000000000004' },
    context: 0,
    data: fields.data,
    ...(fields.type === 3 ? { message: { id: '600000000000000006', channel_id: '500000000000000005', flags: 64, content: '', embeds: [], components: [], author: { id: '100000000000000001', username: 'frontline', discriminator: '0' }, attachments: [], mentions: [], mention_roles: [], pinned: false, mention_everyone: false, tts: false, timestamp: '2026-11-22T00:00:00.000000+00:00', edited_timestamp: null, type: 20 } } : {}),
  } as Record<string, unknown> & { id: string };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
