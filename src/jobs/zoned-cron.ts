import { parseCronItems, type CronMatcher, type TimestampDigest } from 'graphile-worker';
import { offsetMinutes } from '../core/dates.js';

/**
 * graphile-worker matches cron patterns in UTC; the digest's pattern is in the team's zone (as
 * node-cron ran it). This matcher moves each UTC minute graphile-worker asks about into the zone
 * and matches the pattern there. The digest carries no year, so it is the year that puts the
 * minute nearest to now (cron asks about now and at most a short backfill before it).
 */
export function zonedCronMatcher(pattern: string, timeZone: string, now: () => number = Date.now): CronMatcher {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${pattern}": with DATABASE_URL the digest schedule takes five fields (minute hour day month weekday), no seconds`);
  const [item] = parseCronItems([{ task: 'zoned', match: fields.join(' '), identifier: 'zoned' }]);
  const matchesLocal = item!.match;
  return (utc: TimestampDigest) => matchesLocal(localDigest(instantOf(utc, now()), timeZone));
}

function instantOf(d: TimestampDigest, now: number): Date {
  const year = new Date(now).getUTCFullYear();
  const candidates = [year - 1, year, year + 1].map((y) => Date.UTC(y, d.month - 1, d.date, d.hour, d.min));
  return new Date(candidates.reduce((best, t) => (Math.abs(t - now) < Math.abs(best - now) ? t : best)));
}

function localDigest(instant: Date, timeZone: string): TimestampDigest {
  const local = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return { min: local.getUTCMinutes(), hour: local.getUTCHours(), date: local.getUTCDate(), month: local.getUTCMonth() + 1, dow: local.getUTCDay() };
}
