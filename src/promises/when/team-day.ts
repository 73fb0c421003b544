/** The team's working day: when it starts ("first thing") and ends ("end of day"), and which ISO weekdays (1 = Monday … 7 = Sunday) are worked. */
export interface TeamDay {
  dayStart: { hour: number; minute: number };
  dayEnd: { hour: number; minute: number };
  workdays: ReadonlySet<number>;
}

export const DEFAULT_TEAM_DAY: TeamDay = { dayStart: { hour: 9, minute: 0 }, dayEnd: { hour: 18, minute: 0 }, workdays: new Set([1, 2, 3, 4, 5]) };

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "18:00", "09:00"; undefined when it is not a 24-hour clock time. */
export function parseDayClock(value: string): TeamDay['dayEnd'] | undefined {
  const m = CLOCK.exec(value.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : undefined;
}

/** "1-5", "1-6", "1,2,3,4,5", "1-3,5"; undefined when it names no ISO weekday or one out of 1–7. */
export function parseWorkdays(value: string): Set<number> | undefined {
  const days = new Set<number>();
  for (const part of value.split(/[\s,]+/).filter(Boolean)) {
    const m = /^([1-7])(?:-([1-7]))?$/.exec(part);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (to < from) return undefined;
    for (let d = from; d <= to; d++) days.add(d);
  }
  return days.size ? days : undefined;
}
