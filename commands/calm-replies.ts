import type { Locale } from '../src/i18n/locale.js';
import { privateReply, type Block, type Reply, type ReplyAction } from '../src/core/reply.js';
import type { BreathingStep, BreathingView, BreathPhase } from '../src/calm/breathing-session.js';
import type { CalmLibrary, Feeling } from '../src/calm/calm-library.js';
import type { CalmAnswer } from '../src/calm/desk.js';
import { messagesFor } from '../src/i18n/index.js';

export const CALM = 'calm';
/** Action ids of /calm's buttons; every one can also be typed (see `typed`). */
export const ACTIONS = { feeling: 'feeling', menu: 'menu', breathe: 'breathe', stop: 'stop', reset: 'reset', checkIn: 'checkin' } as const;

/** Button values carry the locale the reply was shown in, so the answer stays in it. */
export function localeValue(locale: Locale, rest = ''): string {
  return rest ? `${locale}:${rest}` : locale;
}

export function parseLocaleValue(value: string): { locale: Locale | undefined; rest: string } {
  const m = /^(zh-CN|zh-TW|en)(?::(.*))?$/s.exec(value);
  return m ? { locale: m[1] as Locale, rest: m[2] ?? '' } : { locale: undefined, rest: value };
}

function feelingAction(feeling: Pick<Feeling, 'id' | 'label'>, locale: Locale, label = feeling.label): ReplyAction {
  return { command: CALM, id: ACTIONS.feeling, value: localeValue(locale, feeling.id), label, typed: `/calm ${feeling.id}` };
}

function menuAction(locale: Locale): ReplyAction {
  return { command: CALM, id: ACTIONS.menu, value: localeValue(locale), label: messagesFor(locale).calm.buttons.menu, typed: '/calm' };
}

function breatheAction(locale: Locale, practiceId: string | undefined): ReplyAction {
  return {
    command: CALM,
    id: ACTIONS.breathe,
    value: localeValue(locale, practiceId ?? ''),
    label: messagesFor(locale).calm.buttons.breathe,
    style: 'primary',
    typed: practiceId ? `/calm breathe ${practiceId}` : '/calm breathe',
  };
}

function resetAction(locale: Locale): ReplyAction {
  return { command: CALM, id: ACTIONS.reset, value: localeValue(locale), label: messagesFor(locale).calm.buttons.reset, typed: '/calm reset' };
}

/** The one button of a crisis reply: with the person's consent, tell their lead now that they need someone. */
function checkInAction(locale: Locale): ReplyAction {
  return {
    command: CALM,
    id: ACTIONS.checkIn,
    value: localeValue(locale),
    label: messagesFor(locale).calm.buttons.checkIn,
    style: 'primary',
    typed: '/calm checkin',
  };
}

function stopAction(locale: Locale): ReplyAction {
  return { command: CALM, id: ACTIONS.stop, value: localeValue(locale), label: messagesFor(locale).calm.buttons.stop, style: 'danger', typed: '/calm stop' };
}

/** The menu of feelings, one button each; `first` (the closest guesses) lead when the words fitted several. */
export function menuReply(library: CalmLibrary, locale: Locale, options: { unsure?: boolean; first?: readonly string[] } = {}): Reply {
  const m = messagesFor(locale).calm;
  const first = options.first ?? [];
  const feelings = library.feelings(locale);
  const ordered = [...first.map((id) => feelings.find((f) => f.id === id)!).filter(Boolean), ...feelings.filter((f) => !first.includes(f.id))];
  return privateReply(m.menuTitle, [
    { type: 'text', text: options.unsure ? m.menuUnsure : m.menuIntro },
    { type: 'actions', actions: ordered.map((f) => feelingAction(f, locale)) },
    { type: 'context', text: m.privacy },
  ]);
}

/** One feeling: a line to say to oneself, a reframe, a 60-second practice, and what to do next. */
export function feelingReply(answer: CalmAnswer, locale: Locale): Reply {
  const m = messagesFor(locale).calm;
  const { feeling, prompt, practice } = answer;
  const blocks: Block[] = [
    { type: 'quote', label: m.labels.selfTalk, lines: [prompt.selfTalk] },
    { type: 'text', label: m.labels.reframe, text: prompt.reframe },
  ];
  if (practice) blocks.push({ type: 'list', label: m.labels.practice(practice.title), items: [...practice.steps], ordered: true });
  blocks.push({ type: 'context', text: m.privacy });
  const breathing = practice?.kind === 'breathing' ? practice : feeling.practices.find((p) => p.kind === 'breathing');
  blocks.push({
    type: 'actions',
    actions: [feelingAction(feeling, locale, m.buttons.another), breatheAction(locale, breathing?.id), resetAction(locale), menuAction(locale)],
  });
  return privateReply(feeling.label, blocks);
}

/** What a crisis reply answers: the person themselves, a threat to their safety, or a caller at risk. */
export type CrisisReplyKind = 'self' | 'threat' | 'other';

