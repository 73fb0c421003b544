import { describe, expect, it } from 'vitest';
import { at, due, noTime, read } from '../helpers/read-when.js';

// Round-14 second pass (tests/fixtures/time-eval/*.dev14.yaml, a code-blind writer's Chinese set):
// 差 said after the hour, weekdays of this calendar week that have passed, a part of the day that
// describes the note, counts after a date, and colloquial counts (个把, 俩, 仨, 十来). Now: Wednesday
// 2 December 2026, 14:10 in Shanghai; the team works 09:00–18:00, Monday to Friday.
const SUNDAY = { now: at('2026-12-06T10:30') };

describe('差: minutes short of the hour, before or after it', () => {
  it.each([
    ['五点差五分 回电', '2026-12-02T16:55'],
    ['下午六点差一刻 回电', '2026-12-02T17:45'],
    ['5点差20分钟 回访', '2026-12-02T16:40'],
    ['差一刻六点 回电', '2026-12-02T17:45'],
    ['差10分5点 回电', '2026-12-02T16:50'],
    ['明天九点差十分 回电', '2026-12-03T08:50'],
    ['明天差五分十点 回电', '2026-12-03T09:55'],
    ['晚上12点差一刻 回电', '2026-12-02T23:45'],
    ['六點差五分 回電', '2026-12-02T17:55'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it('the hour is read first, then the minutes taken off: ten to eight tomorrow is 07:50, not 19:50', () => {
    expect(due('明天八点差十分 回电')).toEqual(at('2026-12-03T07:50'));
    expect(due('明天差十分八点 回电')).toEqual(at('2026-12-03T07:50'));
  });

  it('short of an hour that has passed is refused, not moved on', () => {
    expect(read('两点差五分 回电').ok).toBe(false);
  });

  it.each([['5点差10 回电'], ['五点半差五分 回电'], ['3点到5点差十分 回电'], ['0点差十分 回电'], ['5点差些 回电']])(
    '%s: a 差 that cannot be read is never dropped silently',
    (text) => expect(read(text).ok).toBe(false),
  );

  it.each([
    ['5点差评 回访', '差评 回访'],
    ['5点差价退款', '差价退款'],
    ['5点 差3单未发', '差3单未发'],
  ])('%s: 差 as a word of the note stays note', (text, note) => {
    expect(read(text)).toMatchObject({ ok: true, dueAt: at('2026-12-02T17:00'), note });
  });
});

describe('a weekday of this calendar week (这周X, 本周X, this X) that has passed is refused, never moved a week on', () => {
  it.each([['这周二 回复'], ['本周一 回复'], ['这个星期二 回复'], ['这礼拜一下午3点 回复'], ['這週二 回覆']])('%s on a Wednesday', (text) => {
    expect(read(text)).toEqual({ ok: false, reason: 'past' });
  });

  it.each([['这周四 回复', '2026-12-03T18:00'], ['本周三 回复', '2026-12-02T18:00'], ['这星期六上午 回复', '2026-12-05T12:00']])(
    '%s: still ahead this week',
    (text, local) => expect(due(text)).toEqual(at(local)),
  );

  it('on a Sunday, this week’s Thursday has passed; a bare 周四 is the coming one', () => {
    expect(read('这周四 回复', SUNDAY)).toEqual({ ok: false, reason: 'past' });
    expect(read('本礼拜四 回复', SUNDAY)).toEqual({ ok: false, reason: 'past' });
    expect(due('周四 回复', SUNDAY)).toEqual(at('2026-12-10T18:00'));
    expect(due('这周日 回复', SUNDAY)).toEqual(at('2026-12-06T18:00'));
  });

  it('English "this <weekday>" looks ahead, as rule 6 reads a weekday: said of a reply, it is the coming one', () => {
    const ny = { timeZone: 'America/New_York', now: new Date('2026-12-02T14:10:00-05:00') };
    expect(read('this Tuesday call back', ny)).toMatchObject({ ok: true, dueAt: new Date('2026-12-08T18:00:00-05:00') });
    expect(read('this Thursday call back', ny)).toMatchObject({ ok: true, dueAt: new Date('2026-12-03T18:00:00-05:00') });
    expect(read('this coming Tuesday call back', ny)).toMatchObject({ ok: true, dueAt: new Date('2026-12-08T18:00:00-05:00') });
  });
});

describe('下下周X: the week after next, within the 14 days', () => {
  it.each([
    ['下下周二 回访', '2026-12-15T18:00'],
    ['下下个礼拜一上午 回访', '2026-12-14T12:00'],
    ['下下星期一10点 回访', '2026-12-14T10:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it('further than 14 days is refused', () => {
    expect(read('下下周五 回访')).toEqual({ ok: false, reason: 'too-far' });
  });
});

describe('a part of the day followed by 那/这/的 describes the note, not the time', () => {
  it.each([
    ['周五 下午那位投诉的先生', '2026-12-04T18:00', '周五', '下午那位投诉的先生'],
    ['明天 早上的工单再跟一下', '2026-12-03T18:00', '明天', '早上的工单再跟一下'],
    ['后天上午这个退款', '2026-12-04T18:00', '后天', '上午这个退款'],
  ])('%s', (text, local, when, note) => {
    expect(read(text)).toMatchObject({ ok: true, dueAt: at(local), when, note });
  });

  it.each([
    ['明天上午 这个客户回电', '2026-12-03T12:00', '这个客户回电'],
    ['明天上午这边回电', '2026-12-03T12:00', '这边回电'],
    ['明天下午的时候 回电', '2026-12-03T18:00', '回电'],
  ])('%s: with a space, a place word or 的时候 the part of day is still the time', (text, local, note) => {
    expect(read(text)).toMatchObject({ ok: true, dueAt: at(local), note });
  });

  it.each([['下午那单退款 跟进'], ['今早那个客户 回电'], ['明天这个点 回电'], ['明天下午这个时候 回电']])('%s: no time is made up', (text) => {
    expect(read(text).ok).toBe(false);
  });
});

describe('a number and a measure word after a day is a count in the note, not an hour', () => {
  it.each([
    ['8号 3件衣服换货', '2026-12-08T18:00', '3件衣服换货'],
    ['周四 2台空调上门', '2026-12-03T18:00', '2台空调上门'],
    ['明天 5单加急', '2026-12-03T18:00', '5单加急'],
    ['tomorrow 4袋 重新寄', '2026-12-03T18:00', '4袋 重新寄'],
    ['12月9日 6位客户回访', '2026-12-09T18:00', '6位客户回访'],
  ])('%s', (text, local, note) => expect(read(text)).toMatchObject({ ok: true, dueAt: at(local), note }));

  it('an hour with 点 after a date is still read', () => {
    expect(due('8号 3点 回电')).toEqual(at('2026-12-08T15:00'));
  });
});

describe('colloquial counts of hours and minutes', () => {
  it.each([
    ['个把钟头 回电', '2026-12-02T15:10'],
    ['個把小時內 回電', '2026-12-02T15:10'],
    ['俩钟头后 回电', '2026-12-02T16:10'],
    ['倆小時內 回電', '2026-12-02T16:10'],
    ['仨小时后 回电', '2026-12-02T17:10'],
    ['二十来分钟 回电', '2026-12-02T14:30'],
    ['10来分钟内 回电', '2026-12-02T14:20'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it.each([['个把月 再说'], ['三来分钟 回电'], ['俩人 回电'], ['十多分钟 回电']])('%s: no time', (text) => expect(read(text).ok).toBe(false));
});

describe('ranges of days and dates are their end, at the day end', () => {
  it.each([
    ['1到2天 回复', '2026-12-04T18:00'],
    ['3-4天内 回复', '2026-12-06T18:00'],
    ['三四天内 回复', '2026-12-06T18:00'],
    ['2到3个工作日 回复', '2026-12-07T18:00'],
    ['12月7到8日 回复', '2026-12-08T18:00'],
    ['9号到10号 回复', '2026-12-10T18:00'],
    ['within 1-2 days call back', '2026-12-04T18:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it.each([['三四天 再说'], ['3到2天 回复']])('%s: no day said', (text) => expect(read(text).ok).toBe(false));
});

describe('slips: 电 for 点 after a number, 名天 for 明天', () => {
  it.each([
    ['5电 回电', '2026-12-02T17:00'],
    ['明天十电半 回电', '2026-12-03T10:30'],
    ['4电前 回电', '2026-12-02T16:00'],
    ['名天上午 回电', '2026-12-03T12:00'],
  ])('%s', (text, local) => expect(due(text)).toEqual(at(local)));

  it('the note and the echo keep what was typed', () => {
    expect(read('名天4电 回电')).toMatchObject({ ok: true, when: '名天4电', note: '回电', dueAt: at('2026-12-03T16:00') });
  });

  it.each([['2电话 回访'], ['3电池 换货'], ['5电脑 报修']])('%s stays a note', (text) => expect(read(text)).toEqual(noTime));
});
