import { describe, expect, it } from 'vitest';
import { at, due, read } from '../helpers/read-when.js';

// Round-8 findings on how agents type times (tests/fixtures/time-eval/*.dev8.yaml). Now: Wednesday
// 2 December 2026, 14:10 in Shanghai; the team works 09:00–18:00, Monday to Friday, unless a case says.

describe('"first thing" is the start of the team day (TEAM_DAY_START), never noon', () => {
  it.each([
    ['明天一早 回电', '2026-12-03T09:00'],
    ['明天一大早 回电', '2026-12-03T09:00'],
    ['明早一上班 回电', '2026-12-03T09:00'],
    ['明天一上班 回电', '2026-12-03T09:00'],
    ['明天一早9点半 回电', '2026-12-03T09:30'],
    ['first thing tomorrow call back', '2026-12-03T09:00'],
    ['tomorrow first thing call back', '2026-12-03T09:00'],
    ['Monday first thing call back', '2026-12-07T09:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it('follows the team day start', () => {
    const teamDay = { dayStart: { hour: 8, minute: 30 }, dayEnd: { hour: 17, minute: 30 }, workdays: new Set([1, 2, 3, 4, 5]) };
    expect(due('明天一早 回电', { teamDay })).toEqual(at('2026-12-03T08:30'));
  });

  it('first thing today, said in the afternoon, has passed: the suggestion is tomorrow at the day start', () => {
    expect(read('一早 回电')).toEqual({ ok: false, reason: 'past', suggestion: at('2026-12-03T09:00') });
  });
});

describe('targeted hints, never a guess', () => {
  it.each([
    ['昨天下午3点 回电', 'past-day'],
    ['前天 回电', 'past-day'],
    ['上周五 回电', 'past-day'],
    ['昨天下午3點 回電', 'past-day'],
    ['yesterday 3pm call back', 'past-day'],
    ['yday at 3 call back', 'past-day'],
    ['last Friday call back', 'past-day'],
    ['午饭后 回电', 'lunch'],
    ['明天午饭后 回电', 'lunch'],
    ['吃完午飯 回電', 'lunch'],
    ['lunchtime call back', 'lunch'],
    ['tomorrow lunchtime call back', 'lunch'],
    ['after lunch call back', 'lunch'],
    ['Friday after lunch call back', 'lunch'],
    ['周末 回电', 'weekend'],
    ['這週末 回電', 'weekend'],
    ['this weekend call back', 'weekend'],
    ['下个月初 回电', 'month-end'],
    ['early next month call back', 'month-end'],
  ])('%s → %s', (text, hint) => expect(read(text)).toEqual({ ok: false, reason: 'vague', hint }));
});

describe('phrases read to a time a team lead would expect', () => {
  it.each([
    ['within the hour call back', '2026-12-02T15:10'],
    ['in the next hour call back', '2026-12-02T15:10'],
    ['in a couple of hours call back', '2026-12-02T16:10'],
    ['明天午饭前 回电', '2026-12-03T12:00'],
    ['before lunch tomorrow call back', '2026-12-03T12:00'],
    ['tomorrow noonish call back', '2026-12-03T12:00'],
    ['noonish tomorrow call back', '2026-12-03T12:00'],
    ['tomorrow am call back', '2026-12-03T12:00'],
    ['tomorrow pm call back', '2026-12-03T18:00'],
    ['half 3 call back', '2026-12-02T15:30'],
    ['half four call back', '2026-12-02T16:30'],
    ['a quarter past 4 call back', '2026-12-02T16:15'],
    // "within N days / a week": by the team day end N days on, as N个工作日内 is.
    ['一周内 寄回发票', '2026-12-09T18:00'],
    ['一個禮拜內 寄回發票', '2026-12-09T18:00'],
    ['3天内 寄回发票', '2026-12-05T18:00'],
    ['within a week send it', '2026-12-09T18:00'],
    ['within 7 days send it', '2026-12-09T18:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it('"half 3 days" counts days, and "in 3 days" stays an exact duration', () => {
    expect(read('half 3 days late call back')).toMatchObject({ ok: false });
    expect(due('in 3 days call back')).toEqual(at('2026-12-05T14:10'));
  });
});
