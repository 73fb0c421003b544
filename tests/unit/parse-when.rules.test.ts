import { describe, expect, it } from 'vitest';
import { parseWhen, type ParseWhenOptions, type WhenResult } from '../../src/promises/parse-when.js';

// The team's rules for reading a promised time, one block per rule. Now: Tuesday 10 March 2026,
// 13:40 in Shanghai (UTC+8); the team's day ends at 18:00, Monday to Friday, unless a case says.
const NOW = '2026-03-10T13:40:00+08:00';
const ZONE = 'Asia/Shanghai';
const read = (text: string, extra: Partial<ParseWhenOptions> = {}): WhenResult =>
  parseWhen(text, { now: new Date(NOW), timeZone: ZONE, ...extra });
const at = (local: string) => new Date(`${local}:00+08:00`);

function due(text: string, extra?: Partial<ParseWhenOptions>): Date | null {
  const r = read(text, extra);
  return r.ok ? r.dueAt : null;
}
const noteOf = (text: string) => {
  const r = read(text);
  return r.ok ? r.note : null;
};

describe('1. durations count from now', () => {
  it.each([
    ['半小时 回电', 30],
    ['一个半小时 回电', 90],
    ['75 mins call back', 75],
    ['within 3 hours call back', 180],
    ['2h15m call back', 135],
    ['半個小時後 回電', 30],
    ['四十分钟内 回电', 40],
    ['1-2 hours call back', 120],
    ['二三十分钟 回电', null], // no clear end: not guessed
  ])('%s', (text, minutes) => {
    expect(due(text)).toEqual(minutes === null ? null : new Date(Date.parse(NOW) + minutes * 60_000));
  });
});

describe('2. a bare hour 1–7 is the afternoon on any day; 8–12 the daytime hour; markers win', () => {
  it.each([
    ['后天4点 回电', '2026-03-12T16:00'],
    ['周四2点 回电', '2026-03-12T14:00'],
    ['Thursday at 5 call back', '2026-03-12T17:00'],
    ['tomorrow at 1 call back', '2026-03-11T13:00'],
    ['明天9点 回电', '2026-03-11T09:00'],
    ['明天上午7点 回电', '2026-03-11T07:00'],
    ['tomorrow 6am call back', '2026-03-11T06:00'],
    ['明天早上6点 回电', '2026-03-11T06:00'],
    ['明天凌晨4点 回电', '2026-03-11T04:00'],
    ['晚上9点 回电', '2026-03-10T21:00'],
    ['晚上12点 回电', '2026-03-11T00:00'],
    ['midnight call back', '2026-03-11T00:00'],
    ['中午12点前 回电', null], // 12:00 has passed
    ['5:45 call back', '2026-03-10T17:45'],
  ])('%s', (text, local) => {
    expect(due(text)).toEqual(local === null ? null : at(local));
  });
});

describe('3. a passed time is refused, with the same wall time tomorrow as a suggestion', () => {
  it('一点 at 13:40 suggests tomorrow 13:00, not 01:00', () => {
    expect(read('一点 回电')).toEqual({ ok: false, reason: 'past', suggestion: at('2026-03-11T13:00') });
  });
  it('10:30 suggests tomorrow 10:30', () => {
    expect(read('10:30 call back')).toEqual({ ok: false, reason: 'past', suggestion: at('2026-03-11T10:30') });
  });
  it('晚上12点前 is midnight, not noon', () => {
    expect(due('晚上12点前 回电')).toEqual(at('2026-03-11T00:00'));
  });
  it('never moves a passed weekday time a week on', () => {
    expect(read('周二上午10点 回电')).toMatchObject({ ok: false, reason: 'past' });
  });
  it('more than 14 days ahead is refused', () => {
    expect(read('4月1日 回电')).toMatchObject({ ok: false, reason: 'too-far' });
  });
});

