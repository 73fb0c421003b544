import type { PromiseRecord, ReminderStage, SentReminder } from './model.js';

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
  /** When it goes out. */
  at: number;
  /** The due time the plan was made for; a renegotiation makes older plans stale. */
  forDueAt: string;
  /** When it was meant to go out, where a failed try or a sender that died moved `at` later; lateness counts from it. */
  meantAt?: number;
  /**
   * Its intent was recorded at this time by a sender that stopped before confirming it: the
   * message may have landed, so the platform is asked (by its delivery key) before it goes again.
   */
  unsureSince?: string;
}

/** When a planned reminder was meant to go out, whatever moved it later. */
export function meantAt(planned: PlannedReminder): number {
  return planned.meantAt ?? planned.at;
}

/** When the due time was last set (made or renegotiated): a heads-up only makes sense after that. */
function dueSetAt(record: PromiseRecord): number {
  for (let i = record.history.length - 1; i >= 0; i--) {
    const entry = record.history[i]!;
    if (entry.event === 'renegotiated' || entry.event === 'created') return Date.parse(entry.at);
  }
  return Date.parse(record.createdAt);
}

/** Whether this stage was already sent (or is being sent) for the current due time: not waiting for a retry. */
export function alreadySent(record: PromiseRecord, stage: ReminderStage): boolean {
  const mark = record.reminders[stage];
  return mark?.forDueAt === record.dueAt && mark.nextAttemptAt === undefined;
}

/** When a stage that failed may be tried again (its delivery is waiting), for the current due time. */
function retryAtOf(record: PromiseRecord, stage: PlannedReminder['stage']): number | undefined {
  const mark = stage === 'snooze' ? snoozeIntentOf(record) : record.reminders[stage];
  return mark?.forDueAt === record.dueAt && !mark.inFlight && mark.nextAttemptAt ? Date.parse(mark.nextAttemptAt) : undefined;
}

/**
 * The reminders an open promise still needs, in time order. A heads-up is skipped when the
 * promise was made (or moved) inside the heads-up window: the agent has just looked at it.
 */
export function plannedReminders(record: PromiseRecord, timings: ReminderTimings): PlannedReminder[] {
  if (record.status !== 'open') return [];
  const due = Date.parse(record.dueAt);
  const plan: PlannedReminder[] = [];
  const add = (stage: PlannedReminder['stage'], at: number) => {
    const retryAt = retryAtOf(record, stage);
    plan.push({ promiseId: record.id, stage, forDueAt: record.dueAt, ...(retryAt !== undefined && retryAt > at ? { at: retryAt, meantAt: at } : { at }) });
  };
  const addOwed = (stage: ReminderStage, at: number, needed = true) => {
    const unsure = abandonedIntent(record, stage);
    if (unsure) plan.push({ promiseId: record.id, stage, forDueAt: record.dueAt, at: Math.max(at, Date.parse(unsure.until!)), meantAt: at, unsureSince: unsure.at });
    else if (needed && !alreadySent(record, stage)) add(stage, at);
  };

  const headsUpAt = due - timings.remindBeforeMs;
  addOwed('heads-up', headsUpAt, headsUpAt > dueSetAt(record));
  addOwed('due', due);
  addOwed('escalation', due + timings.escalateAfterMs);
  if (record.snoozedUntil) {
    const snoozeAt = Date.parse(record.snoozedUntil);
    const intent = snoozeIntentOf(record);
    // While its intent is in flight the repeat is not owed; from the intent's end it is, as unsure.
    if (intent?.inFlight && intent.until) plan.push({ promiseId: record.id, stage: 'snooze', forDueAt: record.dueAt, at: Math.max(snoozeAt, Date.parse(intent.until)), meantAt: snoozeAt, unsureSince: intent.at });
    else if (!intent?.inFlight) add('snooze', snoozeAt);
  }
  return plan.sort((a, b) => a.at - b.at);
}

/** The delivery of the current snoozed repeat (in flight, or waiting after a failed try), if it has one. */
export function snoozeIntentOf(record: PromiseRecord): PromiseRecord['snoozeIntent'] {
  const intent = record.snoozeIntent;
  return intent && intent.snoozedUntil === record.snoozedUntil && intent.forDueAt === record.dueAt ? intent : undefined;
}

/**
 * The stage's intent, when its sender recorded it with a claim and has not confirmed it: from the
 * claim's end it is owed again, as unsure. (A stage folded into another was never sent itself.)
 */
function abandonedIntent(record: PromiseRecord, stage: ReminderStage): SentReminder | undefined {
  const mark = record.reminders[stage];
  return mark?.inFlight && mark.until && !mark.superseded && mark.forDueAt === record.dueAt ? mark : undefined;
}

/** Whether a planned reminder still applies to the record as it is now. */
export function stillPlanned(record: PromiseRecord | undefined, planned: PlannedReminder): record is PromiseRecord {
  if (!record || record.status !== 'open' || record.dueAt !== planned.forDueAt) return false;
  if (planned.stage === 'snooze') {
    if (record.snoozedUntil === undefined || Date.parse(record.snoozedUntil) !== meantAt(planned)) return false;
    const intent = snoozeIntentOf(record);
    return planned.unsureSince === undefined ? !intent?.inFlight : intent?.inFlight === true && intent.until !== undefined && intent.at === planned.unsureSince;
  }
  // An unsure one is still owed while the abandoned intent is the one it was planned from (no one else took it up).
  if (planned.unsureSince !== undefined) return abandonedIntent(record, planned.stage)?.at === planned.unsureSince;
  return !alreadySent(record, planned.stage);
}
