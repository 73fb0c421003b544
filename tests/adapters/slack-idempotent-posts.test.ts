import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { UNCERTAIN_POSTS_FILE } from '../../src/db/file-snapshot.js';
import { UncertainPosts } from '../../src/db/uncertain-posts.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { privateReply } from '../../src/core/reply.js';
import { PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { botContext, type BotContext } from '../helpers/bot-context.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { botRouter } from '../helpers/router.js';
import { testScheduler } from '../helpers/scheduler.js';

/**
 * Slack sometimes takes a message and answers 500 (or times out) anyway. What the agent sees must
 * be one reminder, never three: no automatic retry of a post, and our own retry first looks in
 * the channel for the delivery id the first attempt carried.
 */

const MIN = 60_000;
const OWNER = 'UAGENT';
const owner = { platform: 'slack' as const, userId: OWNER, name: 'Ana', locale: 'en' as const };
const log = pino({ level: 'silent' });

let ctx: BotContext;
let slack: FakeSlack;
let adapter: SlackAdapter;
let scheduler: ReminderScheduler;

beforeEach(async () => {
  const outbox = new PlatformOutbox();
  ctx = await botContext({ outbox, now: '2026-12-01T08:00:00Z', leadIds: ['ULEAD'] });
  slack = await new FakeSlack().start();
  adapter = new SlackAdapter({
    settings: { botToken: 'xoxb-idem', signingSecret: 'idem-secret', port: 0, apiUrl: slack.apiUrl, leadIds: new Set(['ULEAD']), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: botRouter(ctx.context),
    clock: ctx.clock,
    log,
  });
  await adapter.start();
  outbox.register('slack', adapter);
  scheduler = testScheduler(ctx, outbox);
});

afterEach(async () => {
  await adapter.stop();
  await slack.stop();
  await ctx.close();
});

/** What the agent sees in the DM with the app: the reminders about this promise. */
const remindersSeen = (id: string) => slack.messagesIn(OWNER).filter((m) => String(m.text).includes(id));

/** Ticks every 15 s of moved time for `minutes`, as the bot's once-a-second loop would. */
async function runFor(minutes: number): Promise<void> {
  for (let t = 0; t < (minutes * MIN) / 15_000; t++) {
    ctx.clock.advance(15_000);
    await scheduler.tick();
  }
}

describe('Slack posts are sent once, whatever Slack answers', () => {
  it('a reminder Slack took but answered 500 for (twice) is in the DM exactly once, and counts as sent', async () => {
    const { record } = await ctx.promises.create({ owner, dueAt: new Date(ctx.clock.now().getTime() + 20 * MIN), note: '4411 refund', timeZone: 'UTC' });
    slack.acceptThenFail('chat.postMessage', 500, 2);
    ctx.clock.set(Date.parse(record.dueAt) - 10 * MIN);
    await scheduler.tick();
    await runFor(3);
    expect(remindersSeen(record.id).map((m) => m.text)).toHaveLength(1);
    expect((await ctx.promises.find(record.id))!.reminders['heads-up']).toBeDefined();
    // Later reminders still go out, once each.
    ctx.clock.set(Date.parse(record.dueAt));
    await scheduler.tick();
    await runFor(2);
    expect(remindersSeen(record.id)).toHaveLength(2);
  });

  it('a post that failed without landing is sent again by our retry, once', async () => {
    const { record } = await ctx.promises.create({ owner, dueAt: new Date(ctx.clock.now().getTime() + 20 * MIN), note: '4412 refund', timeZone: 'UTC' });
    slack.failNext('chat.postMessage', 'internal_error', 500);
    ctx.clock.set(Date.parse(record.dueAt) - 10 * MIN);
    await scheduler.tick();
    expect(remindersSeen(record.id)).toHaveLength(0);
    await runFor(2);
    expect(remindersSeen(record.id)).toHaveLength(1);
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((c) => (JSON.parse(String(c.body.metadata)) as { event_payload: { delivery_id: string } }).event_payload.delivery_id)).toEqual([
      `${record.id}:heads-up:${record.dueAt}@${OWNER}`,
      `${record.id}:heads-up:${record.dueAt}@${OWNER}`,
    ]);
  });

  it('an escalation Slack took but answered 500 for reaches the lead once', async () => {
    const { record } = await ctx.promises.create({ owner, dueAt: new Date(ctx.clock.now().getTime() + 5 * MIN), note: '4413 refund', timeZone: 'UTC' });
    ctx.clock.set(Date.parse(record.dueAt));
    await scheduler.tick();
    slack.acceptThenFail('chat.postMessage', 500, 1);
    ctx.clock.set(Date.parse(record.dueAt) + 5 * MIN);
    await scheduler.tick();
    await runFor(2);
    const toLead = slack.accepted.filter((m) => m.channel === 'ULEAD');
    expect(toLead).toHaveLength(1);
  });

  it('after a restart the retried reminder is not posted again when the first attempt landed', async () => {
    // Each process reads the record from the file (the file store's; PostgreSQL's table passes the same contract).
    const uncertainPostsFile = path.join(ctx.dataDir, UNCERTAIN_POSTS_FILE);
    const first = new SlackAdapter({
      settings: { botToken: 'xoxb-idem', signingSecret: 'idem-secret', port: 0, apiUrl: slack.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
      router: botRouter(ctx.context),
      clock: ctx.clock,
      log,
      uncertainPosts: new UncertainPosts(ctx.clock, uncertainPostsFile),
    });
    await first.start();
    const outbox = new PlatformOutbox();
    outbox.register('slack', first);
    const { record } = await ctx.promises.create({ owner, dueAt: new Date(ctx.clock.now().getTime() + 20 * MIN), note: '4415 refund', timeZone: 'UTC' });
    const before = new ReminderScheduler({ desk: ctx.promises, outbox, leads: ctx.context.leads!, clock: ctx.clock, log, timings: { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN }, leadLocale: 'en', teamTimeZone: 'UTC' });
    before.rebuild();
    slack.acceptThenFail('chat.postMessage', 500, 1);
    ctx.clock.set(Date.parse(record.dueAt) - 10 * MIN);
    await before.tick();
    await first.stop();
    expect(remindersSeen(record.id)).toHaveLength(1);

    // A new process: the intent was taken back, so it sends the heads-up again, and looks first.
    const second = new SlackAdapter({
      settings: { botToken: 'xoxb-idem', signingSecret: 'idem-secret', port: 0, apiUrl: slack.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
      router: botRouter(ctx.context),
      clock: ctx.clock,
      log,
      uncertainPosts: new UncertainPosts(ctx.clock, uncertainPostsFile),
    });
    await second.start();
    const restarted = new PlatformOutbox();
    restarted.register('slack', second);
    const after = new ReminderScheduler({ desk: ctx.promises, outbox: restarted, leads: ctx.context.leads!, clock: ctx.clock, log, timings: { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN }, leadLocale: 'en', teamTimeZone: 'UTC' });
    after.rebuild();
    ctx.clock.advance(MIN);
    await after.tick();
    await second.stop();
    expect(slack.calls.filter((c) => c.method === 'conversations.history')).toHaveLength(1);
    expect(remindersSeen(record.id)).toHaveLength(1);
    expect((await ctx.promises.find(record.id))!.reminders['heads-up']).toBeDefined();
  });

  it('a digest Slack took but answered 500 for is not posted again by the pending-delivery retry', async () => {
    const digest = privateReply('Promises this morning', [{ type: 'text', text: '3 open, 1 overdue' }]);
    const outbox = new PlatformOutbox();
    outbox.register('slack', adapter);
    const pending = new PendingDeliveries({ desk: ctx.promises, outbox, clock: ctx.clock, log, digest: async () => digest });
    slack.acceptThenFail('chat.postMessage', 500, 1);
    expect(await ctx.promises.notify({ kind: 'digest', to: { platform: 'slack', userId: 'ULEAD' } }, digest, outbox)).toBe(false);
    expect((await ctx.promises.pendingDeliveries())).toHaveLength(1);
    for (let i = 0; i < 4; i++) {
      ctx.clock.advance(30_000);
      await pending.retryDue();
    }
    expect((await ctx.promises.pendingDeliveries())).toHaveLength(0);
    expect(slack.accepted.filter((m) => m.channel === 'ULEAD')).toHaveLength(1);
  });

  it('on 429 waits the Retry-After Slack asked for and posts one copy', async () => {
    const { record } = await ctx.promises.create({ owner, dueAt: new Date(ctx.clock.now().getTime() + 20 * MIN), note: '4414 refund', timeZone: 'UTC' });
    slack.rateLimitNext('chat.postMessage', 1);
    ctx.clock.set(Date.parse(record.dueAt) - 10 * MIN);
    const started = performance.now();
    await scheduler.tick();
    const waited = performance.now() - started;
    expect(remindersSeen(record.id)).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.failed ?? 'ok')).toEqual(['ratelimited', 'ok']);
    // Honoured, not skipped: the second try came after the second Slack asked for.
    expect(waited).toBeGreaterThanOrEqual(950);
    await runFor(1);
    expect(remindersSeen(record.id)).toHaveLength(1);
  });

  it('still retries reads on their own (users.info after a 500)', async () => {
    slack.failNext('users.info', 'internal_error', 500);
    await expect(adapter.knowsPerson({ platform: 'slack', userId: 'UCOLLEAGUE' })).resolves.toBe(true);
  });
});
