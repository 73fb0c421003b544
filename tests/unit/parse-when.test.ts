import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWhen, type WhenResult } from '../../src/promises/parse-when.js';

const MIN = 60_000;

function ok(result: WhenResult): Extract<WhenResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

// Friday 14 March 2025, 14:20:45 in Shanghai (UTC+8, no DST).
const SHANGHAI = { now: new Date('2025-03-14T14:20:45+08:00'), timeZone: 'Asia/Shanghai' };
const inShanghai = (text: string, maxAheadDays?: number) => parseWhen(text, { ...SHANGHAI, maxAheadDays });
const shanghaiNow = SHANGHAI.now.getTime();

describe('durations: now + duration, exactly', () => {
  it.each([
    ['30m 4411 refund check', 30, '30m', '4411 refund check'],
    ['30min 4411 refund check', 30, '30min', '4411 refund check'],
    ['30 mins 4411', 30, '30 mins', '4411'],
    ['2h call 4411 back', 120, '2h', 'call 4411 back'],
    ['2 hrs 4411', 120, '2 hrs', '4411'],
    ['1h30m 4411', 90, '1h30m', '4411'],
    ['1h 30m 4411', 90, '1h 30m', '4411'],
    ['1h30 4411', 90, '1h30', '4411'],
    ['1.5h 4411', 90, '1.5h', '4411'],
    ['1 hour 30 minutes 4411', 90, '1 hour 30 minutes', '4411'],
    ['90 minutes 4411', 90, '90 minutes', '4411'],
    ['in 2 hours call back', 120, 'in 2 hours', 'call back'],
    ['in 20 min 4411', 20, 'in 20 min', '4411'],
    ['In 20 Min 4411', 20, 'In 20 Min', '4411'],
    ['within 45 mins 4411', 45, 'within 45 mins', '4411'],
    ['in an hour 4411', 60, 'in an hour', '4411'],
    ['half an hour 4411', 30, 'half an hour', '4411'],
    ['2h 30 boxes missing', 120, '2h', '30 boxes missing'],
    ['30m, 4411 refund', 30, '30m', '4411 refund'],
    ['in an hour and a half 4411', 90, 'in an hour and a half', '4411'],
    ['30m later 4411', 30, '30m later', '4411'],
    ['半小时 查询快件', 30, '半小时', '查询快件'],
    ['半小时后 4411', 30, '半小时后', '4411'],
    ['半小时后查询快件', 30, '半小时后', '查询快件'],
    ['半个小时 4411', 30, '半个小时', '4411'],
    ['30分钟 4411', 30, '30分钟', '4411'],
    ['30分钟后 4411', 30, '30分钟后', '4411'],
    ['30分后 4411', 30, '30分后', '4411'],
    ['十五分钟后 4411', 15, '十五分钟后', '4411'],
    ['两小时后 回电 4411', 120, '两小时后', '回电 4411'],
    ['2小时 4411', 120, '2小时', '4411'],
    ['一个半小时 4411', 90, '一个半小时', '4411'],
    ['两个半钟头后 4411', 150, '两个半钟头后', '4411'],
    ['1小时30分钟后 4411', 90, '1小时30分钟后', '4411'],
    ['10分钟内回复 4411', 10, '10分钟内', '回复 4411'],
    ['一刻钟后 4411', 15, '一刻钟后', '4411'],
    ['兩個小時後 4411', 120, '兩個小時後', '4411'], // Traditional
    ['３０分钟 4411', 30, '３０分钟', '4411'], // full-width digits
    ['3天后 4411', 3 * 24 * 60, '3天后', '4411'],
    ['2 days 4411', 2 * 24 * 60, '2 days', '4411'],
  ])('%s', (text, minutes, when, note) => {
    const r = ok(inShanghai(text));
    expect(r.dueAt.getTime()).toBe(shanghaiNow + minutes * MIN);
    expect(r.when).toBe(when);
    expect(r.note).toBe(note);
  });
});

