import type { ClockRef, DayRef, Part, Reading, VagueHint } from './grammar.js';
import type { TeamDay } from './team-day.js';
import { addDays, compareDays, instantOf, isoWeekday, isRealDay, wallAt, type CalendarDay } from './zoned.js';

export type Resolved =
  | { kind: 'at'; dueAt: Date; /** set when no day was named: the wall-clock time, to suggest for tomorrow if it has passed */ todayClock?: { hour: number; minute: number } }
  | { kind: 'vague'; hint: VagueHint }
  | { kind: 'none' };

/** What a reading means at `now` in `timeZone` under the team's working day. */
export function resolve(reading: Reading, now: Date, timeZone: string, team: TeamDay): Resolved {
  if (reading.kind === 'duration') return { kind: 'at', dueAt: new Date(now.getTime() + Math.round(reading.ms)) };
  if (reading.kind === 'vague') return { kind: 'vague', hint: reading.hint };

  const zone = reading.utc ? 'UTC' : timeZone;
  const today = wallAt(now.getTime(), zone);
  const day = dayOf(reading.day, today, team);
  if (!day) return { kind: 'none' };

  let time: { hour: number; minute: number };
  if (reading.clock) {
    const hour = hourOf(reading.clock, reading.part, reading.rangeStart);
    if (hour === null) return { kind: 'vague', hint: 'night' };
    time = { hour, minute: reading.clock.minute };
    if (reading.clock.short) {
      // 差十分四点: ten minutes before the hour read (0点差十分 is the day before: not read).
      const minutes = hour * 60 + time.minute - reading.clock.short;
      if (minutes < 0) return { kind: 'none' };
      time = { hour: Math.floor(minutes / 60), minute: minutes % 60 };
    }
  } else if (reading.part === 'first-thing') {
    time = team.dayStart;
  } else if (reading.part === 'morning' || reading.part === 'noon') {
    // "this morning", 明早: by noon.
    time = { hour: 12, minute: 0 };
  } else if (reading.part === 'evening' || reading.part === 'night' || reading.part === 'small-hours') {
    return { kind: 'vague', hint: reading.part === 'evening' ? 'evening' : 'night' };
  } else {
    // A day, 下班前, EOD, 下午: the end of the team's working day.
    time = team.dayEnd;
  }
  const dueAt = instantOf({ ...day, ...time }, zone);
  const dayNamed = reading.day && !(reading.day.kind === 'offset' && reading.day.days === 0);
  return dayNamed || reading.utc ? { kind: 'at', dueAt } : { kind: 'at', dueAt, todayClock: time };
}

function dayOf(ref: DayRef | undefined, today: CalendarDay, team: TeamDay): CalendarDay | null {
  if (!ref) return today;
  switch (ref.kind) {
    case 'offset':
      return addDays(today, ref.days);
    case 'weekday': {
      const weekday = isoWeekday(today);
      // 'this' may lie behind today (这周一 said on a Wednesday): then the time is refused as past, never moved a week on.
      const ahead =
        ref.week === 'this' ? ref.iso - weekday
        : ref.week === 'next' ? 7 - weekday + ref.iso
        : ref.week === 'after-next' ? 14 - weekday + ref.iso
        : ref.week === 'after-today' ? (ref.iso - weekday + 7) % 7 || 7
        : (ref.iso - weekday + 7) % 7;
      return addDays(today, ahead);
    }
    case 'date': {
      if (ref.month === undefined) {
        // "5号": this month's 5th, or next month's once it has passed.
        let candidate = { year: today.year, month: today.month, day: ref.day };
        if (isRealDay(candidate) && compareDays(candidate, today) < 0) {
          const next = today.month === 12 ? { year: today.year + 1, month: 1 } : { year: today.year, month: today.month + 1 };
          candidate = { ...next, day: ref.day };
        }
        return isRealDay(candidate) ? candidate : null;
      }
      let candidate = { year: ref.year ?? today.year, month: ref.month, day: ref.day };
      if (!isRealDay(candidate)) return null;
      if (ref.year === undefined && compareDays(candidate, today) < 0) candidate = { ...candidate, year: today.year + 1 };
      return isRealDay(candidate) ? candidate : null;
    }
    case 'this-week': {
      // The week's last working day, even when it has passed (then the time is refused as past).
      const weekday = isoWeekday(today);
      for (let iso = 7; iso >= 1; iso--) if (team.workdays.has(iso)) return addDays(today, iso - weekday);
      return null;
    }
    case 'workdays': {
      let day = today;
      for (let counted = 0, steps = 0; counted < ref.count && steps < 366; steps++) {
        day = addDays(day, 1);
        if (team.workdays.has(isoWeekday(day))) counted++;
      }
      return day;
    }
  }
}

/**
 * The hour on the 24-hour clock (24 = midnight at the end of the day), or null when the words do
 * not settle it (晚上3点: 03:00 or 15:00?). A bare 1–7 is the afternoon, 8–12 the daytime hour.
 */
export function hourOf(clock: ClockRef, part: Part | undefined, rangeStart?: ClockRef): number | null {
  const end = hourAlone(clock, part);
  if (end === null || !rangeStart) return end;
  const start = hourAlone(rangeStart, part);
  // "11到1点", "七八点": the end comes after the start.
  if (start !== null && end <= start && end + 12 <= 24 && !clock.fixed && !clock.meridiem) return end + 12;
  return end;
}

function hourAlone(clock: ClockRef, part: Part | undefined): number | null {
  const h = clock.hour;
  if (clock.meridiem === 'am') return h === 12 ? 24 : h;
  if (clock.meridiem === 'pm') return h < 12 ? h + 12 : h;
  if (h === 24) return 24;
  // 00:00 and 0点 are read as written (the start of the day); 晚上12点, 半夜0点 and midnight are its end.
  switch (part) {
    case 'small-hours':
      return h <= 6 ? h : h === 12 ? 0 : null;
    case 'first-thing':
    case 'morning':
      return h <= 12 ? h : null;
    case 'noon':
      return h === 11 || h === 12 ? h : h <= 3 ? h + 12 : null;
    case 'afternoon':
      return h < 12 ? h + 12 : h;
    case 'evening':
      return h >= 5 && h <= 11 ? h + 12 : h === 12 || h === 0 ? 24 : h >= 17 ? h : null;
    case 'night':
      return h === 12 || h === 0 ? 24 : h >= 9 && h <= 11 ? h + 12 : h >= 21 ? h : null;
    case undefined:
      if (clock.fixed) return h;
      return h >= 1 && h <= 7 ? h + 12 : h;
  }
}
