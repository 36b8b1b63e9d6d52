import {
  ComplaintTrendRow,
  complaintTrend,
  periodOf,
  periodsUpTo,
  shiftPeriod,
  TrendVerdict,
} from '../domain/complaint-trend';
import { mappingFor, ThemeMapping } from '../domain/theme-mapping';
import type { ComplaintCount } from '../entities';

/** The months a trend needs: the look-back window and the baseline before it (6 complete months). */
export function trendWindow(asOf: Date): string[] {
  return periodsUpTo(shiftPeriod(periodOf(asOf), -1), 6);
}

export interface ComplaintSeries {
  unitId: string;
  regionCode: string | null;
  serviceArea: string;
  theme: string;
  themeKey: string;
  /** The window's months, oldest first; null where nothing was recorded. */
  months: Array<{ period: string; count: number | null }>;
  verdict: TrendVerdict;
  /** The competencies the theme points at for this unit's region (empty: not mapped). */
  competencyCodes: string[];
}

/** Groups a unit's counts into series (service area + theme), judges each, and applies the theme mappings. */
export function complaintSeries(
  rows: Array<Pick<ComplaintCount, ComplaintTrendRow>>,
  mappings: Map<string, ThemeMapping[]>,
  asOf: Date,
): ComplaintSeries[] {
  const window = trendWindow(asOf);
  const groups = new Map<string, Array<Pick<ComplaintCount, ComplaintTrendRow>>>();
  for (const r of rows) {
    const key = `${r.unitId}|${r.areaKey}|${r.themeKey}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const counts = new Map(group.map((r) => [r.period, r.count]));
    const latest = group.reduce((a, b) => (b.period > a.period ? b : a));
    return {
      unitId: latest.unitId,
      regionCode: latest.regionCode,
      serviceArea: latest.serviceArea,
      theme: latest.theme,
      themeKey: latest.themeKey,
      months: window.map((period) => ({ period, count: counts.get(period) ?? null })),
      verdict: complaintTrend(counts, asOf),
      competencyCodes: mappingFor(latest.regionCode, mappings.get(latest.themeKey) ?? [])?.competencyCodes ?? [],
    };
  });
}