describe('clock times in Asia/Shanghai (now Fri 14:20:45)', () => {
  it.each([
    ['15:30 parcel 7731 call back', '2025-03-14T15:30', '15:30', 'parcel 7731 call back'],
    ['15:30 7731 call back', '2025-03-14T15:30', '15:30', '7731 call back'],
    ['14:21 4411', '2025-03-14T14:21', '14:21', '4411'],
    ['3pm 4411', '2025-03-14T15:00', '3pm', '4411'],
    ['3 pm 4411', '2025-03-14T15:00', '3 pm', '4411'],
    ['3:30 pm 4411', '2025-03-14T15:30', '3:30 pm', '4411'],
    ['3:30pm 12/5 order', '2025-03-14T15:30', '3:30pm', '12/5 order'],
    ['at 3pm 4411', '2025-03-14T15:00', 'at 3pm', '4411'],
    ['by 5pm 4411', '2025-03-14T17:00', 'by 5pm', '4411'],
    ['before 5pm 4411', '2025-03-14T17:00', 'before 5pm', '4411'],
    ['by tomorrow 10am 4411', '2025-03-15T10:00', 'by tomorrow 10am', '4411'],
    ['3pm May Chen refund', '2025-03-14T15:00', '3pm', 'May Chen refund'],
    ['3pm eat in order 4411', '2025-03-14T15:00', '3pm', 'eat in order 4411'], // not East Africa Time
    ['15:30 CST 4411', '2025-03-14T15:30', '15:30', 'CST 4411'], // China or US Central? the agent's zone
    ['3:30 4411', '2025-03-14T15:30', '3:30', '4411'], // 03:30 has passed: the afternoon is meant
    ['tomorrow 10am 4411', '2025-03-15T10:00', 'tomorrow 10am', '4411'],
    ['tomorrow 10 am 4411', '2025-03-15T10:00', 'tomorrow 10 am', '4411'],
    ['tomorrow at 9:15 4411 call', '2025-03-15T09:15', 'tomorrow at 9:15', '4411 call'],
    ['tomorrow at 9 4411', '2025-03-15T09:00', 'tomorrow at 9', '4411'],
    ['Tomorrow 10am 2024 order', '2025-03-15T10:00', 'Tomorrow 10am', '2024 order'],
    ['10am tomorrow 4411', '2025-03-15T10:00', '10am tomorrow', '4411'],
    ['friday 3pm 4411', '2025-03-14T15:00', 'friday 3pm', '4411'],
    ['monday 9am 4411', '2025-03-17T09:00', 'monday 9am', '4411'],
    ['noon tomorrow 4411', '2025-03-15T12:00', 'noon tomorrow', '4411'],
    ['明天上午10点 回电', '2025-03-15T10:00', '明天上午10点', '回电'],
    ['明天上午10点回电', '2025-03-15T10:00', '明天上午10点', '回电'],
    ['明天10点半 4411', '2025-03-15T10:30', '明天10点半', '4411'],
    ['明天9点 4411', '2025-03-15T09:00', '明天9点', '4411'],
    ['今天下午3点 4411', '2025-03-14T15:00', '今天下午3点', '4411'],
    ['下午三点 4411', '2025-03-14T15:00', '下午三点', '4411'],
    ['下午3点半 4411', '2025-03-14T15:30', '下午3点半', '4411'],
    ['下午3点 13800138000', '2025-03-14T15:00', '下午3点', '13800138000'],
    ['晚上8点 回电', '2025-03-14T20:00', '晚上8点', '回电'],
    ['下午3点前回电', '2025-03-14T15:00', '下午3点前', '回电'],
    ['明天上午10点之前 回电 4411', '2025-03-15T10:00', '明天上午10点之前', '回电 4411'],
    ['15点 4411', '2025-03-14T15:00', '15点', '4411'],
    ['3点 4411', '2025-03-14T15:00', '3点', '4411'],
    ['3点一刻 4411', '2025-03-14T15:15', '3点一刻', '4411'],
    ['15：30 4411', '2025-03-14T15:30', '15：30', '4411'],
    ['１５：３０ 4411', '2025-03-14T15:30', '１５：３０', '4411'],
    ['周五下午4点 4411', '2025-03-14T16:00', '周五下午4点', '4411'],
    ['下周五上午10点 4411', '2025-03-21T10:00', '下周五上午10点', '4411'],
    ['下周一上午10点 4411', '2025-03-17T10:00', '下周一上午10点', '4411'],
    ['明天上午10點 回電', '2025-03-15T10:00', '明天上午10點', '回電'], // Traditional
  ])('%s', (text, local, when, note) => {
    const r = ok(inShanghai(text));
    expect(r.dueAt).toEqual(new Date(`${local}:00+08:00`));
    expect(r.when).toBe(when);
    expect(r.note).toBe(note);
  });

  it('rounds clock times down to the minute', () => {
    expect(ok(inShanghai('14:21 x')).dueAt.getSeconds()).toBe(0);
    expect(ok(inShanghai('14:21 x')).dueAt.getMilliseconds()).toBe(0);
  });

  it('honours a zone typed with the time', () => {
    expect(ok(inShanghai('tomorrow 3pm UTC 4411')).dueAt).toEqual(new Date('2025-03-15T15:00:00Z'));
  });
});

