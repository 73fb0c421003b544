/**
 * Reads a stored promise written before reminders kept their delivery state on the stage itself
 * (delivery.ts): a failed stage then lived apart in `reminderRetries` ({ forDueAt, attempts, at }).
 * Applied by the PromiseRecord schema, so DATA_DIR snapshots and journals, PostgreSQL rows and
 * `db import` files of any age load. Also drops a snoozed repeat's delivery left behind by a
 * snooze that is gone (it can never apply again).
 */
export function upgradeDeliveries(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const { reminderRetries, ...record } = raw;
  const reminders = isObject(record.reminders) ? { ...record.reminders } : undefined;
  if (reminders) record.reminders = reminders;
  if (isObject(record.snoozeIntent) && record.snoozeIntent.snoozedUntil !== record.snoozedUntil) delete record.snoozeIntent;
  if (isObject(reminderRetries)) {
    for (const [stage, retry] of Object.entries(reminderRetries)) {
      if (!isObject(retry) || retry.forDueAt !== record.dueAt) continue;
      const waiting = { attempts: retry.attempts, nextAttemptAt: retry.at };
      if (stage === 'snooze') {
        if (typeof record.snoozedUntil !== 'string') continue;
        const intent = isObject(record.snoozeIntent) ? record.snoozeIntent : undefined;
        record.snoozeIntent = intent?.inFlight
          ? { ...intent, attempts: retry.attempts }
          : { at: retry.at, late: false, forDueAt: retry.forDueAt, snoozedUntil: record.snoozedUntil, ...waiting };
        continue;
      }
      if (!reminders) continue;
      const mark = isObject(reminders[stage]) ? reminders[stage] : undefined;
      // One in flight (its sender died, then a try failed) stays in flight; the attempts make the next try ask the platform first.
      if (mark?.inFlight) reminders[stage] = { ...mark, attempts: retry.attempts };
      else if (!mark || mark.forDueAt !== record.dueAt) reminders[stage] = { at: retry.at, late: false, forDueAt: retry.forDueAt, ...waiting };
    }
  }
  return record;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
