import type { Locale } from '../src/i18n/locale.js';
import { pageOf, pagerBlocks } from '../src/core/pager.js';
import type { Block, Form, Reply } from '../src/core/reply.js';
import type { Messages } from '../src/i18n/index.js';
import type { KeptTally, Refusal } from '../src/promises/desk.js';
import { dueLabel, percent, spanLabel } from '../src/promises/format.js';
import type { PromiseRecord } from '../src/promises/model.js';
import { personLabel, promiseBlocks, reminderActions, PROMISE_COMMAND } from '../src/promises/promise-card.js';
import { MAX_AHEAD_DAYS, type WhenResult } from '../src/promises/parse-when.js';

const reply = (title: string | undefined, blocks: Block[], tone: Reply['tone'] = 'info'): Reply => ({ title, blocks, private: true, tone });

export function createForm(m: Messages): Form {
  const f = m.promise.form;
  return {
    command: PROMISE_COMMAND,
    id: 'create',
    title: f.title,
    submitLabel: f.submit,
    fields: [
      { id: 'when', label: f.whenLabel, placeholder: f.whenPlaceholder, required: true },
      { id: 'note', label: f.noteLabel, placeholder: f.notePlaceholder, multiline: true, required: true },
    ],
  };
}

/** `/promise` alone: how to use it and the advice to promise with a margin; Slack and Discord open the form. */
export function helpReply(m: Messages): Reply {
  return {
    ...reply(m.promise.usageTitle, [
      { type: 'list', items: m.promise.usageLines },
      { type: 'text', text: m.promise.marginAdvice },
      { type: 'context', text: m.promise.usageManage },
    ]),
    form: createForm(m),
  };
}

/** A one-line answer: what to type instead (warning) or what was done (success). */
export function noticeReply(text: string, tone: Reply['tone'] = 'warning'): Reply {
  return reply(undefined, [{ type: 'text', text }], tone);
}

/**
 * Why a time could not be read, with examples; nothing was recorded. For a new time of an existing
 * promise (`movingId`), the examples retype that change: following a `/promise 15:00 …` example
 * there would record a second promise instead of moving this one.
 */
export function whenProblem(result: Exclude<WhenResult, { ok: true }>, typed: string, m: Messages, zone: string, locale: Locale, now: Date, movingId?: string): Reply {
  const e = m.promise.errors;
  const text =
    result.reason === 'empty'
      ? e.empty
      : result.reason === 'no-time'
        ? e.noTime(typed.slice(0, 60))
        : result.reason === 'no-note'
          ? e.noNote
          : result.reason === 'past'
            ? e.past(result.suggestion ? dueLabel(result.suggestion, now, zone, locale, m) : '')
            : result.reason === 'vague'
              ? e.vague[result.hint ?? 'later']
              : e.tooFar(MAX_AHEAD_DAYS);
  if (movingId) {
    const retyped = text.replaceAll('/promise ', `/promise renegotiate ${movingId} `);
    return reply(undefined, [{ type: 'text', text: `${retyped}\n${m.promise.usage.renegotiate.replaceAll(EXAMPLE_ID, movingId)}` }], 'warning');
  }
  return reply(undefined, [
    { type: 'text', text },
    { type: 'list', label: e.examplesLabel, items: m.promise.usageLines.slice(1) },
  ], 'warning');
}

export function recordedReply(record: PromiseRecord, repeated: boolean, now: Date, locale: Locale, m: Messages): Reply {
  const due = new Date(record.dueAt);
  const blocks: Block[] = [
    { type: 'text', text: m.promise.recorded(dueLabel(due, now, record.timeZone, locale, m), spanLabel(due.getTime() - now.getTime(), m)) },
    { type: 'quote', label: m.promise.labels.note, lines: [record.note] },
  ];
  if (repeated) blocks.push({ type: 'context', text: m.promise.repeated });
  blocks.push({ type: 'context', text: m.promise.marginAdvice });
  return reply(m.promise.recordedTitle(record.id), blocks, 'success');
}

/** One page of a person's open promises, with "showing 1–20 of 134" and Previous/Next when there are more. */
export function listReply(records: PromiseRecord[], now: Date, locale: Locale, m: Messages, page = 1): Reply {
  if (!records.length) return reply(m.promise.listTitle, [{ type: 'text', text: m.promise.listNone }]);
  const shown = pageOf(records, page);
  return reply(m.promise.listTitle, [
    { type: 'list', items: shown.items.map((p) => itemLine(p, now, locale, m)) },
    { type: 'context', text: m.promise.listHint },
    ...pagerBlocks(shown, { command: PROMISE_COMMAND, actionId: 'list-page', typed: (n) => `/${PROMISE_COMMAND} list page ${n}` }, m),
  ]);
}

/** The promise id the usage examples are written with (messages `promise.usage`). */
export const EXAMPLE_ID = 'K7Q2M';

/** The one open promise whose note has the word typed where the id belongs (a customer ref), else the soonest due (`open` is soonest first, as the store gives it). */
export function likelyMeant(open: readonly PromiseRecord[], typed: string | undefined): PromiseRecord | undefined {
  const word = typed?.toLowerCase();
  const named = word && word.length >= 3 ? open.filter((p) => p.note.toLowerCase().includes(word)) : [];
  return named.length === 1 ? named[0] : open[0];
}

/** How many of the person's open promises a usage or "no such id" answer lists, so the id can be copied from it. */
const OPEN_SHOWN_WITH_USAGE = 5;

