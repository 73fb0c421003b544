import type { Clock } from '../src/core/clock.js';
import { defineCommand, type CommandDescription } from '../src/core/command.js';
import type { HomeSection } from '../src/core/home.js';
import { guarded, leadsOnly, ownerOrLead } from '../src/core/guards.js';
import { isValidTimeZone } from '../src/core/dates.js';
import { pageOf } from '../src/core/pager.js';
import type { Block } from '../src/core/reply.js';
import type { ActionRequest, CommandRequest, Requester } from '../src/core/request.js';
import { messagesFor, type Messages } from '../src/i18n/index.js';
import type { Actor, Outcome, PromiseDesk } from '../src/promises/desk.js';
import type { Outbox } from '../src/core/outbox.js';
import type { AddressBooks } from '../src/core/platform.js';
import type { TeamDay } from '../src/promises/when/team-day.js';
import { clockTime, dueLabel, spanLabel } from '../src/promises/format.js';
import type { Person, PromiseRecord } from '../src/promises/model.js';
import { parseWhen } from '../src/promises/parse-when.js';
import { handoffNotice, personLabel, PROMISE_COMMAND, SNOOZE_MS } from '../src/promises/promise-card.js';
import { boardLinkReply, openBoardAction, type BoardLinks } from '../src/web/board-link.js';
import { colleagueIn, PromiseArgs, toPromiseArgs } from './promise-args.js';
import {
  actionForm,
  changedReply,
  helpReply,
  itemLine,
  listReply,
  recordedReply,
  refusalReply,
  withOpenPromises,
  likelyMeant,
  EXAMPLE_ID,
  statsReply,
  teamReply,
  noticeReply,
  whenProblem,
} from './promise-replies.js';

const WEEK_MS = 7 * 86_400_000;
type Request = CommandRequest | ActionRequest;

/** The person asking, as a promise records them (with the language for their reminders). */
const personOf = (request: Request): Person => ({
  platform: request.platform,
  userId: request.user.id,
  ...(request.user.name ? { name: request.user.name } : {}),
  locale: request.user.locale,
});

const actorOf = (request: Request): Actor => ({ ...personOf(request), isLead: request.user.isLead });

/** The zone a person's times are read and shown in: their own setting, else what the platform says, else the team's. */
async function zoneOf(request: Request, deps: PromiseDeps): Promise<string> {
  return (await deps.desk.timeZoneSetting({ platform: request.platform, userId: request.user.id })) ?? request.user.timeZone ?? deps.teamTimeZone ?? 'UTC';
}

async function create(text: string, request: Request, deps: PromiseDeps) {
  const m = messagesFor(request.user.locale);
  const now = deps.clock.now();
  const zone = await zoneOf(request, deps);
  const when = parseWhen(text, { now, timeZone: zone, ...(deps.teamDay ? { teamDay: deps.teamDay } : {}) });
  if (!when.ok) return whenProblem(when, text, m, zone, request.user.locale, now);
  const { record, repeated } = await deps.desk.create({
    owner: personOf(request),
    dueAt: when.dueAt,
    note: when.note,
    timeZone: zone,
    ...(request.deliveryId ? { requestKey: request.deliveryId } : {}),
  });
  const reply = recordedReply(record, repeated, now, request.user.locale, m);
  const unknown = request.user.unknownTimeZone;
  // Their own /promise tz setting wins over the profile; only a fallback is worth mentioning.
  if (unknown && !(await deps.desk.timeZoneSetting({ platform: request.platform, userId: request.user.id }))) {
    reply.blocks.push({ type: 'context', text: m.promise.unknownZone(unknown.slice(0, 60), zone) });
  }
  return reply;
}

const NO_REASON = '·';

/** Reads a new due time; words after it are kept as the reason. */
async function newTime(text: string, request: Request, deps: PromiseDeps) {
  const options = { now: deps.clock.now(), timeZone: await zoneOf(request, deps), ...(deps.teamDay ? { teamDay: deps.teamDay } : {}) };
  const result = parseWhen(text, options);
  return result.ok || result.reason !== 'no-note' ? result : parseWhen(`${text} ${NO_REASON}`, options);
}

