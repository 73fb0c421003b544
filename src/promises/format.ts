import type { Locale } from '../i18n/locale.js';
import type { Messages } from '../i18n/index.js';
import { isoDateIn, usableZone } from '../core/dates.js';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

/** Building a formatter costs far more than using one; reminders format many times a minute. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'clock' | 'date', locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${locale} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'clock' ? { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { timeZone, weekday: 'short', month: 'short', day: 'numeric' };
    f = new Intl.DateTimeFormat(intlLocale(locale), options);
    formatters.set(key, f);
  }
  return f;
}

/** 15:30 in the zone. */
export function clockTime(at: Date, timeZone: string, locale: Locale): string {
  return formatter('clock', locale, usableZone(timeZone)).format(at);
}

/**
 * "15:30 today"; any other day always with its weekday and date ("15:00 tomorrow, Thu 3 Dec",
 * "明天 12月3日周四 15:00", "Fri 5 Dec 18:00"), so a time read on a day the agent did not mean shows
 * at once. Always in the person's zone.
 */
export function dueLabel(at: Date, now: Date, zone: string, locale: Locale, m: Messages): string {
  // A record from an older version may name a zone this system lacks: show UTC rather than fail the list.
  const timeZone = usableZone(zone);
  const hm = clockTime(at, timeZone, locale);
  const day = isoDateIn(at, timeZone);
  if (day === isoDateIn(now, timeZone)) return m.promise.time.today(hm);
  const date = formatter('date', locale, timeZone).format(at);
  if (day === isoDateIn(new Date(now.getTime() + 86_400_000), timeZone)) return m.promise.time.tomorrow(hm, date);
  return `${date} ${hm}`;
}

export function percent(part: number, whole: number): string {
  return whole ? `${Math.round((100 * part) / whole)}%` : '–';
}

/** A span such as "25 min", "1 h 30 min", "2 d", rounded to the minute. */
export function spanLabel(ms: number, m: Messages): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return m.promise.time.minutes(minutes);
  if (minutes < 48 * 60) return m.promise.time.hours(Math.floor(minutes / 60), minutes % 60);
  return m.promise.time.days(Math.round(minutes / 1440));
}
