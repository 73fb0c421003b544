import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { ChannelTarget, Outbox, Recipient, SentMessage } from '../../src/core/outbox.js';
import type { Reply } from '../../src/core/reply.js';
import { deliveryOf, type Delivery } from '../../src/promises/delivery.js';
import { PromiseDesk } from '../../src/promises/desk.js';
import type { Person } from '../../src/promises/model.js';
import { PendingDeliveries } from '../../src/promises/pending-deliveries.js';
import { handoffNotice } from '../../src/promises/promise-card.js';
import { ReminderScheduler } from '../../src/promises/reminder-scheduler.js';
import { retryDelayMs } from '../../src/promises/retry-delay.js';
import { leadDirectory } from '../helpers/platforms.js';
import { testPostgresUrl } from '../helpers/postgres-test.js';
import { replicaStores } from '../helpers/takeover-replicas.js';

/**
 * Replica A starts something the bot sends on its own, and the platform is slow to answer: A's
 * claim runs out, replica B takes the message over (its own intent, asking the platform first),
 * and only then does A's try come back, failed or landed late. A's result must not overwrite B's
 * state: B's intent stays, nobody else starts a third try while B's is out, the person sees one
 * copy, and the reminder stage or kept message ends up delivered, not lost.
 */

const MIN = 60_000;
const VISIBILITY_MS = 30_000;
const timings = { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN };
/** What the replicas log, this test's lines. */
let logged: string[] = [];
const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) });
const dropped = () => logged.filter((line) => line.includes('another sender has taken')).length;
const owner: Person = { platform: 'slack', userId: 'UAGENT', name: 'Ana', locale: 'en' };
const server = testPostgresUrl('slow sender taken over, on PostgreSQL');

interface Call {
  /** The message reaches the person now; the platform's answer is still to come. */
  land(): void;
  /** The platform answers: sent (it lands, if it had not). */
  answer(): void;
  /** The platform answers with an error; nothing landed. */
  fail(): void;
}

/**
 * A platform whose every answer the test gives. It can say whether a message with a delivery key
 * already reached someone (Outbox.resend, as Slack's history lookup and Discord's nonce do).
 */
class SlowPlatform {
  readonly shown: { to: Recipient | ChannelTarget; reply: Reply }[] = [];
  readonly calls: Call[] = [];
  #waiting: (() => void)[] = [];

