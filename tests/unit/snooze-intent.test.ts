import { describe, expect, it } from 'vitest';
import type { Actor, PromiseDesk } from '../../src/promises/desk.js';
import { botContext } from '../helpers/bot-context.js';
import type { PromiseRecord } from '../../src/promises/model.js';
import { clearInFlight, markSent, type ReminderWork } from '../../src/promises/reminder-marks.js';
import { plannedReminders, stillPlanned } from '../../src/promises/reminder-plan.js';

const MIN = 60_000;
const START = Date.parse('2026-12-01T08:00:00Z');
const TIMINGS = { remindBeforeMs: 10 * MIN, escalateAfterMs: 5 * MIN };
const iso = (ms: number) => new Date(ms).toISOString();

function snoozed(until: number): PromiseRecord {
  return {
    id: 'K7Q2M',
    owner: { platform: 'console', userId: 'operator' },
    createdAt: iso(START),
    dueAt: iso(START + 60 * MIN),
    timeZone: 'UTC',
    note: 'call back about the refund',
    status: 'open',
    reminders: {},
    snoozedUntil: iso(until),
    history: [{ at: iso(START), by: 'operator', event: 'created' }],
  };
}

/** The snoozed repeat as the scheduler plans it, with its intent written at `at`. */
function intend(record: PromiseRecord, at: number): ReminderWork {
  const planned = plannedReminders(record, TIMINGS).find((p) => p.stage === 'snooze')!;
  const work: ReminderWork = { planned, folded: [], intentId: `intent-${at}` };
  markSent(record, work, { at: iso(at), late: false, forDueAt: record.dueAt, inFlight: true, until: iso(at + 30_000), intentId: `intent-${at}` });
  return work;
}

describe('a snoozed repeat in flight', () => {
  it('is not owed again while its intent holds, and is owed as unsure from its end', () => {
    const snoozeAt = START + 10 * MIN;
    const record = snoozed(snoozeAt);
    intend(record, snoozeAt);
    const [repeat] = plannedReminders(record, TIMINGS).filter((p) => p.stage === 'snooze');
    expect(repeat).toMatchObject({ at: snoozeAt + 30_000, meantAt: snoozeAt, unsureSince: iso(snoozeAt) });
    expect(stillPlanned(record, { ...repeat!, unsureSince: undefined })).toBe(false);
  });

  it('does not take a snooze the owner set while it was in flight with it when confirmed', () => {
    const first = START + 10 * MIN;
    const record = snoozed(first);
    const work = intend(record, first);
    record.snoozedUntil = iso(first + 15 * MIN);
    const repeat = plannedReminders(record, TIMINGS).find((p) => p.stage === 'snooze');
    expect([repeat?.at, repeat?.unsureSince]).toEqual([first + 15 * MIN, undefined]);
    clearInFlight(record, work);
    expect(record.snoozedUntil).toBe(iso(first + 15 * MIN));
    expect(record.snoozeIntent).toBeUndefined();
  });

  it('takes its own snooze with it when confirmed', () => {
    const record = snoozed(START + 10 * MIN);
    clearInFlight(record, intend(record, START + 10 * MIN));
    expect(record.snoozedUntil).toBeUndefined();
    expect(plannedReminders(record, TIMINGS).some((p) => p.stage === 'snooze')).toBe(false);
  });
});

describe('a snoozed repeat whose sender died in flight', () => {
  const agent: Actor = { platform: 'console', userId: 'operator', isLead: false };
  const changes: Record<string, (desk: PromiseDesk, id: string) => Promise<unknown>> = {
    'done': (desk, id) => desk.done(id, agent),
    'cancelled': (desk, id) => desk.cancel(id, agent, 'customer withdrew'),
    'moved to a new due time': (desk, id) => desk.renegotiate(id, agent, new Date(START + 120 * MIN)),
    'handed over': (desk, id) => desk.handoff(id, agent, { platform: 'console', userId: 'colleague' }),
    'snoozed again': (desk, id) => desk.snooze(id, agent, new Date(START + 30 * MIN)),
  };

  it.each(Object.entries(changes))('leaves no intent behind once its snooze is gone (%s)', async (_change, change) => {
    const bot = await botContext({ now: iso(START) });
    try {
      const { record } = await bot.promises.create({ owner: { platform: 'console', userId: 'operator' }, dueAt: new Date(START + 60 * MIN), note: 'call back about the refund', timeZone: 'UTC' });
      const snoozed = await bot.promises.snooze(record.id, agent, new Date(START + 10 * MIN));
      if (!snoozed.ok) throw new Error(snoozed.reason);
      bot.clock.set(START + 10 * MIN);
      const planned = plannedReminders(snoozed.value, TIMINGS).find((p) => p.stage === 'snooze')!;
      const intended = await bot.promises.recordReminderIntent({ planned, folded: [] }, { at: iso(START + 10 * MIN), late: false, forDueAt: record.dueAt, inFlight: true, until: iso(START + 10 * MIN + 30_000) });
      expect(intended?.snoozeIntent).toMatchObject({ inFlight: true });

      await change(bot.promises, record.id);
      expect(await bot.promises.find(record.id)).not.toHaveProperty('snoozeIntent');
    } finally {
      await bot.close();
    }
  });
});