/** An answer to a missing or unknown id, with the person's open promises (soonest first, as the store gives them) to take the right id from. */
export function withOpenPromises(answer: Reply, records: readonly PromiseRecord[], now: Date, locale: Locale, m: Messages): Reply {
  if (!records.length) return answer;
  const shown = records.slice(0, OPEN_SHOWN_WITH_USAGE);
  const blocks: Block[] = [...answer.blocks, { type: 'list', label: m.promise.listTitle, items: shown.map((p) => itemLine(p, now, locale, m)) }];
  if (records.length > shown.length) blocks.push({ type: 'context', text: m.promise.openMore(records.length - shown.length) });
  return { ...answer, blocks };
}

export function itemLine(p: PromiseRecord, now: Date, locale: Locale, m: Messages): string {
  const due = new Date(p.dueAt);
  const late = now.getTime() - due.getTime();
  const when = dueLabel(due, now, p.timeZone, locale, m);
  const status = late > 0 ? m.promise.overdue(spanLabel(late, m)) : m.promise.dueIn(spanLabel(-late, m));
  return m.promise.item(p.id, `${when} (${status})`, p.note);
}

/**
 * Leads' view: open promises grouped by owner, owners with overdue ones first, 20 promises a
 * page; an owner whose promises run over a page boundary is named again on the next page.
 */
export function teamReply(records: PromiseRecord[], now: Date, locale: Locale, m: Messages, page = 1): Reply {
  if (!records.length) return reply(m.promise.teamTitle, [{ type: 'text', text: m.promise.teamNone }]);
  const groups = new Map<string, PromiseRecord[]>();
  for (const p of records) {
    const key = `${p.owner.platform}:${p.owner.userId}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const overdueOf = (list: PromiseRecord[]) => list.filter((p) => Date.parse(p.dueAt) < now.getTime()).length;
  const ordered = [...groups.values()].sort((a, b) => overdueOf(b) - overdueOf(a) || a[0]!.dueAt.localeCompare(b[0]!.dueAt));
  const shown = pageOf(ordered.flatMap((list) => list.map((record) => ({ record, list }))), page);
  const blocks: Block[] = [];
  let previous: PromiseRecord[] | undefined;
  for (const { record, list } of shown.items) {
    const last = blocks.at(-1);
    if (list === previous && last?.type === 'list') last.items.push(itemLine(record, now, locale, m));
    else blocks.push({ type: 'list', label: m.promise.teamOwner(personLabel(list[0]!.owner), list.length, overdueOf(list)), items: [itemLine(record, now, locale, m)] });
    previous = list;
  }
  blocks.push(...pagerBlocks(shown, { command: PROMISE_COMMAND, actionId: 'team-page', typed: (n) => `/${PROMISE_COMMAND} team page ${n}` }, m));
  return reply(m.promise.teamTitle, blocks);
}

export function statsReply(tally: { team: { kept: number; late: number }; byOwner: KeptTally[] }, m: Messages): Reply {
  const { kept, late } = tally.team;
  if (kept + late === 0) return reply(m.promise.statsTitle, [{ type: 'text', text: m.promise.statsNone }]);
  return reply(m.promise.statsTitle, [
    { type: 'text', text: m.promise.statsTeam(kept, late, percent(kept, kept + late)) },
    { type: 'list', items: tally.byOwner.map((t) => m.promise.statsOwner(personLabel(t.owner), t.kept, t.late)) },
    { type: 'context', text: m.promise.statsNote },
  ]);
}

export function refusalReply(reason: Refusal, id: string, m: Messages): Reply {
  const r = m.promise.refusals;
  const text =
    reason === 'not-found' ? r.notFound(id)
    : reason === 'not-yours' ? r.notYours(id)
    : reason === 'closed' ? r.closed(id)
    : reason === 'same-owner' ? r.sameOwner
    : reason === 'other-platform' ? r.otherPlatform
    : r.unchanged;
  return reply(undefined, [{ type: 'text', text }], 'warning');
}

/** The answer to a change; from a reminder's button it replaces the reminder, so it cannot be pressed twice. */
export function changedReply(text: string, record: PromiseRecord, now: Date, locale: Locale, m: Messages, withActions: boolean): Reply {
  const blocks: Block[] = [{ type: 'text', text }, ...promiseBlocks(record, now, locale, m)];
  if (withActions && record.status === 'open') blocks.push({ type: 'actions', actions: reminderActions(record, m) });
  return { ...reply(undefined, blocks, 'success'), replacesOriginal: true };
}

export function actionForm(kind: 'renegotiate' | 'handoff', id: string, m: Messages): Reply {
  const f = m.promise.actionForms;
  const form: Form = {
    command: PROMISE_COMMAND,
    id: `${kind}-${id.toLowerCase()}`,
    title: kind === 'renegotiate' ? f.renegotiateTitle : f.handoffTitle,
    submitLabel: f.submit,
    fields: [
      kind === 'renegotiate'
        ? { id: 'when', label: f.renegotiateLabel, required: true }
        : { id: 'to', label: f.handoffLabel, required: true, kind: 'person' },
    ],
  };
  const typed = kind === 'renegotiate' ? m.promise.usage.renegotiate : m.promise.usage.handoff;
  return { ...reply(undefined, [{ type: 'text', text: typed.replace(EXAMPLE_ID, id) }]), form };
}
