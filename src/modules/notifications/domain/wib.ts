/**
 * Western Indonesia Time (UTC+7, no daylight saving): the platform's clock for "which
 * day" and "what hour" questions (digest hour, quiet hours, deadline days). Stored
 * times stay UTC.
 */
export const WIB_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The WIB calendar day of an instant, as YYYY-MM-DD. */
export function wibDay(instant: Date): string {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a WIB day begins (00:00 WIB), optionally `plusDays` later. */
export function startOfWibDay(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - WIB_OFFSET_MS + plusDays * DAY_MS);
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

/** "21:00" ⇄ 1260. */
export function parseClock(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
