import type { Locale } from '../i18n/locale.js';
import type { Block, Reply, ReplyAction } from '../core/reply.js';
import { messagesFor, type Messages } from '../i18n/index.js';
import { dueLabel, spanLabel } from './format.js';
import type { PromiseRecord } from './model.js';

export const PROMISE_COMMAND = 'promise';
export const SNOOZE_MS = 10 * 60_000;

/** Someone as a reader sees them: their name when we know it, else their id. */
export function personLabel(person: { userId: string; name?: string }): string {
  return person.name ?? person.userId;
}

/** Due time and note of one promise, as its owner reads it. */
export function promiseBlocks(record: PromiseRecord, now: Date, locale: Locale, m: Messages): Block[] {
  const due = new Date(record.dueAt);
  const overdueMs = now.getTime() - due.getTime();
  const when = dueLabel(due, now, record.timeZone, locale, m);
  const status = overdueMs > 0 ? m.promise.overdue(spanLabel(overdueMs, m)) : m.promise.dueIn(spanLabel(-overdueMs, m));
  return [
    { type: 'text', label: m.promise.labels.due, text: `${when} · ${status}` },
    { type: 'quote', label: m.promise.labels.note, lines: [record.note] },
  ];
}

/** The buttons on every reminder: close it, record a new agreed time, hand it over, or be reminded again. */
export function reminderActions(record: PromiseRecord, m: Messages): ReplyAction[] {
  const b = m.promise.reminders.buttons;
  const blank = m.promise.reminders.typedBlanks;
  return [
    { command: PROMISE_COMMAND, id: 'done', value: record.id, label: b.done, style: 'primary', typed: `/promise done ${record.id}` },
    { command: PROMISE_COMMAND, id: 'renegotiate', value: record.id, label: b.renegotiate, typed: `/promise renegotiate ${record.id} ${blank.when}` },
    { command: PROMISE_COMMAND, id: 'handoff', value: record.id, label: b.handoff, typed: `/promise handoff ${record.id} ${blank.colleague}` },
    { command: PROMISE_COMMAND, id: 'snooze', value: record.id, label: b.snooze, typed: `/promise snooze ${record.id}` },
  ];
}

export type OwnerReminder = 'heads-up' | 'due' | 'snooze';

/** The private reminder to the owner. `lateSince` is set when it goes out late (the bot was down). */
export function ownerReminder(record: PromiseRecord, kind: OwnerReminder, now: Date, lateSince?: Date, fallbackLocale: Locale = 'zh-CN'): Reply {
  const locale = record.owner.locale ?? fallbackLocale;
  const m = messagesFor(locale);
  const r = m.promise.reminders;
  const due = new Date(record.dueAt);
  const title =
    kind === 'heads-up'
      ? r.headsUpTitle(record.id, spanLabel(due.getTime() - now.getTime(), m))
      : kind === 'due'
        ? r.dueTitle(record.id)
        : r.snoozeTitle(record.id);
  const advice = kind === 'heads-up' ? r.headsUp(dueLabel(due, now, record.timeZone, locale, m)) : r.due;
  const blocks: Block[] = [{ type: 'text', text: advice }, ...promiseBlocks(record, now, locale, m)];
  if (lateSince) blocks.push({ type: 'context', text: r.late(dueLabel(lateSince, now, record.timeZone, locale, m)) });
  blocks.push({ type: 'actions', actions: reminderActions(record, m) });
  return { title, blocks, private: true, tone: kind === 'heads-up' ? 'info' : 'warning' };
}

/** The note to the leads when a promise is still open after the grace time. */
export function escalationNotice(record: PromiseRecord, now: Date, locale: Locale, timeZone: string, lateSince?: Date): Reply {
  const m = messagesFor(locale);
  const r = m.promise.reminders;
  const overdue = spanLabel(now.getTime() - Date.parse(record.dueAt), m);
  const blocks: Block[] = [
    { type: 'text', text: r.escalation(personLabel(record.owner), overdue) },
    { type: 'text', label: m.promise.labels.due, text: dueLabel(new Date(record.dueAt), now, timeZone, locale, m) },
    { type: 'quote', label: m.promise.labels.note, lines: [record.note] },
  ];
  if (lateSince) blocks.push({ type: 'context', text: r.late(dueLabel(lateSince, now, timeZone, locale, m)) });
  blocks.push({ type: 'actions', actions: reminderActions(record, m).filter((a) => a.id !== 'snooze') });
  return { title: r.escalationTitle(record.id), blocks, private: true, tone: 'error' };
}

/** What the colleague who takes over a promise receives: everything needed to call without asking again. */
export function handoffNotice(record: PromiseRecord, fromName: string, now: Date): Reply {
  const locale = record.owner.locale ?? 'zh-CN';
  const m = messagesFor(locale);
  return {
    title: m.promise.handoffTitle(record.id),
    blocks: [
      { type: 'text', text: m.promise.handoffBody(fromName) },
      ...promiseBlocks(record, now, locale, m),
      { type: 'actions', actions: reminderActions(record, m) },
    ],
    private: true,
    tone: 'info',
  };
}
