import { startOfWibYear, wibYear } from '../../../../../libs/common';

/**
 * A plan's year is the calendar year in Indonesia's western time zone (WIB, UTC+7), the
 * same year the JP ledger books credits under, so a course finished at 23:30 WIB on
 * 31 December counts for the plan of that year.
 */

/** The plan year a moment falls in. */
export function planYearOf(moment: Date): number {
  return wibYear(moment);
}

/** 1 January 00:00 WIB of a year, as a UTC instant. */
export function planYearStart(year: number): Date {
  return startOfWibYear(year);
}