/**
 * Words that suggest danger: what to do now and a person to reach, never the feelings menu.
 * `lines` are the reviewed lines of the crisis file (the built-in text when none is served);
 * the configured support contact follows them when there is one, and the text reads right
 * without it. The one button tells the person's lead, with their consent, that they need
 * someone now (nothing of what they wrote).
 */
export function crisisReply(kind: CrisisReplyKind, lines: readonly string[] | undefined, supportContact: string | undefined, locale: Locale): Reply {
  const m = messagesFor(locale).calm.crisis;
  const [title, fallback] =
    kind === 'threat' ? [m.threatTitle, m.threatMessage] : kind === 'other' ? [m.otherTitle, m.otherMessage] : [m.title, m.message];
  const blocks: Block[] = [{ type: 'text', text: kind !== 'other' && lines?.length ? lines.join('\n\n') : fallback }];
  if (supportContact) blocks.push({ type: 'text', text: m.contact(supportContact) });
  blocks.push({ type: 'text', text: m.offer });
  blocks.push({ type: 'actions', actions: [checkInAction(locale)] });
  blocks.push({ type: 'context', text: messagesFor(locale).calm.privacy });
  return privateReply(title, blocks, kind === 'self' ? 'info' : 'warning');
}

/**
 * The feelings answer when the crisis model was unsure (CrisisFinding.checkIn): first a direct, gentle question
 * about the person's safety (asking plainly does not plant the idea), who to reach, and the one button that tells
 * their lead they need someone; then what they asked for, unchanged.
 */
export function withSafetyCheck(reply: Reply, supportContact: string | undefined, locale: Locale): Reply {
  const m = messagesFor(locale).calm.crisis;
  const check: Block[] = [{ type: 'text', label: m.checkInLabel, text: m.checkInQuestion }];
  if (supportContact) check.push({ type: 'text', text: m.contact(supportContact) });
  check.push({ type: 'actions', actions: [checkInAction(locale)] });
  return { ...reply, blocks: [...check, ...reply.blocks] };
}

function phaseText(phase: BreathPhase, locale: Locale): string {
  const b = messagesFor(locale).calm.breathing;
  return phase.kind === 'in' ? b.inhale(phase.seconds) : phase.kind === 'hold' ? b.hold(phase.seconds) : b.exhale(phase.seconds);
}

/** How the guided minute looks in the person's direct messages, phase by phase. */
export function breathingView(locale: Locale): BreathingView {
  const b = messagesFor(locale).calm.breathing;
  return {
    step: (step: BreathingStep) =>
      privateReply(b.title, [
        { type: 'text', text: step.phases.map((p) => phaseText(p, locale)).join('\n') },
        { type: 'context', text: b.progress(step.breath, step.breaths) },
        { type: 'actions', actions: [stopAction(locale)] },
      ]),
    done: () => privateReply(b.title, [{ type: 'text', text: b.done }], 'success'),
    stopped: () => stoppedReply(locale),
  };
}

export function stoppedReply(locale: Locale): Reply {
  const b = messagesFor(locale).calm.breathing;
  return privateReply(b.title, [{ type: 'text', text: b.stopped }]);
}

/** What a person can ask their lead for: a 5-minute reset, or someone to check in on them now. */
export type LeadRequest = 'reset' | 'checkIn';

/** What a lead note is written from, at its first try and at each retry: who asks, for what, in their language. Nothing they typed. */
export interface LeadNote {
  asker: { id: string; name?: string };
  request: LeadRequest;
  locale: Locale;
}

export function leadNoteFor(note: LeadNote): Reply {
  return leadNoteReply(note.asker, note.locale, note.request);
}

/** The note a lead gets: who asks, and for what; nothing about why. */
export function leadNoteReply(who: { id: string; name?: string }, locale: Locale, request: LeadRequest = 'reset'): Reply {
  const m = request === 'reset' ? messagesFor(locale).calm.lead : messagesFor(locale).calm.checkIn;
  const person = who.name && who.name !== who.id ? `${who.name} (${who.id})` : who.id;
  return privateReply(m.noteTitle, [{ type: 'text', text: m.note(person) }], request === 'reset' ? 'info' : 'warning');
}

/** The anonymous count per day, oldest first, for leads. */
export function statsReply(days: readonly { day: string; count: number }[], locale: Locale): Reply {
  const m = messagesFor(locale).calm.stats;
  const total = days.reduce((sum, d) => sum + d.count, 0);
  return privateReply(m.title(days.length), [
    { type: 'text', text: m.intro },
    { type: 'list', items: days.map((d) => m.day(d.day, d.count)) },
    { type: 'context', text: m.total(total) },
  ]);
}

export function messageReply(text: string, tone: Reply['tone'] = 'info'): Reply {
  return privateReply(undefined, [{ type: 'text', text }], tone);
}
