import type { PromiseRecord, SentReminder } from './model.js';
import type { PlannedReminder } from './reminder-plan.js';

/** A reminder about to go out, and the owner stages due in the same pass that it stands for. */
export interface ReminderWork {
  planned: PlannedReminder;
  folded: readonly PlannedReminder['stage'][];
}

/** The stage (and what it stands for) as sent; a snoozed repeat counts as sent once the snooze is gone. */
export function markSent(record: PromiseRecord, { planned, folded }: ReminderWork, sent: SentReminder): void {
  if (planned.stage === 'snooze' || folded.includes('snooze')) delete record.snoozedUntil;
  if (planned.stage !== 'snooze') record.reminders[planned.stage] = sent;
  for (const stage of folded) if (stage !== 'snooze') record.reminders[stage] = { ...sent, superseded: true };
}

export function unmarkSent(record: PromiseRecord, { planned, folded }: ReminderWork): void {
  if (planned.stage === 'snooze') record.snoozedUntil = new Date(planned.at).toISOString();
  for (const stage of [planned.stage, ...folded]) if (stage !== 'snooze' && record.reminders[stage]?.inFlight) delete record.reminders[stage];
}

export function clearInFlight(record: PromiseRecord, { planned, folded }: ReminderWork): void {
  for (const stage of [planned.stage, ...folded]) if (stage !== 'snooze') delete record.reminders[stage]?.inFlight;
}

/** A reminder whose intent is recorded is still worth sending while its promise is open for the same due time. */
export function stillOurs(record: PromiseRecord | undefined, planned: PlannedReminder): record is PromiseRecord {
  return record !== undefined && record.status === 'open' && record.dueAt === planned.forDueAt;
}
