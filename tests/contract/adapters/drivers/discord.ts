import pino from 'pino';
import { DiscordAdapter } from '../../../../src/adapters/discord/discord-adapter.js';
import { discordCapabilities } from '../../../../src/adapters/discord/discord-platform.js';
import type { Form } from '../../../../src/core/reply.js';
import { DM_CHANNEL, FakeDiscord, interactionPayload } from '../../../helpers/fake-discord.js';
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

/** Real discord.js over its gateway and REST, against a local Discord (tests/helpers/fake-discord.ts). */
export function discordDriver(): AdapterDriver {
  const discord = new FakeDiscord();
  let adapter: DiscordAdapter | undefined;

  /** Delivers an interaction; answers its callback and every follow-up or edit on its token. */
  async function interact(fields: Parameters<typeof interactionPayload>[0]): Promise<SeenReply[]> {
    const interaction = interactionPayload(fields);
    const token = String(interaction.token);
    const mine = (path: string) => path.startsWith('/webhooks/') && path.split('/')[3] === token;
    const count = () => discord.callbacks.filter((c) => c.interactionId === interaction.id).length + discord.requests.filter((r) => mine(r.path)).length;
    discord.sendInteraction(interaction);
    await settled(count, 0);
    const out: SeenReply[] = [];
    let deferredPrivate = false;
    for (const callback of discord.callbacks.filter((c) => c.interactionId === interaction.id)) {
      const data = (callback.body.data ?? {}) as Message;
      if (callback.body.type === 9) {
        const modal = callback.body.data as unknown as Modal;
        const [command = '', id = ''] = modal.custom_id.split(':');
        const form: Form = { command, id, title: modal.title, submitLabel: '', fields: modal.components.flatMap((row) => row.components).map((f) => ({ id: f.custom_id, label: f.label })) };
        out.push({ private: true, text: modal.title, actions: [], form });
      } else if (callback.body.type === 5) deferredPrivate = ((data.flags ?? 0) & EPHEMERAL) !== 0;
      else if (callback.body.type === 4 || callback.body.type === 7) out.push(seen(data, callback.body.type === 7 || ((data.flags ?? 0) & EPHEMERAL) !== 0, callback.body.type === 7));
    }
    for (const request of discord.requests.filter((r) => mine(r.path))) {
      const body = request.body as Message;
      const original = request.path.endsWith('/@original');
      out.push(seen(body, original ? deferredPrivate || ((body.flags ?? 0) & EPHEMERAL) !== 0 : ((body.flags ?? 0) & EPHEMERAL) !== 0, original && request.method === 'PATCH' && !deferredPrivate));
    }
    return out;
  }

  return {
    name: 'discord',
    capabilities: discordCapabilities,
    person: '700000000000000077',
    colleague: { address: '700000000000000088', mention: '<@700000000000000088>' },
    async start(router) {
      await discord.start();
      adapter = new DiscordAdapter({
        settings: { token: 'contract.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(['700000000000000077']), defaultLocale: 'en', teamTimeZone: 'UTC' },
        router,
        log: pino({ level: 'silent' }),
      });
      await adapter.start();
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
