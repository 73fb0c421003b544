import { describe, expect, it } from 'vitest';
import type { TimestampDigest } from 'graphile-worker';
import { zonedCronMatcher } from '../../src/jobs/zoned-cron.js';

function digestOf(iso: string): TimestampDigest {
  const t = new Date(iso);
  return { min: t.getUTCMinutes(), hour: t.getUTCHours(), date: t.getUTCDate(), month: t.getUTCMonth() + 1, dow: t.getUTCDay() };
}

describe('the digest schedule, matched in the team\'s zone', () => {
  const now = () => Date.parse('2026-03-02T06:00:00Z');

  it('08:00 and 16:00 in Shanghai are 00:00 and 08:00 UTC', () => {
    const match = zonedCronMatcher('0 8,16 * * *', 'Asia/Shanghai', now);
    expect(match(digestOf('2026-03-02T00:00:00Z'))).toBe(true);
    expect(match(digestOf('2026-03-02T08:00:00Z'))).toBe(true);
    expect(match(digestOf('2026-03-02T16:00:00Z'))).toBe(false);
    expect(match(digestOf('2026-03-02T00:01:00Z'))).toBe(false);
  });

  it('weekdays are the zone\'s: Monday 08:00 in Shanghai is Sunday in UTC', () => {
    const match = zonedCronMatcher('0 8 * * 1', 'Asia/Shanghai', now);
    expect(match(digestOf('2026-03-02T00:00:00Z'))).toBe(true); // Mon 08:00 +08
    expect(match(digestOf('2026-03-03T00:00:00Z'))).toBe(false); // Tue 08:00 +08
  });

  it('follows daylight saving: 08:00 in London is 08:00 UTC in winter, 07:00 UTC in summer', () => {
    const winter = zonedCronMatcher('0 8 * * *', 'Europe/London', () => Date.parse('2026-01-15T06:00:00Z'));
    expect(winter(digestOf('2026-01-15T08:00:00Z'))).toBe(true);
    const summer = zonedCronMatcher('0 8 * * *', 'Europe/London', () => Date.parse('2026-07-15T06:00:00Z'));
    expect(summer(digestOf('2026-07-15T07:00:00Z'))).toBe(true);
    expect(summer(digestOf('2026-07-15T08:00:00Z'))).toBe(false);
  });

  it('a pattern with seconds is refused with a line saying what to write', () => {
    expect(() => zonedCronMatcher('0 0 8 * * *', 'UTC')).toThrow(/five fields/);
  });
});
