import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { FeishuAdapter } from '../../src/adapters/feishu/feishu-adapter.js';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { PlatformOutbox, type Outbox } from '../../src/core/outbox.js';
import type { Capabilities } from '../../src/core/platform.js';
import { ManualTimers } from '../../src/core/timers.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { handoffNotice } from '../../src/promises/promise-card.js';
import { leadNoteFor } from '../../commands/calm-replies.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { dyingOutbox } from '../helpers/dying-outbox.js';
import { DM_CHANNEL, FakeDiscord } from '../helpers/fake-discord.js';
import { FakeFeishu } from '../helpers/fake-feishu.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { botRouter } from '../helpers/router.js';

/**
 * Two replicas share one store. Replica A starts something the bot sends on its own (a reminder it
 * claimed, or a kept message: hand-off notice, /calm lead note), records its intent and dies:
 * before sending, or after sending but before confirming. Replica B, once A's claim has run out
 * (the visibility timeout), must get exactly one copy to the person in both cases, asking the
 * platform (against its fake API) whether A's message landed.
 */

const MIN = 60_000;
const VISIBILITY_MS = 30_000;
const log = pino({ level: 'silent' });

interface Platform {
  owner: { platform: string; userId: string; name: string; locale: 'en' };
  outbox: Outbox;
  /** What the adapter declared it can show, as main.ts registers it with the one outbox. */
  capabilities: Capabilities;
  /** Reminders the person has received about the promise, as the platform shows them. */
  seen(promiseId: string): number;
  stop(): Promise<void>;
}

