import { wibYear } from '../../../../libs/common';

/** The calendar year in WIB, the year JP credits and plans are counted in. */
export function ledgerYear(moment: Date): number {
  return wibYear(moment);
}