async function applied(
  outcome: Outcome<PromiseRecord>,
  id: string,
  text: (record: PromiseRecord, m: Messages) => string,
  request: Request,
  deps: PromiseDeps,
) {
  const m = messagesFor(request.user.locale);
  if (!outcome.ok && outcome.reason === 'not-found') {
    const open = await deps.desk.openOf({ platform: request.platform, userId: request.user.id });
    return withOpenPromises(refusalReply(outcome.reason, id, m), open, deps.clock.now(), request.user.locale, m);
  }
  if (!outcome.ok) return refusalReply(outcome.reason, id, m);
  return changedReply(text(outcome.value, m), outcome.value, deps.clock.now(), request.user.locale, m, false);
}

async function renegotiate(id: string, whenText: string, request: Request, deps: PromiseDeps) {
  const m = messagesFor(request.user.locale);
  const zone = await zoneOf(request, deps);
  const now = deps.clock.now();
  const when = await newTime(whenText, request, deps);
  if (!when.ok) return whenProblem(when, whenText, m, zone, request.user.locale, now, id);
  const before = (await deps.desk.find(id))?.dueAt;
  const reason = when.note === NO_REASON ? undefined : when.note;
  const outcome = await deps.desk.renegotiate(id, actorOf(request), when.dueAt, reason);
  const label = (iso: string | undefined) => (iso ? dueLabel(new Date(iso), now, zone, request.user.locale, m) : '');
  return applied(outcome, id, (p) => m.promise.renegotiated(p.id, label(before), label(p.dueAt)), request, deps);
}

async function handoff(target: string, toText: string, request: Request, deps: PromiseDeps) {
  const m = messagesFor(request.user.locale);
  const desk = deps.desk;
  // A mention or an id of this platform's: a bare name would be a DM to nobody.
  const colleague = colleagueIn(toText, request.mentions ?? [], deps.addresses.of(request.platform));
  if (!colleague) return noticeReply(m.promise.usage.handoff);
  const ids = target === 'all' ? (await desk.openOf({ platform: request.platform, userId: request.user.id })).map((p) => p.id) : [target];
  if (!ids.length) return noticeReply(m.promise.handoffNone);
  // Their language is not known until they use the bot; the team's is the best guess, and that is the sender's.
  const to = { platform: request.platform, ...colleague, locale: request.user.locale };
  const outbox = deps.outbox;
  // A promise handed to an id the platform does not know would be a promise nobody keeps.
  if ((await outbox.knowsPerson?.({ platform: to.platform, userId: to.userId })) === false) {
    return noticeReply(m.promise.handoffUnknownPerson(personLabel(to)));
  }
  const moved: PromiseRecord[] = [];
  for (const id of ids) {
    const outcome = await desk.handoff(id, actorOf(request), to);
    if (!outcome.ok) {
      if (target !== 'all') return refusalReply(outcome.reason, id, m);
      continue;
    }
    moved.push(outcome.value);
  }
  const now = deps.clock.now();
  const from = personLabel(personOf(request));
  const sender = { platform: request.platform, userId: request.user.id, locale: request.user.locale };
  let allTold = true;
  for (const record of moved) {
    const told = await desk.notify({ kind: 'handoff', promiseId: record.id, from, sender, to: { platform: to.platform, userId: to.userId } }, handoffNotice(record, from, now), outbox);
    allTold &&= told;
  }
  const handed = moved.map((p) => p.id).join(', ');
  const said = allTold ? m.promise.handedOff(handed, personLabel(to)) : m.promise.handedOffNotYetTold(handed, personLabel(to));
  return { ...noticeReply(said, allTold ? 'success' : 'warning'), replacesOriginal: true };
}

async function timeZone(zone: string | undefined, request: Request, deps: PromiseDeps) {
  const m = messagesFor(request.user.locale);
  if (!zone) return noticeReply(m.promise.tzCurrent(await zoneOf(request, deps)));
  if (!isValidTimeZone(zone) || !zone.includes('/')) return noticeReply(m.promise.tzInvalid(zone.slice(0, 60)));
  return deps.desk
    .setTimeZone({ platform: request.platform, userId: request.user.id }, zone)
    .then(() => noticeReply(m.promise.tzSet(zone, clockTime(deps.clock.now(), zone, request.user.locale)), 'success'));
}

