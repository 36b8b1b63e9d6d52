export { wibDay, wibYear } from '../../../../../libs/common';
/**
 * The arithmetic of the dashboards over node-row counters: shares, averages, the overdue
 * split and the cumulative trend. Pure, so that the pages, the API and the exports agree.
 */

/** part / whole as a percentage with one decimal; null when there is nobody to divide by. */
export function share(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** A mean of values stored as a sum of hundredths: 1234 over 3 → 4.11; null without values. */
export function averageOfHundredths(sumHundredths: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round(sumHundredths / count) / 100;
}

export interface CompletionCounts {
  requested: number;
  active: number;
  completed: number;
}

export interface CompletionFigures extends CompletionCounts {
  /** Learning or done: active + completed (a request is not an enrolment yet). */
  enrolled: number;
  /** Active with no deadline passed. */
  inProgress: number;
  /** Active with a deadline day before today (WIB). */
  overdue: number;
  completedShare: number | null;
}

/** The completion figures of counters and the active enrolments whose deadline day has passed. */
export function completionFigures(counts: CompletionCounts, overdue: number): CompletionFigures {
  const late = Math.min(Math.max(overdue, 0), counts.active);
  const enrolled = counts.active + counts.completed;
  return {
    ...counts,
    enrolled,
    inProgress: counts.active - late,
    overdue: late,
    completedShare: share(counts.completed, enrolled),
  };
}

/** Days are compared as 'YYYY-MM-DD' strings in WIB: a deadline day before today is overdue. */
export function isOverdueDay(deadlineDay: string, today: string): boolean {
  return deadlineDay < today;
}

export interface TrendPoint {
  month: number;
  /** People who reached their target in that month. */
  attained: number;
  /** People at or above their target by the end of that month. */
  cumulative: number;
  share: number | null;
}

/**
 * The attainment trend of a year: for each month up to `lastMonth`, how many had reached
 * their target by then, as a share of today's population. Months from..to narrow what is shown.
 */
export function attainmentTrend(
  attainedByMonth: ReadonlyMap<number, number>,
  people: number,
  range: { from: number; to: number },
): TrendPoint[] {
  const points: TrendPoint[] = [];
  let cumulative = 0;
  for (let month = 1; month <= range.to; month++) {
    const attained = attainedByMonth.get(month) ?? 0;
    cumulative += attained;
    if (month >= range.from) points.push({ month, attained, cumulative, share: share(cumulative, people) });
  }
  return points;
}

export interface JpCounters {
  people: number;
  jp0: number;
  jp1to9: number;
  jp10to19: number;
  jp20plus: number;
  metTarget: number;
  jpTenths: number;
}

export const NO_JP: JpCounters = { people: 0, jp0: 0, jp1to9: 0, jp10to19: 0, jp20plus: 0, metTarget: 0, jpTenths: 0 };

export function addJp(a: JpCounters, b: JpCounters): JpCounters {
  return {
    people: a.people + b.people,
    jp0: a.jp0 + b.jp0,
    jp1to9: a.jp1to9 + b.jp1to9,
    jp10to19: a.jp10to19 + b.jp10to19,
    jp20plus: a.jp20plus + b.jp20plus,
    metTarget: a.metTarget + b.metTarget,
    jpTenths: a.jpTenths + b.jpTenths,
  };
}

export interface JpFigures extends JpCounters {
  notMet: number;
  metShare: number | null;
  /** Mean JP per person, one decimal. */
  averageJp: number | null;
}

export function jpFigures(c: JpCounters): JpFigures {
  return {
    ...c,
    notMet: c.people - c.metTarget,
    metShare: share(c.metTarget, c.people),
    averageJp: c.people > 0 ? Math.round(c.jpTenths / c.people) / 10 : null,
  };
}

/** Sums rows that share a key (e.g. JP rows per employee type), keeping first-seen order. */
export function sumBy<R, K extends string>(
  rows: readonly R[],
  keyOf: (row: R) => K,
  counters: (row: R) => JpCounters,
): Map<K, JpCounters> {
  const out = new Map<K, JpCounters>();
  for (const row of rows) {
    const key = keyOf(row);
    out.set(key, addJp(out.get(key) ?? NO_JP, counters(row)));
  }
  return out;
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = ROMAN_DIGITS[s[i]] ?? 0;
    const next = ROMAN_DIGITS[s[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** Grades in rank order: PNS I/a … IV/e, PPPK I … XVII, unknown ('') last. */
export function gradeOrder(a: string, b: string): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  const [ra, la = ''] = a.split('/');
  const [rb, lb = ''] = b.split('/');
  return romanValue(ra) - romanValue(rb) || la.localeCompare(lb);
}
