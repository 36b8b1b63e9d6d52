const yearFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' });

/** The calendar year in WIB, the year JP credits and plans are counted in. */
export function ledgerYear(moment: Date): number {
  return Number(yearFormat.format(moment));
}
