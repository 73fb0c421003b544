/** Wall clock ↔ instant in an IANA zone, with Intl only. */

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export type CalendarDay = Pick<Wall, 'year' | 'month' | 'day'>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallAt(instant: number, timeZone: string): Wall {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of f.formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof Wall] = Number(part.value);
  }
  return wall;
}

/** The zone's offset from UTC at an instant, in ms (whole minutes; no zone has had seconds since 1972). */
export function offsetAt(instant: number, timeZone: string): number {
  const w = wallAt(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(instant / MINUTE) * MINUTE;
}

/**
 * The instant a wall-clock time names in a zone; hour 24 is midnight at the end of that day. A time
 * repeated when clocks go back is the earlier one; a time skipped when they go forward is read with
 * the offset from before the jump (01:30 on the London spring-forward day is 02:30 BST).
 */
export function instantOf(w: Wall, timeZone: string): Date {
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const valid = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  return new Date(valid.length ? Math.min(...valid) : wall - before);
}

/** The calendar day `days` after `day` (negative: before). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() || 7;
}

/** Whether the day exists (no 31 April). */
export function isRealDay(day: CalendarDay): boolean {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return d.getUTCFullYear() === day.year && d.getUTCMonth() + 1 === day.month && d.getUTCDate() === day.day;
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** "2025-03-14T15:00:00+08:00": the instant written with the zone's offset at that instant. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const w = wallAt(instant.getTime(), timeZone);
  const offset = Math.round(offsetAt(instant.getTime(), timeZone) / MINUTE);
  const seconds = new Date(instant.getTime()).getUTCSeconds();
  const p = (n: number, len = 2) => String(n).padStart(len, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}:${p(seconds)}${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)}`;
}
