import type { PromiseRecord, ReminderStage } from './model.js';

export interface ReminderTimings {
  /** Heads-up this long before the due time. */
  remindBeforeMs: number;
  /** Leads are told when a promise is still open this long after the due time. */
  escalateAfterMs: number;
}

/** A reminder still to send: one of the three stages, or the owner's snoozed repeat. */
export interface PlannedReminder {
  promiseId: string;
  stage: ReminderStage | 'snooze';
  at: number;
  /** The due time the plan was made for; a renegotiation makes older plans stale. */
  forDueAt: string;
}

/** When the due time was last set (made or renegotiated): a heads-up only makes sense after that. */
function dueSetAt(record: PromiseRecord): number {
  for (let i = record.history.length - 1; i >= 0; i--) {
    const entry = record.history[i]!;
    if (entry.event === 'renegotiated' || entry.event === 'created') return Date.parse(entry.at);
  }
  return Date.parse(record.createdAt);
}

/** Whether this stage was already delivered for the current due time. */
export function alreadySent(record: PromiseRecord, stage: ReminderStage): boolean {
  return record.reminders[stage]?.forDueAt === record.dueAt;
}

/**
 * The reminders an open promise still needs, in time order. A heads-up is skipped when the
 * promise was made (or moved) inside the heads-up window: the agent has just looked at it.
 */
export function plannedReminders(record: PromiseRecord, timings: ReminderTimings): PlannedReminder[] {
  if (record.status !== 'open') return [];
  const due = Date.parse(record.dueAt);
  const plan: PlannedReminder[] = [];
  const add = (stage: PlannedReminder['stage'], at: number) =>
    plan.push({ promiseId: record.id, stage, at, forDueAt: record.dueAt });

  const headsUpAt = due - timings.remindBeforeMs;
  if (!alreadySent(record, 'heads-up') && headsUpAt > dueSetAt(record)) add('heads-up', headsUpAt);
  if (!alreadySent(record, 'due')) add('due', due);
  if (!alreadySent(record, 'escalation')) add('escalation', due + timings.escalateAfterMs);
  if (record.snoozedUntil) add('snooze', Date.parse(record.snoozedUntil));
  return plan.sort((a, b) => a.at - b.at);
}

/** Whether a planned reminder still applies to the record as it is now. */
export function stillPlanned(record: PromiseRecord | undefined, planned: PlannedReminder): record is PromiseRecord {
  if (!record || record.status !== 'open' || record.dueAt !== planned.forDueAt) return false;
  if (planned.stage === 'snooze') return record.snoozedUntil !== undefined && Date.parse(record.snoozedUntil) === planned.at;
  return !alreadySent(record, planned.stage);
}