describe('failures', () => {
  it.each([
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['refund 4411', 'no-time'],
    ['4411 refund tomorrow 3pm', 'no-time'],
    ['4411', 'no-time'],
    ['call back tomorrow 3pm', 'no-time'],
    ['friday 10am 4411', 'past'], // Friday is today; its 10am has passed and is not moved a week on
    ['周五上午10点 4411', 'past'],
    ['30m', 'no-note'],
    ['15:30   ', 'no-note'],
    ['明天上午10点', 'no-note'],
    ['in 2 hours , ', 'no-note'],
    ['0m 4411', 'past'],
    ['now 4411', 'vague'],
    ['in a few minutes 4411', 'vague'],
    ['yesterday 3pm 4411', 'vague'],
    ['15天后 4411', 'too-far'],
    ['20d 4411', 'too-far'],
    ['dec 5 3pm 4411', 'too-far'],
  ] as const)('%j → %s', (text, reason) => {
    const r = inShanghai(text);
    expect(r).toMatchObject({ ok: false, reason });
  });

  it('says which is missing first: the note, before a time that has passed', () => {
    expect(inShanghai('10:00')).toEqual({ ok: false, reason: 'no-note' });
  });

  it('a clock time that has passed today is not moved: tomorrow is only suggested', () => {
    expect(inShanghai('13:00 4411')).toEqual({ ok: false, reason: 'past', suggestion: new Date('2025-03-15T13:00:00+08:00') });
    expect(inShanghai('10:00 4411')).toEqual({ ok: false, reason: 'past', suggestion: new Date('2025-03-15T10:00:00+08:00') });
    expect(inShanghai('9am 4411')).toEqual({ ok: false, reason: 'past', suggestion: new Date('2025-03-15T09:00:00+08:00') });
    expect(inShanghai('上午9点 4411')).toEqual({ ok: false, reason: 'past', suggestion: new Date('2025-03-15T09:00:00+08:00') });
    expect(inShanghai('09:30 4411')).toEqual({ ok: false, reason: 'past', suggestion: new Date('2025-03-15T09:30:00+08:00') });
    expect(inShanghai('3am 4411')).toEqual({ ok: false, reason: 'past', suggestion: new Date('2025-03-15T03:00:00+08:00') });
  });

  it('the current minute is already past', () => {
    expect(inShanghai('14:20 4411')).toMatchObject({ ok: false, reason: 'past' });
  });

  it('a duration at or before now has no suggestion', () => {
    expect(inShanghai('0m 4411')).toEqual({ ok: false, reason: 'past' });
  });

  it('respects maxAheadDays', () => {
    expect(inShanghai('3天后 4411', 2)).toEqual({ ok: false, reason: 'too-far' });
    expect(ok(inShanghai('2天后 4411', 2)).note).toBe('4411');
    expect(inShanghai('tomorrow 3pm 4411', 1)).toEqual({ ok: false, reason: 'too-far' });
  });
});

