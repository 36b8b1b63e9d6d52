const WIB_OFFSET_MS = 7 * 3600_000;

/** The calendar year in WIB (UTC+7), as the learning module dates the JP ledger. */
export function wibYearOf(moment: Date): number {
  return new Date(moment.getTime() + WIB_OFFSET_MS).getUTCFullYear();
}
