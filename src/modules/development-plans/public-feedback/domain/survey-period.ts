/**
 * Survey periods. PermenPANRB 14/2017 lets a unit survey monthly, quarterly, per semester
 * or yearly; the platform default is the semester ("2026-S1" = January-June). Periods run
 * on WIB calendar days (UTC+7), the time zone the service counters of the pilot regions
 * keep, so that a response given at 06:30 WIB on 1 July belongs to the second semester.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'semester', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const DEFAULT_PERIOD_KIND: PeriodKind = 'semester';

const MONTHS_OF: Record<PeriodKind, number> = { month: 1, quarter: 3, semester: 6, year: 12 };
const WIB_OFFSET_MS = 7 * 3600_000;

export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** 1-based position in the year (month 1-12, quarter 1-4, semester 1-2, year 1). */
  index: number;
  /** The first instant of the period and the first instant after it (UTC). */
  from: Date;
  to: Date;
}

function keyOf(kind: PeriodKind, year: number, index: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'month') return `${year}-${String(index).padStart(2, '0')}`;
  return `${year}-${kind === 'quarter' ? 'Q' : 'S'}${index}`;
}

function build(kind: PeriodKind, year: number, index: number): Period {
  const months = MONTHS_OF[kind];
  const startMonth = (index - 1) * months;
  return {
    key: keyOf(kind, year, index),
    kind,
    year,
    index,
    from: new Date(Date.UTC(year, startMonth, 1) - WIB_OFFSET_MS),
    to: new Date(Date.UTC(year, startMonth + months, 1) - WIB_OFFSET_MS),
  };
}

/** The period of this kind that contains the instant. */
export function periodOf(at: Date, kind: PeriodKind): Period {
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  const index = Math.floor(wib.getUTCMonth() / MONTHS_OF[kind]) + 1;
  return build(kind, wib.getUTCFullYear(), index);
}

/** The period just before this one. */
export function previousPeriod(p: Period): Period {
  const perYear = 12 / MONTHS_OF[p.kind];
  return p.index > 1 ? build(p.kind, p.year, p.index - 1) : build(p.kind, p.year - 1, perYear);
}

/** `count` periods ending with the one containing `at`, oldest first. */
export function periodsEnding(at: Date, kind: PeriodKind, count: number): Period[] {
  const out = [periodOf(at, kind)];
  while (out.length < count) out.unshift(previousPeriod(out[0]));
  return out;
}

/** The period a key names ("2026-S1", "2026-Q3", "2026-07", "2026"), or null. */
export function parsePeriod(key: string): Period | null {
  const m = /^(\d{4})(?:-(?:(S)([12])|(Q)([1-4])|(0[1-9]|1[0-2])))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return build('semester', year, Number(m[3]));
  if (m[4]) return build('quarter', year, Number(m[5]));
  if (m[6]) return build('month', year, Number(m[6]));
  return build('year', year, 1);
}
