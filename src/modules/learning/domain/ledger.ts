/**
 * JP ledger arithmetic. Amounts are tenths of a JP (integers) so that a year of 2.5 JP
 * credits sums exactly; the year of a credit is the calendar year in Indonesia's western
 * time zone (WIB), so a course finished at 23:30 on 31 December counts for that year.
 */
export const LEDGER_TIME_ZONE = 'Asia/Jakarta';

export interface LedgerLine {
  year: number;
  jpTenths: number;
}

export interface TargetProgress {
  year: number;
  earnedJp: number;
  targetJp: number | null;
  remainingJp: number;
  /** 0-100, whole numbers, capped at 100; 0 when there is no target. */
  percent: number;
  met: boolean;
}

const yearFormat = new Intl.DateTimeFormat('en-CA', { timeZone: LEDGER_TIME_ZONE, year: 'numeric' });

export function ledgerYearOf(moment: Date): number {
  return Number(yearFormat.format(moment));
}

export function yearTotalTenths(lines: readonly LedgerLine[], year: number): number {
  return lines.reduce((sum, line) => (line.year === year ? sum + line.jpTenths : sum), 0);
}

export function targetProgress(year: number, earnedTenths: number, targetJp: number | null): TargetProgress {
  const earnedJp = earnedTenths / 10;
  if (targetJp === null || targetJp <= 0) {
    return { year, earnedJp, targetJp, remainingJp: 0, percent: 0, met: targetJp !== null };
  }
  const targetTenths = Math.round(targetJp * 10);
  return {
    year,
    earnedJp,
    targetJp,
    remainingJp: Math.max(0, targetTenths - earnedTenths) / 10,
    percent: Math.min(100, Math.floor((earnedTenths * 100) / targetTenths)),
    met: earnedTenths >= targetTenths,
  };
}
