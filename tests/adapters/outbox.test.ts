import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { systemClock } from '../../src/core/clock.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import type { Reply } from '../../src/core/reply.js';
import { DM_CHANNEL, FakeDiscord } from '../helpers/fake-discord.js';
import { FakeSlack, waitForCall } from '../helpers/fake-slack.js';
import { loadBase, scriptRouter } from '../helpers/router.js';

const reminder = (title: string): Reply => ({
  title,
  private: true,
  blocks: [
    { type: 'text', text: 'Reply to the customer now, even without a result.' },
    { type: 'actions', actions: [{ command: 'promise', id: 'done', value: 'p1', label: 'Done', style: 'primary', typed: '/promise done p1' }] },
  ],
});

let slack: FakeSlack;
let discord: FakeDiscord;
const outbox = new PlatformOutbox();
const adapters: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  const kb = await loadBase();
  const log = pino({ level: 'silent' });
  const router = scriptRouter({ knowledge: () => kb, clock: systemClock, log });
  slack = await new FakeSlack().start();
  discord = await new FakeDiscord().start();
  const slackAdapter = new SlackAdapter({
    settings: { botToken: 'xoxb-outbox', signingSecret: 'outbox-secret', port: 0, apiUrl: slack.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router,
    clock: systemClock,
    log,
  });
  await slackAdapter.start();
  const discordAdapter = new DiscordAdapter({ settings: { token: 'outbox.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' }, router, log });
  await discordAdapter.start();
  adapters.push(slackAdapter, discordAdapter);
  outbox.register('slack', slackAdapter);
  outbox.register('discord', discordAdapter);
});

afterAll(async () => {
  for (const a of adapters) await a.stop();
  await slack?.stop();
  await discord?.stop();
});

describe('Outbox: messages the bot sends on its own', () => {
  it('sends a Slack DM with working buttons and edits it in place', async () => {
    const sent = await outbox.sendDirect({ platform: 'slack', userId: 'U42' }, reminder('Promise due in 10 minutes'));
    const post = await waitForCall(slack, 'chat.postMessage', (b) => b.channel === 'U42');
    expect(JSON.stringify(post.body.blocks)).toContain('promise:done:0');
    expect(sent).toEqual({ platform: 'slack', channel: 'D1', id: '1700000000.000100' });
    await outbox.update(sent, reminder('Promise kept'));
    const update = await waitForCall(slack, 'chat.update');
    expect(update.body).toMatchObject({ channel: 'D1', ts: '1700000000.000100' });
    expect(JSON.stringify(update.body.blocks)).toContain('Promise kept');
  });

  it('sends a Discord DM with working buttons and edits it in place', async () => {
    const sent = await outbox.sendDirect({ platform: 'discord', userId: '700000000000000007' }, reminder('Promise due in 10 minutes'));
    expect(discord.requests.some((r) => r.method === 'POST' && r.path === '/users/@me/channels')).toBe(true);
    const post = discord.requests.find((r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL}/messages`);
    expect(post?.body).toMatchObject({ allowed_mentions: { parse: [] }, components: [{ type: 1, components: [{ custom_id: 'promise:done:p1', label: 'Done', style: 1 }] }] });
    expect(sent.channel).toBe(DM_CHANNEL);
    await outbox.update(sent, reminder('Promise kept'));
    const patch = discord.requests.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe(`/channels/${DM_CHANNEL}/messages/${sent.id}`);
    expect(JSON.stringify(patch?.body)).toContain('Promise kept');
  });

  it('refuses a platform it has no connection to, so the caller can retry later', async () => {
    await expect(new PlatformOutbox().sendDirect({ platform: 'slack', userId: 'U1' }, reminder('x'))).rejects.toThrow('no slack connection');
  });
});

describe('console outbox', () => {
  /** A console adapter whose printed output is kept in `printed()`. */
  async function terminal() {
    const { PassThrough } = await import('node:stream');
    const { ConsoleAdapter } = await import('../../src/adapters/console/console-adapter.js');
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d) => (printed += String(d)));
    const adapter = new ConsoleAdapter({
      router: scriptRouter({ knowledge: () => { throw new Error('unused'); }, clock: systemClock, log: pino({ level: 'silent' }) }),
      input: new PassThrough(),
      output,
      locale: 'en',
      timeZone: 'UTC',
      log: pino({ level: 'silent' }),
      banner: () => [],
      onClose: () => undefined,
    });
    return { adapter, printed: () => printed };
  }

  it('prints a direct message and its update, made fit for a terminal by the one outbox', async () => {
    const { adapter, printed } = await terminal();
    const outbox = new PlatformOutbox();
    outbox.register(adapter.platform, adapter, adapter.capabilities);
    const sent = await outbox.sendDirect({ platform: 'console', userId: 'lead' }, reminder('Promise due'));
    await outbox.update(sent, reminder('Promise kept'));
    expect(printed()).toContain('[→ lead #1]\n== Promise due ==');
    expect(printed()).toContain('[1] Done  →  /promise done p1');
    expect(printed()).toContain('[#1 updated]\n== Promise kept ==');
    expect(printed()).not.toContain('[Done]');
  });

  it('prints what it is handed: making a reply fit the terminal is done once, by the outbox or the router, never again here', async () => {
    const { adapter, printed } = await terminal();
    await adapter.sendDirect({ platform: 'console', userId: 'lead' }, reminder('Promise due'));
    // Unfit on purpose: a button handed straight to the adapter shows as its label (render-text),
    // which proves the adapter did not degrade it a second time.
    expect(printed()).toContain('[Done]');
    expect(printed()).not.toContain('→  /promise done p1');
  });
});