describe('4. a range means its end', () => {
  it.each([
    ['下午4点到5点 回电', '2026-03-10T17:00'],
    ['4-5pm call back', '2026-03-10T17:00'],
    ['between 2 and 3 call back', '2026-03-10T15:00'],
    ['4点到4点半 回电', '2026-03-10T16:30'],
    ['四五点 回电', '2026-03-10T17:00'],
    ['五六点 回电', '2026-03-10T18:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));
});

describe('5. 点钟/左右/前/by/around belong to the time, never to the note', () => {
  it.each([
    ['4点左右 回电', '2026-03-10T16:00'],
    ['6点以前 回电', '2026-03-10T18:00'],
    ['五点钟 回电', '2026-03-10T17:00'],
    ['by 4 call back', '2026-03-10T16:00'],
    ['before 6pm call back', '2026-03-10T18:00'],
    ['around 5 call back', '2026-03-10T17:00'],
  ])('%s', (text, local) => {
    expect(due(text)).toEqual(at(local));
    expect(noteOf(text)).toMatch(/^(回电|call back)$/);
  });
});

describe('6. only the leading phrase is time', () => {
  it.each([
    ['下午4点 2号柜 5521', '2026-03-10T16:00', '2号柜 5521'],
    ['5点 7号线 站台', '2026-03-10T17:00', '7号线 站台'],
    ['4点半 6楼 前台', '2026-03-10T16:30', '6楼 前台'],
    ['下午4点 后天的订单', '2026-03-10T16:00', '后天的订单'],
    ['5pm fri-sat plan', '2026-03-10T17:00', 'fri-sat plan'],
    ["4pm tomorrow's order", '2026-03-10T16:00', "tomorrow's order"],
    ['3pm sun deck booking', '2026-03-10T15:00', 'sun deck booking'],
    ['3pm May Lee refund', '2026-03-10T15:00', 'May Lee refund'],
    ['5点 前台回电', '2026-03-10T17:00', '前台回电'],
    ['4点 内容核对', '2026-03-10T16:00', '内容核对'],
    ['三點 5號櫃 回電', '2026-03-10T15:00', '5號櫃 回電'],
    ['tomorrow 3 parcels missing', '2026-03-11T18:00', '3 parcels missing'],
    ['Friday 2 refunds pending', '2026-03-13T18:00', '2 refunds pending'], // a count, not 14:00
    ['tomorrow 4 is fine', '2026-03-11T16:00', 'is fine'],
  ])('%s', (text, local, note) => {
    expect(due(text)).toEqual(at(local));
    expect(noteOf(text)).toBe(note);
  });
});

describe('6b. "some time after" is no time to promise', () => {
  it.each(['3点后 回电', '3点以后 回电', '4点多 回电'])('%s', (text) => expect(due(text)).toBeNull());
  it.each(['明天上班 回电', 'tomorrow sometime call back', 'Friday after lunch call back'])('%s: a start, not a deadline', (text) =>
    expect(due(text)).toBeNull());
  it.each(['明天一上班 回电', 'tomorrow first thing call back'])('%s: the start of the team day', (text) =>
    expect(due(text)).toEqual(at('2026-03-11T09:00')));
  it('"on" lets a date follow a clock time; without it the words are note', () => {
    expect(due('3pm on Mar 12 call back')).toEqual(at('2026-03-12T15:00'));
    expect(noteOf('3pm on hold ticket')).toBe('on hold ticket');
  });
  it('a numbered thing at the start is not a date', () => {
    expect(read('5號櫃 回電')).toMatchObject({ ok: false, reason: 'no-time' });
    expect(read('3号线 回电')).toMatchObject({ ok: false, reason: 'no-time' });
  });
});

describe('7. weekdays', () => {
  it.each([
    ['周四 回电', '2026-03-12T18:00'],
    ['星期四 回电', '2026-03-12T18:00'],
    ['禮拜四 回電', '2026-03-12T18:00'],
    ['Thursday call back', '2026-03-12T18:00'],
    ['next Thursday call back', '2026-03-12T18:00'],
    ['下周四 回电', '2026-03-19T18:00'],
    ['下周一上午10点 回电', '2026-03-16T10:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));
});

describe('8. vague phrases: the team day end, or a hint', () => {
  it.each([
    ['下班前 回电', '2026-03-10T18:00'],
    ['COB call back', '2026-03-10T18:00'],
    ['明天 回电', '2026-03-11T18:00'],
    ['明天下班前 回电', '2026-03-11T18:00'],
    ['后天 回电', '2026-03-12T18:00'],
    ['周五前 回电', '2026-03-13T18:00'],
    ['3个工作日内 回电', '2026-03-13T18:00'],
    ['within 4 business days call back', '2026-03-16T18:00'],
    ['明早 回电', '2026-03-11T12:00'],
    ['tomorrow morning call back', '2026-03-11T12:00'],
    ['this afternoon call back', '2026-03-10T18:00'],
    ['3月12日 回电', '2026-03-12T18:00'],
    ['Mar 12 call back', '2026-03-12T18:00'],
    ['3/12 call back', '2026-03-12T18:00'],
    ['12号 回电', '2026-03-12T18:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it.each([
    ['今晚 回电', 'evening'],
    ['tonight call back', 'evening'],
    ['尽快 回电', 'asap'],
    ['ASAP call back', 'asap'],
    ['下周 回电', 'next-week'],
    ['月底 回电', 'month-end'],
  ])('%s → hint %s', (text, hint) => {
    expect(read(text)).toEqual({ ok: false, reason: 'vague', hint });
  });

  it('follows TEAM_DAY_END and TEAM_WORKDAYS', () => {
    const teamDay = { dayStart: { hour: 9, minute: 0 }, dayEnd: { hour: 17, minute: 30 }, workdays: new Set([1, 2, 3, 4, 5, 6]) };
    expect(due('EOD call back', { teamDay })).toEqual(at('2026-03-10T17:30'));
    // Tue + 4 working days, Saturdays worked: Wed, Thu, Fri, Sat.
    expect(due('4个工作日内 回电', { teamDay })).toEqual(at('2026-03-14T17:30'));
    expect(due('4个工作日内 回电')).toEqual(at('2026-03-16T18:00'));
  });
});

describe('9. Traditional Chinese and full-width digits read like Simplified and ASCII', () => {
  it.each([
    ['明天下午３點 回電', '明天下午3点 回电'],
    ['兩個半小時後 回電', '两个半小时后 回电'],
    ['下週三 回電', '下周三 回电'],
    ['１６：３０ 回電', '16:30 回电'],
    ['晚上十二點前 回電', '晚上十二点前 回电'],
  ])('%s', (traditional, simplified) => {
    expect(due(traditional)).not.toBeNull();
    expect(due(traditional)).toEqual(due(simplified));
  });
});