  /** Resolves at the next call to the platform. */
  nextCall(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  get outbox(): Outbox {
    return {
      sendDirect: (to, reply) => this.#call(to, reply),
      postToChannel: (to, reply) => this.#call(to, reply),
      update: async () => undefined,
      resend: async (to, reply) => (this.shown.some((s) => s.reply.deliveryKey === reply.deliveryKey && JSON.stringify(s.to) === JSON.stringify(to)) ? sentTo(to, 'seen') : this.#call(to, reply)),
    };
  }

  #call(to: Recipient | ChannelTarget, reply: Reply): Promise<SentMessage> {
    return new Promise((resolve, reject) => {
      let landed = false;
      const call: Call = {
        land: () => {
          if (!landed) this.shown.push({ to, reply });
          landed = true;
        },
        answer: () => {
          call.land();
          resolve(sentTo(to, String(this.calls.length)));
        },
        fail: () => reject(new Error('platform timed out (test)')),
      };
      this.calls.push(call);
      for (const wake of this.#waiting.splice(0)) wake();
    });
  }
}

function sentTo(to: Recipient | ChannelTarget, id: string): SentMessage {
  return { platform: to.platform, channel: 'userId' in to ? to.userId : to.channel, id };
}

const stores = replicaStores({ server, visibilityMs: VISIBILITY_MS, log, timings });

/** Something the bot sends on its own, as the replicas send it. */
interface Unprompted {
  /** Arranges it and starts replica A's try (which the platform holds); resolves to the promise id and A's whole run. */
  startOnA(desk: PromiseDesk, clock: ManualClock, outbox: Outbox): Promise<{ id: string; run: Promise<unknown> }>;
  /** One pass of a replica over due work. */
  pass(desk: PromiseDesk, clock: ManualClock, outbox: Outbox, claimant: string): Promise<unknown>;
  /** Where its delivery stands in the store (undefined: nothing owed). */
  state(desk: PromiseDesk, id: string): Promise<Delivery | undefined>;
  /** Delivered, and recorded so. */
  done(desk: PromiseDesk, id: string): Promise<boolean>;
}

function scheduler(desk: PromiseDesk, clock: ManualClock, outbox: Outbox, claimant: string): ReminderScheduler {
  return new ReminderScheduler({ desk, outbox, leads: leadDirectory({ leadIds: ['ULEAD'] }), clock, log, timings, leadLocale: 'en', teamTimeZone: 'UTC', claimant, visibilityMs: VISIBILITY_MS });
}

const confirmations = new WeakMap<PromiseDesk, Promise<unknown>[]>();

/** A reminder pass, and the confirmations the scheduler writes without waiting for them. */
async function reminderRun(desk: PromiseDesk, pass: Promise<void>): Promise<void> {
  await pass;
  await Promise.all(confirmations.get(desk) ?? []);
}

/** Keeps each reminder confirmation the desk starts, so a pass can wait for them. */
function watchConfirmations(desk: PromiseDesk): void {
  if (confirmations.has(desk)) return;
  const started: Promise<unknown>[] = [];
  confirmations.set(desk, started);
  const confirm = desk.recordReminderSent.bind(desk);
  vi.spyOn(desk, 'recordReminderSent').mockImplementation((work) => {
    const saving = confirm(work);
    started.push(saving);
    return saving;
  });
}

function reminder(arrange: (desk: PromiseDesk, clock: ManualClock) => Promise<{ id: string; at: number }>, mark: (record: Awaited<ReturnType<PromiseDesk['find']>>) => Delivery | undefined, done: Unprompted['done']): Unprompted {
  return {
    async startOnA(desk, clock, outbox) {
      const { id, at } = await arrange(desk, clock);
      clock.set(at);
      watchConfirmations(desk);
      return { id, run: reminderRun(desk, scheduler(desk, clock, outbox, 'replica-a').tick()) };
    },
    pass: (desk, clock, outbox, claimant) => {
      watchConfirmations(desk);
      return reminderRun(desk, scheduler(desk, clock, outbox, claimant).tick());
    },
    state: async (desk, id) => mark(await desk.find(id)),
    done,
  };
}

const unprompted: Record<string, Unprompted> = {
  'a due reminder': reminder(
    async (desk, clock) => {
      const { record } = await desk.create({ owner, dueAt: new Date(clock.now().getTime() + 5 * MIN), note: '4411 refund', timeZone: 'UTC' });
      return { id: record.id, at: Date.parse(record.dueAt) };
    },
    (record) => record?.reminders.due && deliveryOf(record.reminders.due),
    async (desk, id) => {
      const due = (await desk.find(id))?.reminders.due;
      return due !== undefined && Object.keys(deliveryOf(due)).length === 0 && !due.undelivered;
    },
  ),
  'a snoozed repeat': reminder(
    async (desk, clock) => {
      const { record } = await desk.create({ owner, dueAt: new Date(clock.now().getTime() + 60 * MIN), note: '5178 replacement SIM', timeZone: 'UTC' });
      const until = new Date(clock.now().getTime() + 10 * MIN);
      await desk.snooze(record.id, { platform: owner.platform, userId: owner.userId, isLead: false }, until);
      return { id: record.id, at: until.getTime() };
    },
    (record) => record?.snoozeIntent && deliveryOf(record.snoozeIntent),
    async (desk, id) => {
      const record = await desk.find(id);
      return record !== undefined && record.snoozedUntil === undefined && record.snoozeIntent === undefined;
    },
  ),
  'a hand-off notice': {
    async startOnA(desk, clock, outbox) {
      const from = { platform: owner.platform, userId: 'UCOLLEAGUE', name: 'Bo' };
      const { record } = await desk.create({ owner: from, dueAt: new Date(clock.now().getTime() + 60 * MIN), note: '6620 router swap', timeZone: 'UTC' });
      const handed = await desk.handoff(record.id, { ...from, isLead: false }, owner);
      if (!handed.ok) throw new Error(handed.reason);
      const run = desk.notify({ kind: 'handoff', promiseId: record.id, from: 'Bo', sender: { platform: from.platform, userId: from.userId }, to: { platform: owner.platform, userId: owner.userId } }, handoffNotice(handed.value, 'Bo', clock.now()), outbox);
      return { id: record.id, run };
    },
    pass: (desk, clock, outbox, claimant) =>
      new PendingDeliveries({ desk, outbox, clock, log, digest: async () => ({ private: false, blocks: [] }), claimant, visibilityMs: VISIBILITY_MS }).retryDue(),
    state: async (desk, id) => {
      const kept = (await desk.pendingDeliveries()).find((p) => p.promiseId === id);
      return kept && deliveryOf(kept);
    },
    done: async (desk) => (await desk.pendingDeliveries()).length === 0,
  },
};

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  logged = [];
  vi.restoreAllMocks();
  for (const step of cleanup.splice(0).reverse()) await step();
});

