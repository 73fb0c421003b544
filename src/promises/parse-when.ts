import * as chrono from 'chrono-node';

export type WhenResult =
  | { ok: true; dueAt: Date; /** the time words as typed */ when: string; /** the rest: customer ref and note, trimmed */ note: string }
  | { ok: false; reason: 'empty' | 'no-time' | 'no-note' | 'past' | 'too-far'; /** for 'past': the same wall-clock time tomorrow, to suggest */ suggestion?: Date };

export interface ParseWhenOptions {
  now: Date;
  /** IANA zone the agent's clock times are meant in. */
  timeZone: string;
  maxAheadDays?: number;
}

/** Promises here are for reply times within a shift or two; further out is almost surely a typo. */
export const MAX_AHEAD_DAYS = 14;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Time words are short; only this much of the text is ever scanned for them. */
const HEAD_LENGTH = 64;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

interface TimeHit {
  /** How many characters of the head the time words take. */
  length: number;
  dueAt: Date;
  /** The wall-clock time asked for, when it was a clock time in the agent's zone (for the 'past' suggestion). */
  clock?: { hour: number; minute: number };
}

/**
 * Reads `/promise <when> <customer ref and note>`: the time at the start of `text`, the note after it.
 * Never throws for any text; throws RangeError only for an invalid `now` or time zone (a caller bug).
 */
export function parseWhen(text: string, options: ParseWhenOptions): WhenResult {
  const { now, timeZone, maxAheadDays = MAX_AHEAD_DAYS } = options;
  if (Number.isNaN(now.getTime())) throw new RangeError('parseWhen: now is an invalid Date');
  const start = text.search(/\S/);
  if (start < 0) return { ok: false, reason: 'empty' };

  const head = normalize(text.slice(start, start + HEAD_LENGTH));
  const hit = durationAt(head, now) ?? clockAt(head, now, timeZone);
  if (!hit || Number.isNaN(hit.dueAt.getTime())) return { ok: false, reason: 'no-time' };

  const end = start + hit.length;
  const note = text.slice(end).replace(LEADING_SEPARATORS, '').trim();
  // Before past/too-far, so that a 'past' answer is a complete command the suggestion can be applied to.
  if (!note) return { ok: false, reason: 'no-note' };

  const latest = now.getTime() + maxAheadDays * DAY;
  if (hit.dueAt.getTime() <= now.getTime()) {
    const suggestion = hit.clock && sameTimeTomorrow(hit.clock, now, timeZone);
    const usable = suggestion && suggestion.getTime() > now.getTime() && suggestion.getTime() <= latest;
    return usable ? { ok: false, reason: 'past', suggestion } : { ok: false, reason: 'past' };
  }
  if (hit.dueAt.getTime() > latest) return { ok: false, reason: 'too-far' };
  return { ok: true, dueAt: hit.dueAt, when: text.slice(start, end).trim(), note };
}

const LEADING_SEPARATORS = /^[\s,，、;；:：\-–—|]+/;

// ---------------------------------------------------------------------------------------------
// Normalising. Every replacement is one UTF-16 unit for one, so positions in the head stay
// positions in the original text and the note can be cut from what was typed.

const CHAR_MAP: Record<string, string> = {
  '：': ':',
  // Traditional → Simplified for the few characters time words use, so one Chinese parser covers both.
  點: '点',
  時: '时',
  週: '周',
  後: '后',
  個: '个',
  兩: '两',
  鐘: '钟',
  頭: '头',
  禮: '礼',
  內: '内',
  號: '号',
};

function normalize(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[：點時週後個兩鐘頭禮內號]/g, (c) => CHAR_MAP[c] ?? c);
}

// ---------------------------------------------------------------------------------------------
// Durations: "30m", "1h30m", "90 minutes", "in 2 hours", "半小时后", "一个半小时", "10分钟内".
// chrono misses "1h30m" and bare Chinese durations, and its Chinese ones ignore the reference
// zone, so durations are read here: due = now + duration, to the millisecond.

const EN_DURATION = new RegExp(
  '^(?:(?:in|within)\\s+)?(?:' +
    '(?:(?<h>\\d{1,3}(?:\\.\\d{1,2})?)\\s*(?:h|hrs?|hours?)|(?<h1>an?|one)\\s+hours?)' +
    '(?:\\s*(?:and\\s+)?(?<hm>\\d{1,3})\\s*(?:m|mins?|minutes?)|(?<hm2>[0-5]\\d)|\\s+and\\s+a\\s+(?<hh>half))?' +
    '|(?<m>\\d{1,4})\\s*(?:m|mins?|minutes?)' +
    '|(?<half>half\\s+an?\\s+hour|a\\s+half\\s+hour|half\\s+hour)' +
    '|(?<d>\\d{1,2})\\s*(?:d|days?)' +
    ')(?:\\s+(?:from\\s+now|later))?(?![a-z0-9])',
  'i',
);

