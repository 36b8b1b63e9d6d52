import type { Locale } from '../../../libs/common';
import { peopleLink, PeopleQuery } from '../monitoring/dashboard/domain/people-link';

export const DASHBOARD_SECTIONS = ['ringkasan', 'jp', 'penyelesaian', 'kompetensi', 'rencana'] as const;
export type DashboardSectionName = (typeof DASHBOARD_SECTIONS)[number];

/** Counts, shares and months as the dashboard pages print them, in the page's language. */
export function monitoringFormat(locale: Locale) {
  const tag = locale === 'en' ? 'en-GB' : 'id-ID';
  const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const monthName = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' });
  return {
    count: (n: number) => count.format(n),
    /** 33.3 → "33,3%"; no population → "–". */
    percent: (n: number | null) => (n === null ? '–' : `${decimal.format(n)}%`),
    decimal: (n: number | null) => (n === null ? '–' : decimal.format(n)),
    month: (m: number) => monthName.format(new Date(Date.UTC(2026, m - 1, 1))),
    shortMonth: (m: number) => shortMonth.format(new Date(Date.UTC(2026, m - 1, 1))),
  };
}

/** Heat class 0-4 of a share (0-100); null (nobody required) has none. */
export function heatLevel(share: number | null): number | null {
  if (share === null) return null;
  return Math.min(4, Math.floor(share / 20));
}

/** The page's own links: the same page for another node, section or filter. */
export function dashboardLink(params: {
  node: string;
  section: DashboardSectionName;
  year?: number;
  courseId?: string | null;
  competencyCode?: string | null;
}): string {
  const q = new URLSearchParams({ node: params.node });
  if (params.section !== 'ringkasan') q.set('bagian', params.section);
  if (params.year !== undefined) q.set('year', String(params.year));
  if (params.courseId) q.set('courseId', params.courseId);
  if (params.competencyCode) q.set('competencyCode', params.competencyCode);
  return `/pemantauan?${q.toString()}`;
}

/** A people-list link bound to the node and year on show. */
export function peopleLinker(node: string, year?: number) {
  return (query: Omit<PeopleQuery, 'node' | 'year'>) => peopleLink({ node, year, ...query });
}