const cases = Object.entries(stores).flatMap(([store, open]) => Object.entries(unprompted).map(([what, kind]) => [store, what, open, kind] as const));

describe.each(cases)('%s: %s whose slow sender is taken over', (_store, _what, open, kind) => {
  /** Replica A's try is out at the slow platform, unanswered. */
  async function startOnA() {
    const replicas = await open();
    cleanup.push(() => replicas.close());
    const platform = new SlowPlatform();
    const aCalled = platform.nextCall();
    const { id, run: aRun } = await kind.startOnA(replicas.a, replicas.clock, platform.outbox);
    await aCalled;
    return { ...replicas, platform, id, aRun };
  }

  /** A's try is out at the platform; its claim runs out and B takes the message over, its own try out too. */
  async function takenOver() {
    const { platform, id, aRun, ...replicas } = await startOnA();
    const { clock } = replicas;
    const aIntent = await kind.state(replicas.a, id);
    expect(aIntent?.inFlight).toBe(true);
    clock.advance(VISIBILITY_MS);
    const bCalled = platform.nextCall();
    const bRun = kind.pass(replicas.b, clock, platform.outbox, 'replica-b');
    await bCalled;
    const bIntent = await kind.state(replicas.b, id);
    expect(bIntent).toMatchObject({ inFlight: true });
    expect(bIntent).not.toEqual(aIntent);
    const [aCall, bCall] = platform.calls as [Call, Call];
    return { ...replicas, platform, id, aRun, bRun, aCall, bCall, bIntent };
  }

  it('A’s try fails after B took over: B’s intent stays, no third try starts while B’s is out, one copy, delivered', async () => {
    const { clock, a, b, platform, id, aRun, bRun, aCall, bCall, bIntent } = await takenOver();
    aCall.fail();
    await aRun;
    expect(await kind.state(b, id)).toEqual(bIntent);
    expect(dropped()).toBe(1);
    // A's failure would have set the next try retryDelayMs later, inside B's claim: nobody may start one.
    clock.advance(retryDelayMs(1));
    const third = kind.pass(a, clock, platform.outbox, 'replica-c');
    await Promise.race([third, platform.nextCall()]);
    expect(platform.calls).toHaveLength(2);
    bCall.answer();
    await bRun;
    expect(await kind.done(b, id)).toBe(true);
    clock.advance(2 * VISIBILITY_MS);
    await kind.pass(b, clock, platform.outbox, 'replica-b');
    expect(platform.shown).toHaveLength(1);
    expect(await kind.done(a, id)).toBe(true);
  });

  it('A’s try lands late, after B took over: B’s intent stays; B’s failed try is retried, finds A’s copy, and is recorded delivered', async () => {
    const { clock, a, b, platform, id, aRun, bRun, aCall, bCall, bIntent } = await takenOver();
    aCall.answer();
    await aRun;
    expect(await kind.state(b, id)).toEqual(bIntent);
    expect(dropped()).toBe(1);
    bCall.fail();
    await bRun;
    expect(await kind.state(b, id)).toMatchObject({ attempts: 1 });
    clock.advance(retryDelayMs(1));
    await kind.pass(a, clock, platform.outbox, 'replica-c');
    expect(platform.shown).toHaveLength(1);
    expect(await kind.done(b, id)).toBe(true);
  });

  it('A’s message landed at once but its answer is slow: B finds it and sends nothing; A’s late answer changes nothing', async () => {
    const { platform, id, aRun, ...replicas } = await startOnA();
    const { clock } = replicas;
    platform.calls[0]!.land();
    clock.advance(VISIBILITY_MS);
    await kind.pass(replicas.b, clock, platform.outbox, 'replica-b');
    expect(await kind.done(replicas.b, id)).toBe(true);
    platform.calls[0]!.answer();
    await aRun;
    expect(await kind.done(replicas.b, id)).toBe(true);
    expect(platform.shown).toHaveLength(1);
    expect(platform.calls).toHaveLength(1);
  });
});

