/**
 * Western Indonesia Time (UTC+7, no daylight saving): the platform's clock for "which
 * day" and "what hour" questions (digest hour, quiet hours, deadline days). Stored
 * times stay UTC.
 */
// The WIB calendar itself lives once in libs/common; the notification code imports it from here.
export { nextWibMinute, startOfWibDay, wibDay, wibMinuteOfDay } from '../../../../libs/common';

/** "21:00" ⇄ 1260. */
export function parseClock(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
