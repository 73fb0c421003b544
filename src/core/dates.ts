const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone; the host's zone when none is given. */
export function isoDateIn(instant: Date, timeZone?: string): string {
  // Building a formatter costs ~100× using one; the board formats a date per open promise.
  // The host's zone is not cached: it follows process.env.TZ.
  let f = timeZone ? dayFormatters.get(timeZone) : undefined;
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (timeZone && dayFormatters.size < 500) dayFormatters.set(timeZone, f);
  }
  return f.format(instant);
}

const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (zoneValidity.size < 1000) zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * The zone itself when this system knows it, else `fallback`. For zones that came from outside
 * (a platform profile, a record written by an older version): showing a time in the team's zone
 * beats failing the whole answer.
 */
export function usableZone(zone: string | undefined, fallback = 'UTC'): string {
  return zone && isValidTimeZone(zone) ? zone : fallback;
}

/** Minutes the zone is ahead of UTC at that instant (+480 for Asia/Shanghai). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The instant a calendar day (YYYY-MM-DD) begins in a zone. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // The offset at UTC midnight is a first guess; the offset at the guessed instant is the right one
  // unless the zone changes its clocks in between (DST), which the second step corrects.
  const guess = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  return new Date(midnightUtc - offsetMinutes(new Date(guess), timeZone) * 60_000);
}
