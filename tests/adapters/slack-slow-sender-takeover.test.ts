import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import type { ManualClock } from '../../src/core/clock.js';
import { PlatformOutbox } from '../../src/core/outbox.js';
import type { PromiseDesk } from '../../src/promises/desk.js';
import type { Person } from '../../src/promises/model.js';
import { PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { handoffNotice } from '../../src/promises/promise-card.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { FakeSlack, type HeldCall } from '../helpers/fake-slack.js';
import { leadDirectory } from '../helpers/platforms.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { botRouter } from '../helpers/router.js';
import { botContext } from '../helpers/bot-context.js';
import { replicaStores } from '../helpers/takeover-replicas.js';

/**
 * Replica A posts something the bot sends on its own, and Slack is slow to answer. A's claim runs
 * out; replica B takes over, looks in the DM for A's copy (not there yet) and posts its own. Then
 * A's post lands and A's success comes back late. The agent must see one copy, whichever of the
 * two landed first: through the real Slack adapter (WebClient) against the local fake Slack API.
 */

const MIN = 60_000;
const VISIBILITY_MS = 30_000;
const timings = { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN };
const log = pino({ level: 'silent' });
const owner: Person = { platform: 'slack', userId: 'UAGENT', name: 'Ana', locale: 'en' };
const stores = replicaStores({ server: testPostgresUrl('Slack slow sender taken over, on PostgreSQL'), visibilityMs: VISIBILITY_MS, log, timings });

/** Something the bot sends on its own: arranged, then one replica's pass (or first send) over it. */
interface Unprompted {
  arrange(desk: PromiseDesk, clock: ManualClock): Promise<{ id: string; firstSend?: (outbox: PlatformOutbox) => Promise<unknown> }>;
  pass(desk: PromiseDesk, clock: ManualClock, outbox: PlatformOutbox, claimant: string): Promise<unknown>;
}

const unprompted: Record<string, Unprompted> = {
  'a due reminder': {
    async arrange(desk, clock) {
      const { record } = await desk.create({ owner, dueAt: new Date(clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
      clock.set(Date.parse(record.dueAt));
      return { id: record.id };
    },
    pass: (desk, clock, outbox, claimant) =>
      new ReminderScheduler({ desk, outbox, leads: leadDirectory({ leadIds: ['ULEAD'] }), clock, log, timings, leadLocale: 'en', teamTimeZone: 'UTC', claimant, visibilityMs: VISIBILITY_MS }).tick(),
  },
  'a hand-off notice': {
    async arrange(desk, clock) {
      const from = { platform: owner.platform, userId: 'UCOLLEAGUE', name: 'Bo' };
      const { record } = await desk.create({ owner: from, dueAt: new Date(clock.now().getTime() + 60 * MIN), note: '6620 router swap', timeZone: 'UTC' });
      const handed = await desk.handoff(record.id, { ...from, isLead: false }, owner);
      if (!handed.ok) throw new Error(handed.reason);
      const what = { kind: 'handoff' as const, promiseId: record.id, from: 'Bo', sender: { platform: from.platform, userId: from.userId }, to: { platform: owner.platform, userId: owner.userId } };
      return { id: record.id, firstSend: (outbox) => desk.notify(what, handoffNotice(handed.value, 'Bo', clock.now()), outbox) };
    },
    pass: (desk, clock, outbox, claimant) => new PendingDeliveries({ desk, outbox, clock, log, digest: async () => ({ private: false, blocks: [] }), claimant, visibilityMs: VISIBILITY_MS }).retryDue(),
  },
};

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** One replica's Slack connection (its own adapter and process memory), as main.ts registers it. */
async function replicaOutbox(slack: FakeSlack, clock: ManualClock): Promise<PlatformOutbox> {
  const ctx = await botContext({ now: clock.now().toISOString() });
  const adapter = new SlackAdapter({
    settings: { botToken: 'xoxb-slow', signingSecret: 'slow-secret', port: 0, apiUrl: slack.apiUrl, leadIds: new Set(), defaultLocale: 'en', teamTimeZone: 'UTC' },
    router: botRouter(ctx.context),
    clock,
    log,
  });
  await adapter.start();
  cleanup.push(async () => {
    await adapter.stop();
    await ctx.close();
  });
  const outbox = new PlatformOutbox();
  outbox.register('slack', adapter, adapter.capabilities);
  return outbox;
}

const cases = Object.entries(stores).flatMap(([store, open]) => Object.entries(unprompted).map(([what, kind]) => [store, what, open, kind] as const));

describe.each(cases)('%s, Slack: %s whose slow sender is taken over and then succeeds', (_store, _what, open, kind) => {
  /** A's post is held at Slack; its claim runs out. */
  async function aHeld() {
    const replicas = await open();
    cleanup.push(() => replicas.close());
    const slack = await new FakeSlack().start();
    cleanup.push(() => slack.stop());
    const [outboxA, outboxB] = [await replicaOutbox(slack, replicas.clock), await replicaOutbox(slack, replicas.clock)];
    const { id, firstSend } = await kind.arrange(replicas.a, replicas.clock);
    const aPost = slack.holdNext('chat.postMessage');
    const aRun = firstSend ? firstSend(outboxA) : kind.pass(replicas.a, replicas.clock, outboxA, 'replica-a');
    const aCall = await aPost;
    replicas.clock.advance(VISIBILITY_MS);
    /** What the agent sees in the DM about this promise. */
    const seen = () => slack.messagesIn(owner.userId).filter((m) => String(m.text).includes(id));
    return { ...replicas, slack, outboxB, aRun, aCall, seen };
  }

  it('B’s copy lands first, A’s lands late: one copy in the DM', async () => {
    const { b, clock, outboxB, aRun, aCall, seen } = await aHeld();
    await kind.pass(b, clock, outboxB, 'replica-b');
    expect(seen()).toHaveLength(1);
    aCall.answer();
    await aRun;
    expect(seen()).toHaveLength(1);
  });

  it('A’s copy lands while B’s post is out (after B looked): one copy in the DM', async () => {
    const { b, clock, slack, outboxB, aRun, aCall, seen } = await aHeld();
    const bPost = slack.holdNext('chat.postMessage');
    const bRun = kind.pass(b, clock, outboxB, 'replica-b');
    const bCall: HeldCall = await bPost;
    aCall.land();
    bCall.answer();
    await bRun;
    expect(seen()).toHaveLength(1);
    aCall.answer();
    await aRun;
    expect(seen()).toHaveLength(1);
  });
});