/**
 * A replica's pass over kept messages holds the copies it claimed while it works through them.
 * Held up by a slow first one, its claim on the next runs out; another replica takes that one
 * over while it still has a few seconds of its day of retries. By the time the first replica
 * reaches it, the day is over: its give-up must apply only over the intent it claimed, so it
 * neither removes the other replica's try nor tells the sender the colleague was never told.
 */
describe.each(Object.entries(stores))('%s: a kept message given up on a stale copy', (_store, open) => {
  it('leaves the intent of the replica that took it over, and sends no "never told" notice', async () => {
    const replicas = await open();
    cleanup.push(() => replicas.close());
    const { clock, a, b } = replicas;
    const platform = new SlowPlatform();
    const retrying = (desk: PromiseDesk, claimant: string) =>
      new PendingDeliveries({ desk, outbox: platform.outbox, clock, log, digest: async () => ({ private: false, blocks: [] }), claimant, visibilityMs: VISIBILITY_MS });
    /** Runs `work`, failing the platform call it makes. */
    const failing = async (work: () => Promise<unknown>) => {
      const called = platform.nextCall();
      const running = work();
      await called;
      platform.calls.at(-1)!.fail();
      await running;
    };
    const handOff = async (note: string) => {
      const from = { platform: owner.platform, userId: 'UCOLLEAGUE', name: 'Bo' };
      const { record } = await a.create({ owner: from, dueAt: new Date(clock.now().getTime() + 48 * 60 * MIN), note, timeZone: 'UTC' });
      const handed = await a.handoff(record.id, { ...from, isLead: false }, owner);
      if (!handed.ok) throw new Error(handed.reason);
      await failing(() => a.notify({ kind: 'handoff', promiseId: record.id, from: 'Bo', sender: { platform: from.platform, userId: from.userId }, to: { platform: owner.platform, userId: owner.userId } }, handoffNotice(handed.value, 'Bo', clock.now()), platform.outbox));
      return record.id;
    };
    const keptFor = async (desk: PromiseDesk, promiseId: string) => (await desk.pendingDeliveries()).find((p) => p.promiseId === promiseId);

    // The old notice: first tried a day ago less a minute, failed again since (its next try 30 s on).
    const start = clock.now().getTime();
    const old = await handOff('7001 old notice');
    clock.set(start + 24 * 60 * MIN - MIN);
    await failing(() => retrying(a, 'replica-p').retryDue());
    // A newer notice, failed once: due before the old one.
    clock.advance(1000);
    const newer = await handOff('7002 newer notice');
    clock.advance(29_000);

    // A claims both and is held up by the newer one at the platform.
    const aCalled = platform.nextCall();
    const aRun = retrying(a, 'replica-a').retryDue();
    await aCalled;
    clock.advance(VISIBILITY_MS);
    // B takes the old one over (its day not yet over) and is held up too.
    const bCalled = platform.nextCall();
    const bRun = retrying(b, 'replica-b').retryDue();
    await bCalled;
    const bIntent = await keptFor(b, old);
    expect(bIntent?.inFlight).toBe(true);

    // The day is over when A's first try comes back and A reaches the old one.
    clock.advance(1000);
    platform.calls[3]!.answer();
    await Promise.race([aRun, platform.nextCall()]);
    expect(platform.calls).toHaveLength(5);
    await aRun;
    expect(await keptFor(b, old)).toEqual(bIntent);

    platform.calls[4]!.answer();
    await bRun;
    expect(await a.pendingDeliveries()).toEqual([]);
    expect(platform.shown.map((s) => s.to)).toEqual([
      { platform: owner.platform, userId: owner.userId },
      { platform: owner.platform, userId: owner.userId },
    ]);
    expect(await keptFor(a, newer)).toBeUndefined();
  });
});
