import pino from 'pino';
import { DiscordAdapter, type DiscordSettings } from '../../../../src/adapters/discord/discord-adapter.js';
import { DISCORD_INTERACTIONS_PATH, DiscordHttpInteractions } from '../../../../src/adapters/discord/http-interactions.js';
import { RecentDeliveries } from '../../../../src/db/recent-deliveries.js';
import { systemClock } from '../../../../src/core/clock.js';
import type { Outbox } from '../../../../src/core/outbox.js';
import type { Router } from '../../../../src/core/router.js';
import { ServiceServer } from '../../../../src/http/service-server.js';
import { discordKeyPair, postInteraction } from '../../../helpers/discord-http.js';
import { discordCapabilities } from '../../../../src/adapters/discord/discord-platform.js';
import type { Form } from '../../../../src/core/reply.js';
import { DM_CHANNEL, FakeDiscord, interactionPayload, type InteractionCallback } from '../../../helpers/fake-discord.js';
import type { AdapterDriver, SeenReply } from '../driver.js';
import { settled } from '../settle.js';

const EPHEMERAL = 64;
type Embed = { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] };
type Component = { custom_id?: string; label?: string; components?: Component[] };
type Message = { content?: string; embeds?: Embed[]; components?: Component[]; flags?: number };
type Modal = { custom_id: string; title: string; components: { components: { custom_id: string; label: string }[] }[] };

const embedSize = (e: Embed) => (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/** What Discord shows of a message: its content, embeds and buttons. */
function seen(message: Message, isPrivate: boolean, replaced = false): SeenReply {
  const embeds = message.embeds ?? [];
  // Discord refuses a message over its limits (50035 Invalid Form Body), so the fake refuses it too.
  if (embeds.length > 10 || embeds.reduce((n, e) => n + embedSize(e), 0) > 6000 || embeds.some((e) => (e.description?.length ?? 0) > 4096 || (e.fields ?? []).length > 25 || (e.fields ?? []).some((f) => f.value.length > 1024))) {
    throw new Error(`Discord would refuse this message: ${embeds.length} embeds, ${embeds.reduce((n, e) => n + embedSize(e), 0)} characters`);
  }
  const text = [message.content ?? '', ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])];
  const buttons = (message.components ?? []).flatMap((row) => row.components ?? []).filter((c) => c.custom_id);
  return {
    private: isPrivate,
    text: [...text, ...buttons.map((b) => b.label ?? '')].join('\n'),
    actions: buttons.map((b) => ({ label: b.label ?? '', customId: b.custom_id! })),
    ...(replaced ? { replaced: true } : {}),
  };
}

/** Whether a request path is a follow-up or edit on this interaction's webhook token. */
export const webhookOf = (interaction: Record<string, unknown>) => (path: string) => path.startsWith('/webhooks/') && path.split('/')[3] === String(interaction.token);

/** What the person sees of an interaction: its first response (callback or HTTP answer), then every edit and follow-up on its webhook. */
export function seenAnswers(firstResponses: InteractionCallback['body'][], webhookRequests: { method: string; path: string; body: unknown }[]): SeenReply[] {
  const out: SeenReply[] = [];
  let deferredPrivate = false;
  for (const callback of firstResponses) {
    const data = (callback.data ?? {}) as Message;
    if (callback.type === 9) {
      const modal = callback.data as unknown as Modal;
      const [command = '', id = ''] = modal.custom_id.split(':');
      const form: Form = { command, id, title: modal.title, submitLabel: '', fields: modal.components.flatMap((row) => row.components).map((f) => ({ id: f.custom_id, label: f.label })) };
      out.push({ private: true, text: modal.title, actions: [], form });
    } else if (callback.type === 5) deferredPrivate = ((data.flags ?? 0) & EPHEMERAL) !== 0;
    else if (callback.type === 4 || callback.type === 7) out.push(seen(data, callback.type === 7 || ((data.flags ?? 0) & EPHEMERAL) !== 0, callback.type === 7));
  }
  for (const request of webhookRequests) {
    const body = request.body as Message;
    const original = request.path.endsWith('/@original');
    out.push(seen(body, original ? deferredPrivate || ((body.flags ?? 0) & EPHEMERAL) !== 0 : ((body.flags ?? 0) & EPHEMERAL) !== 0, original && request.method === 'PATCH' && !deferredPrivate));
  }
  return out;
}

/** How interactions reach the adapter under test, and where its first responses are seen. */
interface DiscordTransport {
  name: string;
  start(discord: FakeDiscord, router: Router, settings: DiscordSettings): Promise<Outbox & { stop(): Promise<void> }>;
  /** Delivers the interaction; the returned function lists its first responses so far. */
  deliver(discord: FakeDiscord, interaction: ReturnType<typeof interactionPayload>): () => InteractionCallback['body'][];
}

