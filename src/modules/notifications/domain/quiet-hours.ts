import { nextWibMinute, wibMinuteOfDay } from './wib';

/** A nightly window (WIB) in which no immediate e-mail is sent; it may wrap past midnight. */
export interface QuietHours {
  /** Minutes since 00:00 WIB when the quiet begins. */
  start: number;
  /** Minutes since 00:00 WIB when it ends (exclusive). */
  end: number;
}

/** 21:00–06:00 WIB for anyone who has not chosen: most people sleep then, and phones buzz. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: 21 * 60, end: 6 * 60 };

export function inQuietHours(now: Date, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const minute = wibMinuteOfDay(now);
  return quiet.start < quiet.end
    ? minute >= quiet.start && minute < quiet.end
    : minute >= quiet.start || minute < quiet.end;
}

/** When a message due now may go out: now, or the end of the quiet hours it falls in. */
export function sendTimeAfterQuiet(now: Date, quiet: QuietHours | null): Date {
  if (!quiet || !inQuietHours(now, quiet)) return now;
  return nextWibMinute(now, quiet.end);
}
