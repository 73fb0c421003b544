import { deliveryOf, withoutDelivery, type Delivery } from './delivery.js';
import type { PromiseRecord, SentReminder } from './model.js';
import { snoozeIntentOf, type PlannedReminder } from './reminder-plan.js';

/** A reminder about to go out, and the owner stages due in the same pass that it stands for. */
export interface ReminderWork {
  planned: PlannedReminder;
  folded: readonly PlannedReminder['stage'][];
  /** The id of the intent this sender recorded (Delivery.intentId), once it is: only that intent is its to confirm or take back. */
  intentId?: string;
}

/** Where the planned reminder's delivery stands (failures so far, an abandoned intent), for the current due time. */
export function stageDelivery(record: PromiseRecord, planned: PlannedReminder): Delivery {
  const mark = planned.stage === 'snooze' ? snoozeIntentOf(record) : record.reminders[planned.stage];
  return mark && mark.forDueAt === record.dueAt && !mark.superseded ? deliveryOf(mark) : {};
}

/**
 * The stage (and what it stands for) as being sent. A snoozed repeat keeps its snooze, with the
 * intent beside it, until it is confirmed; one folded into an owner stage is gone at once.
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
 * Takes an intent back. After a failed try the stage waits in `failure` (attempts, next try);
 * untried, it is owed as before: at once, or (an intent taken over from a sender that died) from
 * its `until`, still unsure.
 */
export function unmarkSent(record: PromiseRecord, { planned, folded }: ReminderWork, failure?: Delivery): void {
  for (const stage of folded) if (stage !== 'snooze' && record.reminders[stage]?.inFlight) delete record.reminders[stage];
  const mark = planned.stage === 'snooze' ? record.snoozeIntent : record.reminders[planned.stage];
  if (!mark?.inFlight) return;
  if (!failure && planned.unsureSince !== undefined) return;
  const { inFlight: _inFlight, until: _until, ...kept } = deliveryOf(mark);
  const waiting = failure ?? (kept.attempts ? { ...kept, nextAttemptAt: mark.at } : undefined);
  if (planned.stage === 'snooze') {
    if (waiting && record.snoozeIntent) record.snoozeIntent = { ...withoutDelivery(record.snoozeIntent), ...waiting };
    else delete record.snoozeIntent;
  } else if (waiting) record.reminders[planned.stage] = { ...withoutDelivery(mark), ...waiting };
  else delete record.reminders[planned.stage];
}

/**
 * The reminder went out (or, `undelivered`, was given up): its delivery state is done with. A
 * snoozed repeat takes its snooze with it; one the owner set since stays.
 */
export function clearInFlight(record: PromiseRecord, { planned, folded }: ReminderWork, undelivered = false): void {
  for (const stage of [planned.stage, ...folded]) {
    const mark = stage === 'snooze' ? undefined : record.reminders[stage];
    if (mark && stage !== 'snooze') record.reminders[stage] = { ...withoutDelivery(mark), ...(undelivered && stage === planned.stage ? { undelivered } : {}) };
  }
  if (planned.stage !== 'snooze' || !record.snoozeIntent) return;
  if (record.snoozedUntil === record.snoozeIntent.snoozedUntil) delete record.snoozedUntil;
  delete record.snoozeIntent;
}

/**
 * A reminder whose intent is recorded is still this sender's while its promise is open for the
 * same due time and the stage is still in flight with the intent it wrote (no one took it up as
 * abandoned since, and no one's result replaced it).
 */
export function stillOurs(record: PromiseRecord | undefined, { planned, intentId }: ReminderWork): record is PromiseRecord {
  if (record === undefined || record.status !== 'open' || record.dueAt !== planned.forDueAt) return false;
  const mark = planned.stage === 'snooze' ? record.snoozeIntent : record.reminders[planned.stage];
  return intentId === undefined || (mark?.inFlight === true && mark.intentId === intentId);
}

/** A snoozed repeat's delivery whose snooze is gone (done, moved, handed over, or set again) can never apply: dropped. */
export function dropStaleSnoozeIntent(record: PromiseRecord): void {
  if (record.snoozeIntent && (record.snoozeIntent.snoozedUntil !== record.snoozedUntil || record.snoozeIntent.forDueAt !== record.dueAt)) delete record.snoozeIntent;
}
