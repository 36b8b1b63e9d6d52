/**
 * When are a unit's complaints of one theme "rising"? Periods are calendar months in WIB
 * (YYYY-MM); a month is complete once it has ended.
 */

/**
 * The latest complete month must exceed the mean of the three months before it by at
 * least this share (20%). It is a policy number, not a statistical test: small enough
 * to catch a trend early, large enough that ordinary month-to-month noise (±10%) in the
 * counts that units report does not flag every theme.
 */
export const RISE_THRESHOLD_PERCENT = 20;
/** The latest complete month is looked for in this many months before asOf (older data is stale). */
export const LOOKBACK_MONTHS = 3;
/** The baseline: the mean of this many months before the latest one. */
export const BASELINE_MONTHS = 3;

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The WIB month an instant falls in. */
export function periodOf(at: Date): string {
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  return `${wib.getUTCFullYear()}-${String(wib.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month `delta` months after (negative: before) a YYYY-MM period. */
export function shiftPeriod(period: string, delta: number): string {
  const [year, month] = period.split('-').map(Number);
  const index = year * 12 + (month - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `last`, oldest first. */
export function periodsUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}

export interface TrendVerdict {
  /** The latest complete month with a count in the look-back window, if any. */
  latestPeriod: string | null;
  latestCount: number | null;
  /** Mean of the baseline months (missing months count as no complaints); null without a baseline. */
  baselineMean: number | null;
  rising: boolean;
}

/**
 * Rising = the latest complete month in the 3 months before asOf has more complaints than
 * the mean of the 3 months before it, by at least RISE_THRESHOLD_PERCENT. A baseline needs
 * at least one recorded month: a theme seen for the first time (data collection just
 * started) is not called rising. Inside a baseline, a month without a record counts as 0.
 */
export function complaintTrend(counts: ReadonlyMap<string, number>, asOf: Date): TrendVerdict {
  const current = periodOf(asOf);
  const latestPeriod =
    periodsUpTo(shiftPeriod(current, -1), LOOKBACK_MONTHS)
      .reverse()
      .find((p) => counts.has(p)) ?? null;
  if (!latestPeriod) return { latestPeriod: null, latestCount: null, baselineMean: null, rising: false };
  const latestCount = counts.get(latestPeriod)!;
  const baseline = periodsUpTo(shiftPeriod(latestPeriod, -1), BASELINE_MONTHS);
  if (!baseline.some((p) => counts.has(p))) return { latestPeriod, latestCount, baselineMean: null, rising: false };
  const sum = baseline.reduce((total, p) => total + (counts.get(p) ?? 0), 0);
  // Integer comparison (no float rounding at the edge): count ≥ mean × (1 + threshold) and count > mean.
  const rising =
    latestCount * BASELINE_MONTHS * 100 >= sum * (100 + RISE_THRESHOLD_PERCENT) && latestCount * BASELINE_MONTHS > sum;
  return { latestPeriod, latestCount, baselineMean: sum / BASELINE_MONTHS, rising };
}

/** The columns of a complaint count a trend reads. */
export type ComplaintTrendRow =
  'unitId' | 'regionCode' | 'serviceArea' | 'areaKey' | 'theme' | 'themeKey' | 'period' | 'count';
