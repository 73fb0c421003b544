import type { PromiseRecord, SentReminder } from './model.js';
import type { PlannedReminder } from './reminder-plan.js';
import { retryDelayMs } from './retry-delay.js';

/** A reminder about to go out, and the owner stages due in the same pass that it stands for. */
export interface ReminderWork {
  planned: PlannedReminder;
  folded: readonly PlannedReminder['stage'][];
  /** When its intent was recorded (SentReminder.at), once it is: only that intent is this sender's to confirm or take back. */
  intentAt?: string;
}

/**
 * The stage (and what it stands for) as sent. A snoozed repeat keeps its snooze, with the intent
 * beside it, until it is confirmed; one folded into an owner stage is gone at once.
 */
export function markSent(record: PromiseRecord, { planned, folded }: ReminderWork, sent: SentReminder): void {
  if (planned.stage === 'snooze' && record.snoozedUntil) record.snoozeIntent = { ...sent, snoozedUntil: record.snoozedUntil };
  if (folded.includes('snooze')) {
    delete record.snoozedUntil;
    delete record.snoozeIntent;
  }
  if (planned.stage !== 'snooze') record.reminders[planned.stage] = sent;
  for (const stage of folded) if (stage !== 'snooze') record.reminders[stage] = { ...sent, superseded: true };
}

/**
 * Takes an intent back. After a failed delivery (`failedAt`), the stage waits retryDelayMs of its
 * failures so far before anyone tries again; without it (never tried), it is owed at once.
 */
export function unmarkSent(record: PromiseRecord, { planned, folded }: ReminderWork, failedAt?: Date): void {
  const retryAt = failedAt && countFailure(record, planned, failedAt);
  const mark = planned.stage === 'snooze' ? record.snoozeIntent : record.reminders[planned.stage];
  if (planned.unsureSince !== undefined && mark?.inFlight) {
    // A sender that died may have got it out: the intent stays (unsure), so whoever sends it next asks the platform first.
    if (retryAt) mark.until = retryAt;
    return;
  }
  if (planned.stage === 'snooze') delete record.snoozeIntent;
  for (const stage of [planned.stage, ...folded]) if (stage !== 'snooze' && record.reminders[stage]?.inFlight) delete record.reminders[stage];
}

/** One more failure of the stage: when it may be tried again. */
function countFailure(record: PromiseRecord, planned: PlannedReminder, failedAt: Date): string {
  const before = record.reminderRetries?.[planned.stage];
  const attempts = (before?.forDueAt === planned.forDueAt ? before.attempts : 0) + 1;
  const at = new Date(failedAt.getTime() + retryDelayMs(attempts)).toISOString();
  record.reminderRetries = { ...record.reminderRetries, [planned.stage]: { forDueAt: planned.forDueAt, attempts, at } };
  return at;
}

/** The reminder reached the platform: no longer in flight, and its failures are forgotten. */
export function clearInFlight(record: PromiseRecord, { planned, folded }: ReminderWork): void {
  for (const stage of [planned.stage, ...folded]) {
    if (stage !== 'snooze') delete record.reminders[stage]?.inFlight;
    if (stage !== 'snooze') delete record.reminders[stage]?.until;
    delete record.reminderRetries?.[stage];
  }
  if (record.reminderRetries && Object.keys(record.reminderRetries).length === 0) delete record.reminderRetries;
  if (planned.stage !== 'snooze' || !record.snoozeIntent) return;
  // The snooze it was sent for is done with; one the owner set since stays.
  if (record.snoozedUntil === record.snoozeIntent.snoozedUntil) delete record.snoozedUntil;
  delete record.snoozeIntent;
}

/**
 * A reminder whose intent is recorded is still this sender's while its promise is open for the
 * same due time and the intent is still the one it wrote (no one took it up as abandoned since).
 */
export function stillOurs(record: PromiseRecord | undefined, { planned, intentAt }: ReminderWork): record is PromiseRecord {
  if (record === undefined || record.status !== 'open' || record.dueAt !== planned.forDueAt) return false;
  const mark = planned.stage === 'snooze' ? record.snoozeIntent : record.reminders[planned.stage];
  return intentAt === undefined || mark?.at === intentAt;
}
