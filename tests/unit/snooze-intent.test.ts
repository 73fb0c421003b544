import { describe, expect, it } from 'vitest';
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
  const work = { planned, folded: [], intentAt: iso(at) };
  markSent(record, work, { at: iso(at), late: false, forDueAt: record.dueAt, inFlight: true, until: iso(at + 30_000) });
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
