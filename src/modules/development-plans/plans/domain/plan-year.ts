/**
 * A plan's year is the calendar year in Indonesia's western time zone (WIB, UTC+7), the
 * same year the JP ledger books credits under, so a course finished at 23:30 WIB on
 * 31 December counts for the plan of that year.
 */
const WIB_OFFSET_MS = 7 * 3600_000;

/** The plan year a moment falls in. */
export function planYearOf(moment: Date): number {
  return new Date(moment.getTime() + WIB_OFFSET_MS).getUTCFullYear();
}

/** 1 January 00:00 WIB of a year, as a UTC instant. */
export function planYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - WIB_OFFSET_MS);
}
