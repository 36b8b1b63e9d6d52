/**
 * Indonesia's western time (WIB, UTC+7, no daylight saving): the days and years that JP
 * ledgers, deadlines and reports are counted in, whatever the server's time zone.
 */
const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** The calendar day in WIB, as 'YYYY-MM-DD'. */
export function wibDay(moment: Date): string {
  return new Date(moment.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar year in WIB (a credit at 23:30 WIB on 31 December counts for that year). */
export function wibYear(moment: Date): number {
  return new Date(moment.getTime() + WIB_OFFSET_MS).getUTCFullYear();
}

/**
 * Whether a deadline has passed. A deadline is a calendar day in WIB (forms give a date; an
 * instant counts as its WIB day) and holds through that day's last minute, as the dashboards
 * count overdue: passed from 00:00 WIB of the day after.
 */
export function wibDeadlinePassed(deadline: Date, now: Date): boolean {
  return wibDay(deadline) < wibDay(now);
}

/** The instant a WIB day ('YYYY-MM-DD') begins (00:00 WIB), optionally `plusDays` later. */
export function startOfWibDay(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - WIB_OFFSET_MS + plusDays * DAY_MS);
}

/** 1 January 00:00 WIB of a year, as a UTC instant. */
export function startOfWibYear(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - WIB_OFFSET_MS);
}

/** Minutes since 00:00 WIB of the instant's day (0-1439). */
export function wibMinuteOfDay(instant: Date): number {
  const ms = (instant.getTime() + WIB_OFFSET_MS) % DAY_MS;
  return Math.floor((ms < 0 ? ms + DAY_MS : ms) / 60_000);
}

/** The first instant at or after `from` whose WIB clock reads `minute` (minutes since midnight). */
export function nextWibMinute(from: Date, minute: number): Date {
  const dayStart = startOfWibDay(wibDay(from));
  const candidate = new Date(dayStart.getTime() + minute * 60_000);
  return candidate.getTime() >= from.getTime() ? candidate : new Date(candidate.getTime() + DAY_MS);
}
