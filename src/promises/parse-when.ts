import { readHead, type VagueHint } from './when/grammar.js';
import { normalize } from './when/normalize.js';
import { resolve } from './when/resolve.js';
import { DEFAULT_TEAM_DAY, type TeamDay } from './when/team-day.js';
import { addDays, instantOf, wallAt } from './when/zoned.js';

export type { VagueHint } from './when/grammar.js';
export type { TeamDay } from './when/team-day.js';

export type WhenResult =
  | { ok: true; dueAt: Date; /** the time words as typed */ when: string; /** the rest: customer ref and note, trimmed */ note: string }
  | {
      ok: false;
      reason: 'empty' | 'no-time' | 'no-note' | 'past' | 'too-far' | 'vague';
      /** for 'past': the same wall-clock time tomorrow, to suggest */
      suggestion?: Date;
      /** for 'vague': which kind of phrase it was (今晚, ASAP, 下周…), for a targeted hint */
      hint?: VagueHint;
    };

export interface ParseWhenOptions {
  now: Date;
  /** IANA zone the agent's clock times are meant in. */
  timeZone: string;
  maxAheadDays?: number;
  /** The team's working day (TEAM_DAY_START, TEAM_DAY_END, TEAM_WORKDAYS), for 一早, 下班前, EOD, 明天, N个工作日内. */
  teamDay?: TeamDay;
}

/** Promises here are for reply times within a shift or two; further out is almost surely a typo. */
export const MAX_AHEAD_DAYS = 14;
const DAY = 24 * 60 * 60_000;
/** Time words are short; only this much of the text is ever read for them. */
const HEAD_LENGTH = 64;
const LEADING_SEPARATORS = /^[\s,，、;；:：\-–—|.。]+/;

/**
 * Reads `/promise <when> <customer ref and note>`: the time phrase at the start of `text`, the note
 * after it. Only the leading phrase is time (see when/grammar.ts); a time that has passed is refused
 * with a suggestion, never moved to another day. Never throws for any text; throws RangeError only
 * for an invalid `now` or time zone (a caller bug).
 */
export function parseWhen(text: string, options: ParseWhenOptions): WhenResult {
  const { now, timeZone, maxAheadDays = MAX_AHEAD_DAYS, teamDay = DEFAULT_TEAM_DAY } = options;
  if (Number.isNaN(now.getTime())) throw new RangeError('parseWhen: now is an invalid Date');
  wallAt(now.getTime(), timeZone); // an unknown zone is a caller bug: throw before reading anything
  const start = text.search(/\S/);
  if (start < 0) return { ok: false, reason: 'empty' };

  const reading = readHead(normalize(text.slice(start, start + HEAD_LENGTH)));
  if (!reading) return { ok: false, reason: 'no-time' };
  const end = start + reading.length;
  const note = text.slice(end).replace(LEADING_SEPARATORS, '').trim();
  const resolved = resolve(reading, now, timeZone, teamDay);
  if (resolved.kind === 'none') return { ok: false, reason: 'no-time' };
  if (resolved.kind === 'vague') return { ok: false, reason: 'vague', hint: resolved.hint };
  // Before past/too-far, so that a 'past' answer is a complete command the suggestion can be applied to.
  if (!note) return { ok: false, reason: 'no-note' };

  const latest = now.getTime() + maxAheadDays * DAY;
  const { dueAt } = resolved;
  if (dueAt.getTime() <= now.getTime()) {
    const suggestion = resolved.todayClock && sameTimeTomorrow(resolved.todayClock, now, timeZone);
    const usable = suggestion && suggestion.getTime() > now.getTime() && suggestion.getTime() <= latest;
    return usable ? { ok: false, reason: 'past', suggestion } : { ok: false, reason: 'past' };
  }
  if (dueAt.getTime() > latest) return { ok: false, reason: 'too-far' };
  return { ok: true, dueAt, when: text.slice(start, end).trim(), note };
}

function sameTimeTomorrow(clock: { hour: number; minute: number }, now: Date, timeZone: string): Date {
  const tomorrow = addDays(wallAt(now.getTime(), timeZone), 1);
  return instantOf({ ...tomorrow, ...clock }, timeZone);
}
