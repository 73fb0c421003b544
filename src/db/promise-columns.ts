import { plannedReminders, type ReminderTimings } from '../promises/reminder-plan.js';
import type { PromiseRecord } from '../promises/model.js';

/** When a promise was closed: closedAt, else its last history entry (older records may lack closedAt). */
export function closedAtOf(record: Pick<PromiseRecord, 'closedAt' | 'history' | 'status'>): string | undefined {
  if (record.status === 'open') return undefined;
  return record.closedAt ?? record.history.at(-1)?.at;
}

/** The earliest reminder an open promise still needs, in ms; undefined when it needs none. */
export function nextReminderAt(record: PromiseRecord, timings: ReminderTimings): number | undefined {
  return plannedReminders(record, timings)[0]?.at;
}

/** Open promises in listing order: due time, then id. */
export function byDueThenId(a: PromiseRecord, b: PromiseRecord): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