describe('Europe/London', () => {
  const london = (now: string, text: string) => parseWhen(text, { now: new Date(now), timeZone: 'Europe/London' });

  it('reads clock times in GMT and BST', () => {
    expect(ok(london('2025-03-14T14:20:45Z', '15:30 parcel 7731')).dueAt).toEqual(new Date('2025-03-14T15:30:00Z'));
    expect(ok(london('2025-07-14T14:20:45+01:00', '15:30 parcel 7731')).dueAt).toEqual(new Date('2025-07-14T15:30:00+01:00'));
    expect(ok(london('2025-03-14T14:20:45Z', 'tomorrow 10am 4411')).dueAt).toEqual(new Date('2025-03-15T10:00:00Z'));
    expect(ok(london('2025-03-14T14:20:45Z', '30m 4411')).dueAt).toEqual(new Date('2025-03-14T14:50:45Z'));
  });

  describe('clocks go forward (Sun 30 March 2025, 01:00 GMT → 02:00 BST)', () => {
    it('tomorrow 10am is 10:00 BST, not 10:00 GMT', () => {
      expect(ok(london('2025-03-29T22:00:00Z', 'tomorrow 10am 4411')).dueAt).toEqual(new Date('2025-03-30T10:00:00+01:00'));
    });
    it('durations are elapsed time across the change', () => {
      expect(ok(london('2025-03-30T00:30:00Z', '2h 4411')).dueAt).toEqual(new Date('2025-03-30T02:30:00Z'));
    });
    it('a clock time after the change uses BST', () => {
      expect(ok(london('2025-03-30T00:30:00Z', '09:00 4411')).dueAt).toEqual(new Date('2025-03-30T09:00:00+01:00'));
    });
    it('a skipped time (01:30) is read as 02:30 BST', () => {
      expect(ok(london('2025-03-30T00:30:00Z', '01:30 4411')).dueAt).toEqual(new Date('2025-03-30T02:30:00+01:00'));
    });
  });

  describe('clocks go back (Sun 26 October 2025, 02:00 BST → 01:00 GMT)', () => {
    it('tomorrow 9am is 09:00 GMT', () => {
      expect(ok(london('2025-10-25T12:00:00Z', 'tomorrow 9am 4411')).dueAt).toEqual(new Date('2025-10-26T09:00:00Z'));
    });
    it('a repeated time (01:30) is the first one, in BST', () => {
      expect(ok(london('2025-10-25T23:10:00Z', '01:30 4411')).dueAt).toEqual(new Date('2025-10-26T01:30:00+01:00'));
    });
    it('the past-time suggestion is the same wall-clock time the next day', () => {
      expect(london('2025-10-25T12:00:00Z', '10:00 4411')).toEqual({
        ok: false,
        reason: 'past',
        suggestion: new Date('2025-10-26T10:00:00Z'),
      });
    });
  });
});

// The process zone must not matter: the same answers with the host in other zones.
describe.each(['America/Los_Angeles', 'Asia/Kolkata'])('host process in %s', (hostZone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = hostZone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('the host zone really changed', () => {
    expect(new Date('2025-03-14T12:00:00Z').getTimezoneOffset()).not.toBe(0);
  });

  it.each([
    ['15:30 parcel 7731', '2025-03-14T15:30:00+08:00'],
    ['3pm 4411', '2025-03-14T15:00:00+08:00'],
    ['tomorrow at 9:15 4411', '2025-03-15T09:15:00+08:00'],
    ['monday 10am 4411', '2025-03-17T10:00:00+08:00'],
    ['明天上午10点 回电', '2025-03-15T10:00:00+08:00'],
    ['下午三点 4411', '2025-03-14T15:00:00+08:00'],
    ['下周五上午10点 4411', '2025-03-21T10:00:00+08:00'],
    ['3点 4411', '2025-03-14T15:00:00+08:00'],
    ['in 2 hours 4411', '2025-03-14T16:20:45+08:00'],
    ['半小时后 4411', '2025-03-14T14:50:45+08:00'],
  ])('%s', (text, due) => {
    expect(ok(inShanghai(text)).dueAt).toEqual(new Date(due));
  });

  it('London DST day', () => {
    const r = parseWhen('tomorrow 10am 4411', { now: new Date('2025-03-29T22:00:00Z'), timeZone: 'Europe/London' });
    expect(ok(r).dueAt).toEqual(new Date('2025-03-30T09:00:00Z'));
  });

  it('past time', () => {
    expect(inShanghai('10:00 4411')).toEqual({ ok: false, reason: 'past', suggestion: new Date('2025-03-15T10:00:00+08:00') });
  });
});

describe('input it must survive', () => {
  it.each([
    ['30m 4411 \u0000\u0007 refund'],
    ['\uD800 30m'],
    ['30m \uDC00 4411'],
    ['🙂 30m 4411'],
    ['30m 🙂'],
    ['x'.repeat(100_000)],
    [`30m ${'4411 '.repeat(20_000)}`],
    ['\u200B30m 4411'],
  ])('%#', (text) => {
    expect(() => parseWhen(text, SHANGHAI)).not.toThrow();
  });

  it('keeps all of a long note', () => {
    const note = `4411 ${'refund '.repeat(1000)}done`;
    expect(ok(inShanghai(`30m ${note}`)).note).toBe(note);
  });
});