/** The one promise a change names (`handoff all` names none: it takes the person's own). */
function changedId(args: PromiseArgs): string | undefined {
  if (args.kind === 'handoff') return args.target === 'all' ? undefined : args.target;
  return 'id' in args ? args.id : undefined;
}

/**
 * Every way in (typed, a button, a form) passes these: the team's list and the figures are for
 * leads, and a promise is changed only by its owner or a lead.
 */
function guardsFor(deps: PromiseDeps) {
  return [
    leadsOnly<PromiseArgs>((args) => args.kind === 'team' || args.kind === 'stats', (request) => noticeReply(messagesFor(request.user.locale).promise.leadsOnly)),
    ownerOrLead<PromiseArgs>(
      async (args) => {
        const id = changedId(args);
        return id ? (await deps.desk.find(id))?.owner : undefined;
      },
      (args, request) => refusalReply('not-yours', changedId(args)!, messagesFor(request.user.locale)),
    ),
  ];
}

function run(args: PromiseArgs, request: Request, deps: PromiseDeps) {
  return guarded(guardsFor(deps), (a: PromiseArgs, r: Request) => runUnguarded(a, r, deps))(args, request);
}

async function runUnguarded(args: PromiseArgs, request: Request, deps: PromiseDeps) {
  const m = messagesFor(request.user.locale);
  const desk = deps.desk;
  const actor = actorOf(request);
  const now = deps.clock.now();
  switch (args.kind) {
    case 'help':
      return helpReply(m);
    case 'create':
      return create(args.text, request, deps);
    case 'list':
      return listReply(await desk.openOf(actor), now, request.user.locale, m, args.page);
    case 'team':
      return teamReply(await desk.allOpen(), now, request.user.locale, m, args.page);
    case 'stats':
      return statsReply(await desk.keptTally(new Date(now.getTime() - WEEK_MS), now), m);
    case 'done':
      return applied(await desk.done(args.id, actor), args.id, (p) => {
        const late = now.getTime() - Date.parse(p.dueAt);
        return p.keptOnTime ? m.promise.doneKept(p.id) : m.promise.doneLate(p.id, spanLabel(late, m));
      }, request, deps);
    case 'snooze': {
      const until = new Date(now.getTime() + SNOOZE_MS);
      const outcome = await desk.snooze(args.id, actor, until);
      const zone = await zoneOf(request, deps);
      return applied(outcome, args.id, (p) => m.promise.snoozed(p.id, clockTime(until, zone, request.user.locale)), request, deps);
    }
    case 'renegotiate':
      return renegotiate(args.id, args.when, request, deps);
    case 'cancel':
      return applied(await desk.cancel(args.id, actor, args.reason), args.id, (p) => m.promise.cancelled(p.id), request, deps);
    case 'handoff':
      return handoff(args.target, args.to, request, deps);
    case 'tz':
      return timeZone(args.zone, request, deps);
    case 'board':
      return boardLinkReply(request, deps.board, deps.clock, deps.teamTimeZone);
  }
}

/** Form submissions and reminder buttons: `done`, `snooze`, `renegotiate`, `handoff` carry the promise id. */
async function onAction(request: ActionRequest, deps: PromiseDeps) {
  const m = messagesFor(request.user.locale);
  const form = /^(create|renegotiate|handoff)(?:-([a-z0-9]+))?$/.exec(request.actionId);
  if (form && (form[2] || form[1] === 'create')) {
    const answers = parseAnswers(request.value);
    if (form[1] === 'create') return run({ kind: 'create', text: `${answers.when ?? ''} ${answers.note ?? ''}`.trim() }, request, deps);
    const id = form[2]!.toUpperCase();
    if (form[1] === 'renegotiate') return run({ kind: 'renegotiate', id, when: answers.when ?? '' }, request, deps);
    return run({ kind: 'handoff', target: id, to: answers.to ?? '' }, request, deps);
  }
  // Previous/Next on a long list: the page replaces the one the button was on.
  const paging = /^(list|team)-page$/.exec(request.actionId);
  if (paging) return { ...(await run({ kind: paging[1] as 'list' | 'team', page: Math.max(1, Number(request.value) || 1) }, request, deps)), replacesOriginal: true };
  const id = request.value.toUpperCase();
  // The form asks for the new time or the colleague; whether the person may change it is asked first.
  if (request.actionId === 'renegotiate') return guarded(guardsFor(deps), () => actionForm('renegotiate', id, m))({ kind: 'renegotiate', id, when: '' }, request);
  if (request.actionId === 'handoff') return guarded(guardsFor(deps), () => actionForm('handoff', id, m))({ kind: 'handoff', target: id, to: '' }, request);
  const parsed = PromiseArgs.safeParse({ kind: request.actionId, id });
  if (!parsed.success) throw new Error(`unknown /promise action ${request.actionId}`);
  return run(parsed.data, request, deps);
}

