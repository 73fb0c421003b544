import { describe, expect, it } from 'vitest';
import { at, due, noTime, read } from '../helpers/read-when.js';

// Round-14 findings (tests/fixtures/time-eval/*.dev13.yaml): slips typed at speed in time words, the
// week's end said as 本周内 / "before the weekend", 24-hour "hrs", and Tagalog day words. Now:
// Wednesday 2 December 2026, 14:10 in Shanghai; the team works 09:00–18:00, Monday to Friday.

describe('Chinese slips in time words are read where the characters around them make a time word', () => {
  it.each([
    ['两个消时后 回电', '2026-12-02T16:10'],
    ['一个半小是 回电', '2026-12-02T15:40'],
    ['半晓失内 回电', '2026-12-02T14:40'],
    ['四十分种内 回电', '2026-12-02T14:50'],
    ['二十分中后 回电', '2026-12-02T14:30'],
    ['下五5点半 回电', '2026-12-02T17:30'],
    ['明天上五10点 回电', '2026-12-03T10:00'],
    ['下午四典 回电', '2026-12-02T16:00'],
    ['明天9典半 回电', '2026-12-03T09:30'],
    ['星期叁 回电', '2026-12-02T18:00'],
    ['下礼拜伍 回电', '2026-12-11T18:00'],
    ['禮拜陸下午2點 回電', '2026-12-05T14:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it.each([
    ['伍先生 回电'],
    ['周伍 回电'],
    ['两小事 稍后处理'],
    ['十分中意 这款'],
    ['下五单 退货'],
    ['典当行 3点'],
    ['小时工 回电'],
  ])('%s stays a note, not a time', (text) => expect(read(text)).toEqual(noTime));

  it('the note keeps the characters as typed', () => {
    expect(read('下午3点 伍先生 退款')).toMatchObject({ ok: true, dueAt: at('2026-12-02T15:00'), note: '伍先生 退款' });
    expect(read('半消失內 回電 0912')).toMatchObject({ ok: true, dueAt: at('2026-12-02T14:40'), when: '半消失內', note: '回電 0912' });
  });
});

describe('English slips: one letter off or two swapped, first letter right, five letters or more', () => {
  it.each([
    ['wtihin 2 hours call back', '2026-12-02T16:10'],
    ['in 45 mintues call back', '2026-12-02T14:55'],
    ['tomorrwo 10am call back', '2026-12-03T10:00'],
    ['by thursdya call back', '2026-12-03T18:00'],
    ['Frisay 2pm call back', '2026-12-04T14:00'],
    ['end of teh business day call back', '2026-12-02T18:00'],
    ['tomorrow mprning call back', '2026-12-03T12:00'],
    ['2pm Firday call back', '2026-12-04T14:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it('keeps the words as typed in the answer and the note', () => {
    expect(read('Wihtin 2 hrs: call back')).toMatchObject({ ok: true, when: 'Wihtin 2 hrs', note: 'call back' });
  });

  it.each([
    ['3pm sundry items to ship', '2026-12-02T15:00', 'sundry items to ship'],
    ['4pm sundae voucher', '2026-12-02T16:00', 'sundae voucher'],
    ['5pm toady remark complaint', '2026-12-02T17:00', 'toady remark complaint'],
  ])('%s: a real word one slip from a day stays in the note', (text, local, note) => {
    expect(read(text)).toMatchObject({ ok: true, dueAt: at(local), note });
  });

  it.each([['wording of the refund letter'], ['Frida Chen callback'], ['Fridays only promo'], ['minuses on the bill']])(
    '%s is no time',
    (text) => expect(read(text)).toEqual(noTime),
  );
});

describe('within this week / before the weekend: the day end of the week’s last working day (rule 7b)', () => {
  it.each([
    ['这个星期内 回复', '2026-12-04T18:00'],
    ['本礼拜之内 回复', '2026-12-04T18:00'],
    ['周末前 回复', '2026-12-04T18:00'],
    ['最晚本週內 回覆', '2026-12-04T18:00'],
    ['ahead of the weekend call back', '2026-12-04T18:00'],
    ['within the week call back', '2026-12-04T18:00'],
    ['by end of the week call back', '2026-12-04T18:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it('said on the Friday itself, it is that evening', () => {
    expect(due('by the weekend call back', { now: at('2026-12-04T10:00') })).toEqual(at('2026-12-04T18:00'));
  });

  it('said on a Sunday, this week’s last working day has passed: refused, never moved on a week', () => {
    expect(read('这周内 回复', { now: at('2026-12-06T11:00') })).toEqual({ ok: false, reason: 'past' });
  });

  it('follows the team’s working days', () => {
    const teamDay = { dayStart: { hour: 9, minute: 0 }, dayEnd: { hour: 18, minute: 0 }, workdays: new Set([1, 2, 3, 4, 5, 6]) };
    expect(due('本周内 回复', { teamDay })).toEqual(at('2026-12-05T18:00'));
  });

  it.each([['本周内3点 回复'], ['before the weekend 3pm call back'], ['本周 回复'], ['this week call back'], ['周末 回复'], ['本周内容 更新']])(
    '%s: no time is made up',
    (text) => expect(read(text).ok).toBe(false),
  );
});

describe('four digits said in hours, and Tagalog day words', () => {
  it.each([
    ['1745 hrs call back', '2026-12-02T17:45'],
    ['0830 hours tomorrow call back', '2026-12-03T08:30'],
    ['bukas 9am call back', '2026-12-03T09:00'],
    ['bukas 4 call back', '2026-12-03T16:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it.each([['1530 parcels to recheck'], ['order 1530 hrs'], ['2560 hrs call back'], ['bukas call back'], ['bukas na yung ticket']])(
    '%s is no time',
    (text) => expect(read(text)).toEqual(noTime),
  );

  it('mamaya (later) gets the hint, not a guess', () => {
    expect(read('mamaya call back')).toEqual({ ok: false, reason: 'vague', hint: 'later' });
  });
});

describe('a bare number before a note word is not an hour', () => {
  // "6 callback" may be six o'clock; "2 refund pending" is two refunds. Only at/by/around, a day
  // before it, or am/pm make a bare number an hour.
  it.each([['6 callback re refund'], ['2 refund pending'], ['5 return label']])('%s', (text) => expect(read(text)).toEqual(noTime));
});
