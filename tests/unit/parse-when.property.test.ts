import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/promises/parse-when.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const REASONS = ['empty', 'no-time', 'no-note', 'past', 'too-far'];

const zones = fc.constantFrom(
  'UTC',
  'Asia/Shanghai',
  'Europe/London',
  'America/New_York',
  'America/St_Johns', // UTC−3:30 with DST
  'Asia/Kathmandu', // UTC+5:45
  'Australia/Lord_Howe', // 30-minute DST
  'Pacific/Kiritimati', // UTC+14
  'Pacific/Pago_Pago', // UTC−11
);
const nows = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const maxAheadDays = fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined });

/** Time words agents type, so that arbitrary tails also get exercised behind a real time. */
const timeWords = fc.constantFrom(
  '30m', '2h', '1h30m', 'in 2 hours', '90 minutes', '15:30', '3pm', '3:30 pm', 'tomorrow 10am', 'tomorrow at 9:15',
  'friday 10am', 'by 5pm', '半小时', '半小时后', '30分钟后', '两小时后', '一个半小时', '明天上午10点', '明天10点半',
  '今天下午3点', '下午三点', '15点', '15：30', '周五上午10点', '3天后', '0m', '20d', '',
);
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }), // lone surrogates, control characters
  fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '1', '5', ':', '：', '点', '半', '小时', '后', 'm', 'h', 'pm', '明天', '下午', 'in', 'tomorrow', '#', '🙂'), maxLength: 30 }),
  fc.tuple(timeWords, fc.constantFrom(' ', '', '  ', ', '), fc.string({ unit: 'grapheme', maxLength: 40 })).map(([t, sep, tail]) => t + sep + tail),
);

describe('parseWhen properties', () => {
  it('never throws, and every answer keeps its promises', () => {
    fc.assert(
      fc.property(anyText, nows, zones, maxAheadDays, (text, now, timeZone, max) => {
        const r = parseWhen(text, { now, timeZone, maxAheadDays: max });
        if (!r.ok) {
          expect(REASONS).toContain(r.reason);
          if (r.suggestion) {
            expect(r.reason).toBe('past');
            expect(r.suggestion.getTime()).toBeGreaterThan(now.getTime());
          }
          if (r.reason === 'empty') expect(text.trim()).toBe('');
          return;
        }
        expect(r.dueAt.getTime()).toBeGreaterThan(now.getTime());
        expect(r.dueAt.getTime()).toBeLessThanOrEqual(now.getTime() + (max ?? 14) * DAY);
        expect(r.note.length).toBeGreaterThan(0);
        expect(r.note).toBe(r.note.trim());
        expect(text.trim().endsWith(r.note)).toBe(true);
        expect(r.when.length).toBeGreaterThan(0);
        expect(text.trimStart().startsWith(r.when)).toBe(true);
        // The time words and the note do not overlap.
        expect(r.when.length + r.note.length).toBeLessThanOrEqual(text.trim().length);
      }),
      { numRuns: 500 },
    );
  });

  const safeNote = fc
    .tuple(
      fc.oneof(fc.stringMatching(/^#?\d{1,12}$/), fc.constantFrom('订单', '客户', 'Refund', 'ZX-77')),
      fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((w) => w.trim() === w && !/\s/.test(w)), { maxLength: 6 }),
    )
    .map(([ref, words]) => [ref, ...words].join(' '));

  it('`<n>m <note>` is now + n minutes, with the note kept exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), safeNote, nows, zones, (n, note, now, timeZone) => {
        const r = parseWhen(`${n}m ${note}`, { now, timeZone });
        expect(r).toEqual({ ok: true, dueAt: new Date(now.getTime() + n * MIN), when: `${n}m`, note });
      }),
      { numRuns: 300 },
    );
  });

  it('`<HH:MM> <note>` is that wall-clock time today in the zone, or past with the same time tomorrow', () => {
    const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));
    // Zones whose offset does not change, so every wall-clock time exists exactly once.
    const fixedZones = fc.constantFrom('UTC', 'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'America/Phoenix');
    fc.assert(
      fc.property(clock, nows, fixedZones, ([h, m], now, timeZone) => {
        const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const r = parseWhen(`${hhmm} 4411 call back`, { now, timeZone });
        const wall = (d: Date) =>
          new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);
        const today = wall(now).slice(0, 10);
        if (r.ok) {
          expect(wall(r.dueAt)).toBe(`${today}, ${hhmm}`);
          expect(r.dueAt.getTime() % MIN).toBe(0);
          expect(r.note).toBe('4411 call back');
        } else {
          expect(r.reason).toBe('past');
          expect(r.suggestion).toBeDefined();
          expect(wall(r.suggestion!).slice(-5)).toBe(hhmm);
          expect(r.suggestion!.getTime() - now.getTime()).toBeLessThanOrEqual(DAY);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('team time rules as properties', () => {
  const wallHour = (d: Date, timeZone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(d));
  const days = fc.constantFrom('明天', '后天', '周五', '下周二', '星期三', '禮拜四', 'tomorrow at', 'Friday at', 'next Monday at', '');
  const now = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true });

  it('a bare hour 1–7 is the afternoon on any day', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 7 }), now, (day, hour, at) => {
        const english = /[a-z]/i.test(day) || day === '';
        const text = english && day ? `${day} ${hour} call back` : `${day}${hour}点 回电`;
        const r = parseWhen(text, { now: at, timeZone: 'Asia/Shanghai' });
        if (r.ok) expect(wallHour(r.dueAt, 'Asia/Shanghai')).toBe(hour + 12);
        else expect(['past', 'too-far']).toContain(r.reason);
      }),
      { numRuns: 300 },
    );
  });

  it('the note is never shortened by a number after a Chinese clock time', () => {
    const counters = fc.constantFrom('号包裹', '号线', '楼', '号柜', '號櫃', '号门');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 99 }), counters, (hour, n, counter) => {
        const note = `${n}${counter} 7731`;
        const r = parseWhen(`下午${hour}点 ${note}`, { now: new Date('2026-12-02T09:00:00+08:00'), timeZone: 'Asia/Shanghai' });
        expect(r).toMatchObject({ ok: true, note });
        if (r.ok) expect(wallHour(r.dueAt, 'Asia/Shanghai')).toBe(hour + 12);
      }),
      { numRuns: 200 },
    );
  });
});