function parseAnswers(value: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The start page's section (Slack App Home): my open promises; a lead sees the team's. Registered at wiring. */
export function promiseHomeSection(deps: Pick<PromiseDeps, 'desk' | 'clock' | 'board'>): HomeSection {
  return (user, platform) => home(user, platform, deps);
}

async function home(user: Requester, platform: CommandRequest['platform'], deps: Pick<PromiseDeps, 'desk' | 'clock' | 'board'>): Promise<Block[]> {
  const m = messagesFor(user.locale);
  const now = deps.clock.now();
  const records = user.isLead ? await deps.desk.allOpen() : await deps.desk.openOf({ platform, userId: user.id });
  // The first page only (a Home tab holds 100 blocks); the rest are a /promise list away, and it says so.
  const first = pageOf(records);
  const blocks: Block[] = [{
    type: 'list',
    label: user.isLead ? m.promise.home.team : m.promise.home.mine,
    items: records.length ? first.items.map((p) => (user.isLead ? `${personLabel(p.owner)} · ` : '') + itemLine(p, now, user.locale, m)) : [m.promise.home.none],
  }];
  if (first.pages > 1) blocks.push({ type: 'context', text: m.promise.home.more(first.items.length, first.total) });
  if (user.isLead && deps.board) blocks.push({ type: 'actions', actions: [openBoardAction(user.locale)] });
  return blocks;
}

export const promiseDescription: CommandDescription = {
  name: PROMISE_COMMAND,
  summary: (m) => m.promise.summary,
  help: (m) => m.promise.help,
  argument: (m) => m.promise.argument,
};

export interface PromiseDeps {
  desk: PromiseDesk;
  /** Hand-off notices go out through it; it also says whether the platform has the colleague. */
  outbox: Outbox;
  /** How each platform writes its people, for a colleague typed as a bare id. */
  addresses: AddressBooks;
  clock: Clock;
  /** TEAM_DAY_END and TEAM_WORKDAYS, for vague promise times; the defaults (18:00, Mon–Fri) when absent. */
  teamDay?: TeamDay;
  /** The team's zone: times are read in it when a person's own zone is unknown. */
  teamTimeZone?: string;
  /** The leads' web page, when PUBLIC_URL is set: `/promise board` sends a one-time link from it. */
  board?: BoardLinks;
}

export function createPromiseCommand(deps: PromiseDeps) {
  return defineCommand<PromiseArgs>({
    ...promiseDescription,
    args: PromiseArgs,
    toArgs: toPromiseArgs,
    async usage(request) {
      const m = messagesFor(request.user.locale);
      const input = toPromiseArgs(request.text) as { kind?: keyof Messages['promise']['usage'] };
      if (!input.kind || !(input.kind in m.promise.usage)) return noticeReply(m.promise.usageLines.join('\n'));
      // The id was missing or not one (often the customer's ref, typed from the note): list theirs to copy it
      // from, and write the example with the promise they most likely meant.
      const open = await deps.desk.openOf({ platform: request.platform, userId: request.user.id });
      const example = likelyMeant(open, request.text.trim().split(/\s+/)[1]);
      const text = example ? m.promise.usage[input.kind].replaceAll(EXAMPLE_ID, example.id) : m.promise.usage[input.kind];
      return withOpenPromises(noticeReply(text), open, deps.clock.now(), request.user.locale, m);
    },
    run: (args, request) => run(args, request, deps),
    onAction: (request) => onAction(request, deps),
  });
}