async function slackPlatform(ctx: BotContext): Promise<Platform> {
  const slack = await new FakeSlack().start();
  const adapter = new SlackAdapter({
    settings: { botToken: 'xoxb-takeover', signingSecret: 'takeover-secret', port: 0, apiUrl: slack.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: botRouter(ctx.context),
    clock: ctx.clock,
    log,
  });
  await adapter.start();
  return {
    owner: { platform: 'slack', userId: 'UAGENT', name: 'Ana', locale: 'en' },
    outbox: adapter,
    capabilities: adapter.capabilities,
    seen: (id) => slack.messagesIn('UAGENT').filter((m) => String(m.text).includes(id)).length,
    stop: async () => {
      await adapter.stop();
      await slack.stop();
    },
  };
}

async function discordPlatform(ctx: BotContext): Promise<Platform> {
  const discord = await new FakeDiscord().start();
  const adapter = new DiscordAdapter({ settings: { token: 'takeover.discord.token', apiUrl: discord.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' }, router: botRouter(ctx.context), log });
  await adapter.start();
  return {
    owner: { platform: 'discord', userId: '200000000000000002', name: 'Ana', locale: 'en' },
    outbox: adapter,
    capabilities: adapter.capabilities,
    seen: (id) => discord.posted.filter((p) => p.channel === DM_CHANNEL && JSON.stringify(p.body).includes(id)).length,
    stop: async () => {
      await adapter.stop();
      await discord.stop();
    },
  };
}

async function feishuPlatform(ctx: BotContext): Promise<Platform> {
  const feishu = await new FakeFeishu().start();
  const adapter = new FeishuAdapter({
    settings: { appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.domain, encryptKey: 'takeover-key', port: 0, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: botRouter(ctx.context),
    clock: ctx.clock,
    log,
    timers: new ManualTimers(ctx.clock),
  });
  await adapter.start();
  return {
    owner: { platform: 'feishu', userId: 'ou_agent001', name: 'Ana', locale: 'en' },
    outbox: adapter,
    capabilities: adapter.capabilities,
    seen: (id) => feishu.messages.filter((m) => m.receiveId === 'ou_agent001' && JSON.stringify(m.card).includes(id)).length,
    stop: async () => {
      await adapter.stop();
      await feishu.stop();
    },
  };
}

/** One terminal: both "replicas" print to it (the console is one process; this checks its resend). */
async function consolePlatform(ctx: BotContext): Promise<Platform> {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const adapter = new ConsoleAdapter({ router: botRouter(ctx.context), input: new PassThrough(), output, locale: 'en', timeZone: 'UTC', log, banner: () => [], onClose: () => undefined });
  return {
    owner: { platform: 'console', userId: 'operator', name: 'Ana', locale: 'en' },
    outbox: adapter,
    capabilities: adapter.capabilities,
    seen: (id) => printed.split('[→ operator').filter((block) => block.includes(id)).length,
    stop: async () => adapter.close(),
  };
}

function replica(ctx: BotContext, outbox: Outbox, claimant: string, onSent?: (latenessMs: number) => void): ReminderScheduler {
  return new ReminderScheduler({
    ...(onSent ? { onSent } : {}),
    desk: ctx.promises,
    outbox,
    leads: ctx.context.leads!,
    clock: ctx.clock,
    log,
    timings: { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN },
    leadLocale: 'en',
    teamTimeZone: 'UTC',
    claimant,
    visibilityMs: VISIBILITY_MS,
  });
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await check()).toBe(true);
}

const platforms = { Slack: slackPlatform, Discord: discordPlatform, Feishu: feishuPlatform, console: consolePlatform };
let cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/**
 * Something the bot sends on its own. Replica A starts sending it through `dying` and dies; it
 * returns what the person sees it by. Replica B then runs its passes over due work.
 */
interface Unprompted {
  startOnA(ctx: BotContext, owner: Platform['owner'], dying: Outbox): Promise<string>;
  replicaB(ctx: BotContext, outbox: Outbox): () => Promise<void>;
  /** Whether the store shows it as delivered. */
  sent(ctx: BotContext, seenBy: string): Promise<boolean>;
}

/** A reminder falling due at `at` (after arranging it) and sent by the reminder schedulers. */
function reminder(arrange: (ctx: BotContext, owner: Platform['owner']) => Promise<{ id: string; at: number }>, sent: (record: PromiseRecord | undefined) => boolean): Unprompted {
  return {
    async startOnA(ctx, owner, dying) {
      const { id, at } = await arrange(ctx, owner);
      ctx.clock.set(at);
      // A's pass never ends: it recorded the intent and died at the send.
      void replica(ctx, dying, 'replica-a').tick();
      return id;
    },
    replicaB: (ctx, outbox) => {
      const b = replica(ctx, outbox, 'replica-b');
      return () => b.tick();
    },
    sent: async (ctx, id) => sent(await ctx.promises.find(id)),
  };
}

/** A kept message (PromiseDesk.notify, as the commands send it) that the retry pass takes over. */
function kept(send: (ctx: BotContext, owner: Platform['owner'], dying: Outbox) => Promise<string>): Unprompted {
  return {
    startOnA: send,
    replicaB: (ctx, outbox) => {
      const b = new PendingDeliveries({ desk: ctx.promises, outbox, clock: ctx.clock, log, digest: async () => ({ private: false, blocks: [] }), render: { leadNote: leadNoteFor }, claimant: 'replica-b', visibilityMs: VISIBILITY_MS });
      return () => b.retryDue();
    },
    sent: async (ctx) => (await ctx.promises.pendingDeliveries()).length === 0,
  };
}

const unprompted: Record<string, Unprompted> = {
  'a reminder': reminder(
    async (ctx, owner) => {
      const { record } = await ctx.promises.create({ owner, dueAt: new Date(ctx.clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
      return { id: record.id, at: Date.parse(record.dueAt) };
    },
    (record) => record?.reminders.due !== undefined && record.reminders.due.inFlight === undefined,
  ),
  'a snoozed repeat': reminder(
    async (ctx, owner) => {
      const { record } = await ctx.promises.create({ owner, dueAt: new Date(ctx.clock.now().getTime() + 60 * MIN), note: '5178 replacement SIM', timeZone: 'UTC' });
      const until = new Date(ctx.clock.now().getTime() + 10 * MIN);
      await ctx.promises.snooze(record.id, { platform: owner.platform, userId: owner.userId, isLead: false }, until);
      return { id: record.id, at: until.getTime() };
    },
    (record) => record !== undefined && record.snoozedUntil === undefined && record.snoozeIntent === undefined,
  ),
  'a hand-off notice': kept(async (ctx, owner, dying) => {
    const from = { platform: owner.platform, userId: 'colleague-7', name: 'Bo' };
    const { record } = await ctx.promises.create({ owner: from, dueAt: new Date(ctx.clock.now().getTime() + 60 * MIN), note: '6620 router swap', timeZone: 'UTC' });
    const handed = await ctx.promises.handoff(record.id, { ...from, isLead: false }, owner);
    if (!handed.ok) throw new Error(handed.reason);
    void ctx.promises.notify({ kind: 'handoff', promiseId: record.id, from: 'Bo', sender: { platform: from.platform, userId: from.userId }, to: { platform: owner.platform, userId: owner.userId } }, handoffNotice(handed.value, 'Bo', ctx.clock.now()), dying);
    return record.id;
  }),
  'a /calm lead note': kept(async (ctx, owner, dying) => {
    const leadNote = { asker: { id: 'ASKER77', name: 'Mei' }, request: 'reset' as const, locale: 'en' as const };
    void ctx.promises.notify({ kind: 'lead-note', to: { platform: owner.platform, userId: owner.userId }, leadNote }, leadNoteFor(leadNote), dying);
    return 'ASKER77';
  }),
};

const cases = Object.entries(platforms).flatMap(([name, start]) => Object.entries(unprompted).map(([what, due]) => [name, what, start, due] as const));

describe.each(cases)('%s: %s whose sender died after recording its intent', (_name, _what, start, due) => {
  async function setUp(diesAfterSending: boolean) {
    const outbox = new PlatformOutbox();
    const ctx = await botContext({ outbox, now: '2026-12-01T08:00:00Z', visibilityMs: VISIBILITY_MS });
    const platform = await start(ctx);
    cleanup.push(() => ctx.close(), () => platform.stop());
    outbox.register(platform.owner.platform, platform.outbox, platform.capabilities);
    let died = false;
    const id = await due.startOnA(ctx, platform.owner, dyingOutbox(outbox, diesAfterSending, () => (died = true)));
    await until(() => died);
    return { ctx, platform, b: due.replicaB(ctx, outbox), id };
  }

  it('is sent by the other replica once the claim has run out, exactly once', async () => {
    const { ctx, platform, b, id } = await setUp(false);
    expect(platform.seen(id)).toBe(0);
    ctx.clock.advance(VISIBILITY_MS - 1000);
    await b();
    expect(platform.seen(id)).toBe(0);
    ctx.clock.advance(1000);
    await b();
    expect(platform.seen(id)).toBe(1);
    await until(() => due.sent(ctx, id));
    ctx.clock.advance(2 * VISIBILITY_MS);
    await b();
    expect(platform.seen(id)).toBe(1);
  });

  it('is not sent again when the dead sender had got it out before dying', async () => {
    const { ctx, platform, b, id } = await setUp(true);
    expect(platform.seen(id)).toBe(1);
    ctx.clock.advance(VISIBILITY_MS);
    await b();
    await until(() => due.sent(ctx, id));
    ctx.clock.advance(2 * VISIBILITY_MS);
    await b();
    expect(platform.seen(id)).toBe(1);
  });
});

describe('an outbox that cannot ask the platform', () => {
  it('does not send a reminder whose sender died again, and does not count it as sent', async () => {
    const outbox = new PlatformOutbox();
    const ctx = await botContext({ outbox, now: '2026-12-01T08:00:00Z' });
    const platform = await consolePlatform(ctx);
    cleanup.push(() => ctx.close(), () => platform.stop());
    outbox.register(platform.owner.platform, platform.outbox, platform.capabilities);
    const noLookup: Outbox = { sendDirect: (to, reply) => outbox.sendDirect(to, reply), postToChannel: (to, reply) => outbox.postToChannel(to, reply), update: (m, reply) => outbox.update(m, reply) };
    const counted: number[] = [];
    const a = replica(ctx, dyingOutbox(outbox, true), 'replica-a');
    const b = replica(ctx, noLookup, 'replica-b', (ms) => counted.push(ms));
    const { record } = await ctx.promises.create({ owner: platform.owner, dueAt: new Date(ctx.clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
    ctx.clock.set(Date.parse(record.dueAt));
    void a.tick();
    await until(() => platform.seen(record.id) === 1);
    ctx.clock.advance(VISIBILITY_MS);
    await b.tick();
    await until(async () => (await ctx.promises.find(record.id))?.reminders.due?.inFlight === undefined);
    expect(platform.seen(record.id)).toBe(1);
    expect(counted).toEqual([]);
  });
});
