/** One credit of a year's ledger, as the attainment month needs it. */
export interface DatedCredit {
  jpTenths: number;
  earnedAt: Date;
}

const WIB_OFFSET_MS = 7 * 3600_000;

/** The month (1-12) of a moment in WIB (UTC+7, no daylight saving). */
export function wibMonthOf(moment: Date): number {
  return new Date(moment.getTime() + WIB_OFFSET_MS).getUTCMonth() + 1;
}

/**
 * The WIB month in which the running total of a year's credits (in the order they were
 * earned) first reached the target; null without a target or while below it. A target of
 * 0 JP is reached from the start of the year (January).
 */
export function attainedMonth(credits: readonly DatedCredit[], targetJp: number | null): number | null {
  if (targetJp === null) return null;
  const targetTenths = Math.round(targetJp * 10);
  if (targetTenths <= 0) return 1;
  const ordered = [...credits].sort((a, b) => a.earnedAt.getTime() - b.earnedAt.getTime());
  let total = 0;
  for (const credit of ordered) {
    total += credit.jpTenths;
    if (total >= targetTenths) return wibMonthOf(credit.earnedAt);
  }
  return null;
}
