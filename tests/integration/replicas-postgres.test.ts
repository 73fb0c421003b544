import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { ManualClock } from '../../src/core/clock.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import { createRouter } from '../../src/core/router.js';
import { PgBotStore } from '../../src/db/pg-bot-store.js';
import { PromiseDesk } from '../../src/promises/desk.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { RecordingOutbox } from '../helpers/bot-context.js';
import { dyingOutbox } from '../helpers/dying-outbox.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { leadDirectory } from '../helpers/platforms.js';
import { createTestDatabase } from '../helpers/postgres-server.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';

/** Two replicas of the bot (a desk and a scheduler each, their own platform connection) over one PostgreSQL database. */
const server = testPostgresUrl('two replicas on PostgreSQL');
const MIN = 60_000;
const timings = { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN };
const owner = { platform: 'slack' as const, userId: 'U1', name: 'amy', locale: 'en' as const };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function replicas(clock: ManualClock) {
  const db = await createTestDatabase(server!);
  cleanups.push(db.drop);
  const replica = async (name: string) => {
    const store = await PgBotStore.open({ url: db.url, timings, now: () => clock.now(), poolSize: 4 });
    cleanups.push(() => store.close());
    const desk = new PromiseDesk(store, clock);
    const outbox = new RecordingOutbox();
    const scheduler = new ReminderScheduler({
      desk,
      outbox,
      leads: leadDirectory({ leadIds: ['ULEAD'], leadsChannels: [] }),
      clock,
      log: pino({ level: 'silent' }),
      timings,
      leadLocale: 'en',
      teamTimeZone: 'UTC',
      claimant: name,
    });
    await scheduler.rebuild();
    return { desk, outbox, scheduler };
  };
  return [await replica('replica-a'), await replica('replica-b')] as const;
}

const titles = (...outboxes: RecordingOutbox[]) =>
  outboxes.flatMap((o) => o.sent.map((d) => `${'userId' in d.to ? d.to.userId : d.to.channel}: ${d.reply.title}`));

describe.skipIf(!server)('two replicas over one PostgreSQL database', () => {
  it('a due reminder and its escalation reach each person exactly once, however the replicas tick', async () => {
    const clock = new ManualClock('2026-12-01T08:00:00Z');
    const [a, b] = await replicas(clock);
    const { record } = await a.desk.create({ owner, dueAt: new Date(clock.now().getTime() + 3 * MIN), note: '4411 refund', timeZone: 'UTC' });
    for (let i = 0; i < 12; i++) {
      clock.advance(MIN);
      await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    }
    expect(titles(a.outbox, b.outbox).sort()).toEqual([`U1: Promise ${record.id} is due now`, `ULEAD: Promise ${record.id} has lapsed`]);
    expect((await b.desk.find(record.id))!.reminders.due).toMatchObject({ forDueAt: record.dueAt });
  });

  it('a replica that died after sending, before confirming, is taken over without a second copy (Slack: looked up in the DM)', async () => {
    const clock = new ManualClock('2026-12-01T08:00:00Z');
    const db = await createTestDatabase(server!);
    cleanups.push(db.drop);
    const slack = await new FakeSlack().start();
    cleanups.push(() => slack.stop());
    const log = pino({ level: 'silent' });
    const replica = async (name: string, dies: boolean) => {
      const store = await PgBotStore.open({ url: db.url, timings, now: () => clock.now(), poolSize: 4 });
      cleanups.push(() => store.close());
      const desk = new PromiseDesk(store, clock);
      const adapter = new SlackAdapter({
        settings: { botToken: `xoxb-${name}`, signingSecret: 'replica-secret', port: 0, apiUrl: slack.apiUrl, leadIds: new Set(['ULEAD']), defaultLocale: 'en', teamTimeZone: 'UTC' },
        router: createRouter([], { log }),
        clock,
        log,
      });
      await adapter.start();
      cleanups.push(() => adapter.stop());
      const outbox = new PlatformOutbox();
      outbox.register('slack', adapter);
      const leads = leadDirectory({ leadIds: ['ULEAD'], leadsChannels: [] });
      const scheduler = new ReminderScheduler({ desk, outbox: dies ? dyingOutbox(outbox, true) : outbox, leads, clock, log, timings, leadLocale: 'en', teamTimeZone: 'UTC', claimant: name, visibilityMs: 20_000 });
      return { desk, scheduler };
    };
    const a = await replica('replica-a', true);
    const b = await replica('replica-b', false);
    const { record } = await a.desk.create({ owner, dueAt: new Date(clock.now().getTime() + 3 * MIN), note: '4411 refund', timeZone: 'UTC' });
    const posted = (channel: string) => slack.accepted.filter((m) => m.channel === channel).length;
    // Due and escalation at once: A records both intents, posts both, and dies before confirming.
    clock.set(Date.parse(record.dueAt) + timings.escalateAfterMs);
    void a.scheduler.tick();
    await vi.waitFor(() => expect([posted('U1'), posted('ULEAD')]).toEqual([1, 1]));
    clock.advance(20_000);
    await b.scheduler.tick();
    await vi.waitFor(async () => {
      const { reminders } = (await b.desk.find(record.id))!;
      expect([reminders.due?.inFlight, reminders.escalation?.inFlight]).toEqual([undefined, undefined]);
    });
    clock.advance(MIN);
    await b.scheduler.tick();
    expect([posted('U1'), posted('ULEAD')]).toEqual([1, 1]);
    expect(slack.calls.filter((c) => c.method === 'conversations.history').length).toBeGreaterThanOrEqual(2);
  });

  it('a promise made through one replica is reminded by the other when the first is gone', async () => {
    const clock = new ManualClock('2026-12-01T08:00:00Z');
    const [a, b] = await replicas(clock);
    const { record } = await a.desk.create({ owner, dueAt: new Date(clock.now().getTime() + 2 * MIN), note: '7731 parcel', timeZone: 'UTC' });
    a.scheduler.stop();
    for (let i = 0; i < 3; i++) {
      clock.advance(MIN);
      await b.scheduler.tick();
    }
    expect(titles(a.outbox)).toEqual([]);
    expect(titles(b.outbox)).toEqual([`U1: Promise ${record.id} is due now`]);
  });

  it('two replicas changing the same promise at once: both changes are kept, in the history, none overwritten', async () => {
    const clock = new ManualClock('2026-12-01T08:00:00Z');
    const [a, b] = await replicas(clock);
    const { record } = await a.desk.create({ owner, dueAt: new Date(clock.now().getTime() + 60 * MIN), note: '5520 call back', timeZone: 'UTC' });
    const actor = { ...owner, isLead: false };
    const [snoozed, moved] = await Promise.all([
      a.desk.snooze(record.id, actor, new Date(clock.now().getTime() + 20 * MIN)),
      b.desk.renegotiate(record.id, actor, new Date(clock.now().getTime() + 90 * MIN), 'customer asked'),
    ]);
    expect(snoozed.ok && moved.ok).toBe(true);
    const events = (await a.desk.find(record.id))!.history.map((h) => h.event).sort();
    expect(events).toEqual(['created', 'renegotiated', 'snoozed']);
  });
});