const ZH_NUM = '(?:\\d{1,3}(?:\\.\\d{1,2})?|[零一二两三四五六七八九十]{1,4})';
const ZH_AFTER = '(?:之|以)?[后内]';
const ZH_DURATION = new RegExp(
  '^(?:在\\s*)?(?:' +
    `(?:(?<h>${ZH_NUM})\\s*个?\\s*(?<hh>半)?|(?<half>半)\\s*个?)\\s*(?:小时|钟头)(?:\\s*(?<hm>${ZH_NUM})\\s*分钟?)?` +
    `|(?<m>${ZH_NUM})\\s*(?:分钟|分(?=\\s*${ZH_AFTER}))` +
    `|(?<q>${ZH_NUM})\\s*刻钟` +
    `|(?<d>${ZH_NUM})\\s*天` +
    `)(?:\\s*${ZH_AFTER})?`,
);

function durationAt(head: string, now: Date): TimeHit | null {
  const en = EN_DURATION.exec(head);
  const zh = en ? null : ZH_DURATION.exec(head);
  const match = en ?? zh;
  const g = match?.groups;
  if (!match || !g) return null;

  let ms: number | null;
  if (g.h || g.h1 || g.half) {
    const hours = g.half ? 0.5 : num(g.h ?? g.h1);
    const minutes = g.hm || g.hm2 ? num(g.hm ?? g.hm2) : 0;
    ms = hours === null || minutes === null ? null : hours * HOUR + minutes * MINUTE + (g.hh ? HOUR / 2 : 0);
  } else if (g.m) {
    ms = mul(num(g.m), MINUTE);
  } else if (g.q) {
    ms = mul(num(g.q), 15 * MINUTE);
  } else {
    ms = mul(num(g.d), DAY);
  }
  if (ms === null) return null;
  return { length: match[0].length, dueAt: new Date(now.getTime() + Math.round(ms)) };
}

function mul(n: number | null, unit: number): number | null {
  return n === null ? null : n * unit;
}

const ZH_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Arabic numbers, "a"/"an"/"one", and Chinese numbers up to 99 (十五, 二十, 两). */
function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  if (/^\d/.test(s)) return Number(s);
  if (/^(?:an?|one)$/i.test(s)) return 1;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (ZH_DIGITS[s] ?? null) : null;
  const tens = ten === 0 ? 1 : ZH_DIGITS[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : ZH_DIGITS[s.slice(ten + 1)];
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

// ---------------------------------------------------------------------------------------------
// Clock times and dates, read by chrono: "15:30", "3pm", "tomorrow at 9:15", "friday 10am",
// "明天上午10点", "下午三点", "周五上午10点".
//
// chrono's Chinese parsers ignore the reference zone and read the host's local clock, so chrono is
// given a reference whose host-local wall clock equals the agent's wall clock, with no zone. Only
// the wall-clock fields of its answer are used; turning them into an instant in the agent's IANA
// zone is done here, which also gets DST days right (chrono would apply today's offset).

const EN_PARSER = chrono.casual;
const ZH_PARSER = chrono.zh.hans.casual;
const PARSE_OPTIONS = { forwardDate: true };

function clockAt(head: string, now: Date, timeZone: string): TimeHit | null {
  const today = wallAt(now.getTime(), timeZone);
  const ref = new Date(today.year, today.month - 1, today.day, today.hour, today.minute, now.getUTCSeconds(), now.getUTCMilliseconds());
  // chrono does not take "by 5pm"; the word is kept in `when` but not shown to chrono.
  const lead = DEADLINE_WORD.exec(head)?.[0].length ?? 0;
  // "3点一刻": chrono would read 一 as a minute and leave 刻 behind.
  const rest = head.slice(lead).replace(/(?<=[点时])([一三])刻(?!钟)/g, (_, q: string) => (q === '一' ? '15' : '45'));
  const input = cutBeforeNoteNumber(rest);
  const parsers = /\p{Script=Han}/u.test(input) ? [ZH_PARSER, EN_PARSER] : [EN_PARSER];
  for (const parser of parsers) {
    const result = timeAtStart(parser, input, ref);
    const hit = result && toHit(result, now, ref, today, timeZone);
    if (!hit) continue;
    // "下午3点前回电": 前 (before) belongs to the time words, not to the note.
    const before = /^\s*(?:之|以)?前/.exec(rest.slice(hit.length))?.[0].length ?? 0;
    return { ...hit, length: lead + hit.length + before };
  }
  return null;
}

const DEADLINE_WORD = /^(?:by|before|until|till|no\s+later\s+than)\s+/i;

/**
 * A result that starts the text and names a time of day. chrono may run on into the note
 * ("3pm May Chen" is read as a date in May, "3pm eat in" as East Africa Time): then it is asked
 * again without the last word it took.
 */
function timeAtStart(parser: chrono.Chrono, text: string, ref: Date): chrono.ParsedResult | null {
  let input = text;
  for (let tries = 0; tries < 4; tries++) {
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(input, ref, PARSE_OPTIONS);
    } catch {
      return null; // a library bug on odd input must not reach the agent as a crash
    }
    const result = results.find((r) => r.index === 0);
    if (!result) return null;
    if (isTimeOfDay(result)) return result;
    const lastWord = result.text.trimEnd().search(/\S+$/);
    if (lastWord <= 0) return null;
    input = input.slice(0, lastWord);
  }
  return null;
}