/** Real discord.js over its gateway and REST, against a local Discord (tests/helpers/fake-discord.ts). */
export const discordDriver = (): AdapterDriver =>
  driverOver({
    name: 'discord',
    async start(discord, router, settings) {
      const adapter = new DiscordAdapter({ settings, router, log: pino({ level: 'silent' }) });
      await adapter.start();
      return adapter;
    },
    deliver(discord, interaction) {
      discord.sendInteraction(interaction);
      return () => discord.callbacks.filter((c) => c.interactionId === interaction.id).map((c) => c.body);
    },
  });

/** The HTTP interactions endpoint: signed POSTs to the bot's port, no gateway session; follow-ups on the local Discord's webhooks. */
export function discordHttpDriver(): AdapterDriver {
  const keys = discordKeyPair();
  let server: ServiceServer | undefined;
  let url = '';
  return driverOver({
    name: 'discord (HTTP interactions)',
    async start(discord, router, settings) {
      server = new ServiceServer({ port: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) });
      const recent = new RecentDeliveries(systemClock);
      const adapter = new DiscordHttpInteractions({
        settings: { ...settings, publicKey: keys.publicKeyHex },
        router,
        clock: systemClock,
        log: pino({ level: 'silent' }),
        server,
        deliveries: { firstDelivery: (key) => recent.firstTime(key) },
      });
      adapter.start();
      url = `http://127.0.0.1:${(await server.start()).port}${DISCORD_INTERACTIONS_PATH}`;
      return { ...adapterOutbox(adapter), stop: async () => (await adapter.stop(), await server?.stop()) };
    },
    deliver(_discord, interaction) {
      const answers: InteractionCallback['body'][] = [];
      void postInteraction(url, interaction, { privateKey: keys.privateKey, at: new Date() }).then(({ body }) => answers.push(body as InteractionCallback['body']));
      return () => answers;
    },
  });
}

/** The adapter's own sends, bound (the contract registers what start() returns as the outbox). */
function adapterOutbox(adapter: Outbox): Outbox {
  return {
    sendDirect: (to, reply) => adapter.sendDirect(to, reply),
    postToChannel: (to, reply) => adapter.postToChannel(to, reply),
    update: (target, reply) => adapter.update(target, reply),
    ...(adapter.knowsPerson ? { knowsPerson: (to: Parameters<NonNullable<Outbox['knowsPerson']>>[0]) => adapter.knowsPerson!(to) } : {}),
  };
}

function driverOver(transport: DiscordTransport): AdapterDriver {
  const discord = new FakeDiscord();
  let adapter: (Outbox & { stop(): Promise<void> }) | undefined;

  /** Delivers an interaction; answers its first response and every follow-up or edit on its token. */
  async function interact(fields: Parameters<typeof interactionPayload>[0]): Promise<SeenReply[]> {
    const interaction = interactionPayload(fields);
    const mine = webhookOf(interaction);
    const firstResponses = transport.deliver(discord, interaction);
    const count = () => firstResponses().length + discord.requests.filter((r) => mine(r.path)).length;
    await settled(count, 0);
    return seenAnswers(firstResponses(), discord.requests.filter((r) => mine(r.path)));
  }

  return {
    name: transport.name,
    platform: 'discord',
    capabilities: discordCapabilities,
    person: '700000000000000077',
    colleague: { address: '700000000000000088', mention: '<@700000000000000088>' },
    async start(router) {
      await discord.start();
      adapter = await transport.start(discord, router, { token: 'contract.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(['700000000000000077']), defaultLocale: 'en', teamTimeZone: 'UTC' });
      return adapter;
    },
    async stop() {
      await adapter?.stop();
      await discord.stop();
    },
    command: (user, name, text) =>
      interact({ type: 2, userId: user, locale: 'en-US', data: { id: '990', name, type: 1, options: text ? [{ name: 'text', type: 3, value: text }] : [] } }),
    press: (user, shown, index) =>
      interact({ type: 3, userId: user, locale: 'en-US', data: { custom_id: (shown.actions[index] as unknown as { customId: string }).customId, component_type: 2 } }),
    submit: (user, form, answers) =>
      interact({
        type: 5, userId: user, locale: 'en-US',
        data: { custom_id: `${form.command}:${form.id}:`, components: Object.entries(answers).map(([field, value]) => ({ type: 1, components: [{ type: 4, custom_id: field, value }] })) },
      }),
    directMessages: async () => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL}/messages`).map((r) => seen(r.body as Message, true)),
    edits: async () => discord.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith('/channels/')).map((r) => seen(r.body as Message, true)),
  };
}
