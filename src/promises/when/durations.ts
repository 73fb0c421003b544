import type { Cursor } from './cursor.js';
import { NUM, num } from './numbers.js';

/** Durations: due = now + duration ("30m", "1h30m", "within 2 hours", 半小时后, 一个半小时, 1-2 hours → 2 h). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const EN_DURATION = new RegExp(
  '(?:(?:in|within|after)\\s+)?(?:(?:about|around|approximately|approx\\.?|roughly|~)\\s*)?' +
    // "1-2 hours", "30-45 min": a range means its end.
    '(?:(?:\\d{1,3}(?:\\.\\d{1,2})?|an?|one|two|three|four|five)\\s*(?:h|hrs?|hours?|m|mins?|minutes?)?\\s*(?:-|~|to|or)\\s*)?(?:' +
    '(?:(?<h>\\d{1,3}(?:\\.\\d{1,2})?)\\s*(?:h|hrs?|hours?)|(?<h1>a\\s+couple\\s+of|an?|one|two|three|four|five|six)\\s+(?:hours?|hrs?))' +
    '(?:\\s*(?:and\\s+)?(?<hm>\\d{1,3})\\s*(?:m|mins?|minutes?)|(?<hm2>[0-5]\\d)(?![\\d:])|\\s+and\\s+an?\\s+(?<hh>half))?' +
    '|(?<m>\\d{1,4}|a\\s+couple\\s+of|two|five|ten|fifteen|twenty|thirty|forty|forty-five|fifty)\\s*(?:m|mins?|minutes?)' +
    '|(?<half>half\\s+an?\\s+hour|a\\s+half\\s+hour|half\\s+hour|half-an-hour|half-hour)' +
    '|(?<q>an?|one|three)\\s+quarters?\\s+of\\s+an\\s+hour' +
    '|(?<d>\\d{1,2}|an?|one|two|three)\\s*(?:d|days?)' +
    ')(?:\\s+(?:from\\s+now|later|time))?(?:\\s*(?:or\\s+so|-?ish|max|tops|at\\s+(?:the\\s+)?most))?(?![a-z0-9])',
  'y',
);
/** "within the hour", "in the next hour": one hour from now. */
const EN_THE_HOUR = /(?:within|in)\s+the\s+(?:next\s+)?hour(?![a-z])/y;
/** "in 20": minutes. */
const EN_IN_MINUTES = /(?:in|within)\s+(?<m>\d{1,3})(?![\d:.a-z])(?!\s*(?:business|working|work|weeks?|months?|years?|days?|hours?|hrs?|secs?|seconds?)(?![a-z]))/y;

const ZH_AFTER = '(?:之后|以后|之内|以内|后|内|左右)';
/** Counts of hours and minutes as said: 俩 (two), 仨 (three), 十来/二十来/10来 (about ten, twenty: that number). */
const ZH_COUNT = `(?:${NUM}|俩|仨|(?:[1-9]?0|[一二三四五六七八九]?十)来)`;
const ZH_DURATION = new RegExp(
  '(?:再过|过|在|大概|大约|约莫|约|差不多)?\\s*' +
    // 半小时到一小时, 10-15分钟, 两三个小时: a range means its end.
    `(?:(?:${NUM}|半)\\s*(?:个\\s*)?(?:小时|钟头|分钟|分)?\\s*(?:-|~|到|至|或)\\s*|[一两二三四五六七八九](?=[二三四五六七八九]\\s*个?\\s*(?:小时|钟头|分钟|天)))?(?:` +
    // 个把小时, 個把鐘頭: an hour or so, read as the hour.
    `(?:(?<h>${ZH_COUNT}(?:\\.\\d{1,2})?)\\s*个?\\s*(?<hh>半)?|(?<half>半)\\s*个?|(?<one>个把))\\s*(?:小时|钟头|钟(?!头))(?:\\s*(?<hm>${NUM})\\s*分钟?)?` +
    `|(?<m>${ZH_COUNT})\\s*(?:分钟|分(?=\\s*${ZH_AFTER}))` +
    `|(?<q>${NUM})\\s*刻钟` +
    `|(?<d>${NUM})\\s*天(?=\\s*${ZH_AFTER})` +
    `)(?:\\s*${ZH_AFTER})?`,
  'y',
);

const EN_WORD_MINUTES: Record<string, number> = { 'a couple of': 2, two: 2, five: 5, ten: 10, fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50 };

function durationMs(g: Record<string, string | undefined>): number | null {
  if (g.h || g.h1 || g.half || g.one) {
    const hours = g.half ? 0.5 : g.one ? 1 : g.h1?.startsWith('a couple') ? 2 : countOf(g.h ?? g.h1);
    const minutes = g.hm || g.hm2 ? num(g.hm ?? g.hm2) : 0;
    if (hours === null || minutes === null) return null;
    return hours * HOUR + minutes * MINUTE + (g.hh ? HOUR / 2 : 0);
  }
  if (g.m) {
    const m = EN_WORD_MINUTES[g.m.replace(/\s+/g, ' ')] ?? countOf(g.m);
    return m === null ? null : m * MINUTE;
  }
  if (g.q) {
    const q = num(g.q);
    return q === null ? null : (g.q === 'three' ? 45 : q * 15) * MINUTE;
  }
  const d = num(g.d);
  return d === null ? null : d * DAY;
}

/** A number of hours or minutes: 俩 = 2, 仨 = 3, 十来 = 10 (about ten). */
function countOf(s: string | undefined): number | null {
  if (s === '俩') return 2;
  if (s === '仨') return 3;
  return num(s?.replace(/来$/, ''));
}

/** A duration at the cursor, in ms, and the cursor moved past it; null (cursor unmoved) when there is none. */
export function readDuration(c: Cursor): number | null {
  // 15h, 15h30 are clock times (see grammar.ts), not fifteen hours.
  if (/^(?:1[3-9]|2[0-3])h(?:[0-5]\d)?(?![\da-z])/.test(c.s)) return null;
  if (c.take(EN_THE_HOUR)) return HOUR;
  for (const re of [EN_DURATION, EN_IN_MINUTES, ZH_DURATION]) {
    const start = c.pos;
    const m = c.take(re);
    if (m?.groups) {
      const ms = durationMs(m.groups);
      if (ms !== null) return ms;
    }
    c.pos = start;
  }
  return null;
}