function isTimeOfDay(result: chrono.ParsedResult): boolean {
  const s = result.start;
  if (!s.isCertain('hour')) return false;
  if (s.isCertain('month') && !s.isCertain('day')) return false;
  // chrono takes any zone abbreviation, in any case ("cat", "eat", "CST"); only UTC/GMT are unambiguous.
  return !s.isCertain('timezoneOffset') || isRelative(result) || /\b(?:UTC|GMT)$/.test(result.text.trimEnd());
}

function isRelative(result: chrono.ParsedResult): boolean {
  const tags = result.start.tags();
  return tags.has('result/relativeDate') || tags.has('casualReference/now');
}

const MERIDIEM_WORD = /^(?:[ap]\.?m\.?|o'?clock|点|时)$/i;
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
const PRECEDES_HOUR = /^(?:at|@|by|around|before)$/i;

/**
 * Cuts the head before the first number-only word after the first, so an order or phone number
 * ("15:30 7731", "明天9点 4411", "3pm 12/5") is never read as minutes, seconds or a date.
 * A short number stays when it is clearly part of the time: "at 9", "10 am", "dec 5".
 */
function cutBeforeNoteNumber(head: string): string {
  const words = [...head.matchAll(/\S+/g)];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]![0];
    if (!/^[#№+]?\d[\d/\-.,#]*$/.test(word)) continue;
    const before = words[i - 1]![0];
    const after = words[i + 1]?.[0] ?? '';
    const timePart = /^\d{1,2}$/.test(word) && (PRECEDES_HOUR.test(before) || MONTH_WORD.test(before) || MERIDIEM_WORD.test(after));
    if (!timePart) return head.slice(0, words[i]!.index);
  }
  return head;
}

function toHit(result: chrono.ParsedResult, now: Date, ref: Date, today: Wall, timeZone: string): TimeHit | null {
  const s = result.start;
  const length = result.text.trimEnd().length;
  if (isRelative(result)) {
    // "in a few minutes", "in an hour": chrono's offset from the reference is the duration.
    return { length, dueAt: new Date(now.getTime() + (s.date().getTime() - ref.getTime())) };
  }
  if (s.isCertain('timezoneOffset')) {
    // "3pm UTC": the zone was typed, so chrono's instant is the answer.
    return { length, dueAt: floorToMinute(s.date()) };
  }

  const bare = !s.isCertain('day') && !s.isCertain('weekday');
  // A bare time means today: chrono's forwardDate would quietly move a passed one to tomorrow.
  const date = bare ? today : { year: s.get('year'), month: s.get('month'), day: s.get('day') };
  let hour = s.get('hour');
  const minute = s.get('minute') ?? 0;
  if (date.year === null || date.month === null || date.day === null || hour === null) return null;
  const wall = { year: date.year, month: date.month, day: date.day, hour, minute };

  let dueAt = instantOf(wall, timeZone);
  const isToday = wall.year === today.year && wall.month === today.month && wall.day === today.day;
  // "3点" or "3:30" typed at 14:00 means this afternoon, not 03:00 this morning. Only hours that
  // land in the working afternoon/evening (13–19h) are moved; "10:00" at 14:00 stays 'past'.
  const ambiguous = hour >= 1 && hour <= 7 && !s.isCertain('meridiem') && !/^\D*0\d/.test(result.text);
  if (isToday && ambiguous && dueAt.getTime() <= now.getTime()) {
    const pm = instantOf({ ...wall, hour: hour + 12 }, timeZone);
    if (pm.getTime() > now.getTime()) {
      hour += 12;
      dueAt = pm;
    }
  }
  return { length, dueAt, clock: { hour, minute } };
}

function floorToMinute(d: Date): Date {
  return new Date(Math.floor(d.getTime() / MINUTE) * MINUTE);
}

// ---------------------------------------------------------------------------------------------
// Wall clock ↔ instant in an IANA zone, with Intl only.

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallAt(instant: number, timeZone: string): Wall {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of f.formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof Wall] = Number(part.value);
  }
  return wall;
}

/** The zone's offset from UTC at an instant, in ms (whole minutes; no zone has had seconds since 1972). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallAt(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(instant / MINUTE) * MINUTE;
}

/**
 * The instant a wall-clock time names in a zone. A time repeated when clocks go back is the
 * earlier one; a time skipped when they go forward is read with the offset from before the jump
 * (01:30 on the London spring-forward day is 02:30 BST).
 */
function instantOf(w: Wall, timeZone: string): Date {
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const valid = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  return new Date(valid.length ? Math.min(...valid) : wall - before);
}

function sameTimeTomorrow(clock: { hour: number; minute: number }, now: Date, timeZone: string): Date {
  const today = wallAt(now.getTime(), timeZone);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return instantOf(
    { year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate(), ...clock },
    timeZone,
  );
}
