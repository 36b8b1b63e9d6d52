/**
 * Indonesia's western time (WIB, UTC+7, no daylight saving): the days and years that JP
 * ledgers, deadlines and reports are counted in, whatever the server's time zone.
 */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** The calendar day in WIB, as 'YYYY-MM-DD'. */
export function wibDay(moment: Date): string {
  return new Date(moment.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar year in WIB (a credit at 23:30 WIB on 31 December counts for that year). */
export function wibYear(moment: Date): number {
  return new Date(moment.getTime() + WIB_OFFSET_MS).getUTCFullYear();
}
