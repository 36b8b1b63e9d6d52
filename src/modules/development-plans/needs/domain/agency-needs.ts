/** One competency's gaps in a population, as the gap rows sum them up. */
export interface NeedAggregate {
  competencyCode: string;
  /** ASN whose level is below their current position's requirement. */
  people: number;
  gapSum: number;
  high: number;
  medium: number;
  low: number;
  /** The highest level any of them needs: a suggested course must reach it. */
  maxRequired: number;
}

export interface SuggestibleCourse {
  courseId: string;
  title: string;
  jpTenths: number;
  competencyCode: string;
  level: number;
}

export interface RankedNeed {
  rank: number;
  competencyCode: string;
  people: number;
  /** Mean gap of the people who have one, to 2 decimals. */
  meanGap: number;
  highPriority: number;
  /** Urgency-weighted head count: high 3, medium 2, low 1 per person. */
  score: number;
  requiredLevel: number;
  suggestedCourses: Array<{ courseId: string; title: string; level: number; jp: number }>;
  /** People × JP of the first suggested course; null without a suggestion. */
  estimatedJp: number | null;
}

const MAX_SUGGESTED = 3;

/**
 * Ranks a population's training needs: by urgency-weighted head count, then head count,
 * then mean gap. Each need suggests published courses that reach the highest required
 * level (lowest such level first, then the shortest), and estimates the JP it would take
 * to send everyone with the gap to the first of them.
 */
export function rankNeeds(aggregates: NeedAggregate[], courses: SuggestibleCourse[]): RankedNeed[] {
  const ranked = aggregates
    .filter((a) => a.people > 0)
    .map((a) => {
      const suggested = courses
        .filter((c) => c.competencyCode === a.competencyCode && c.level >= a.maxRequired)
        .sort((x, y) => x.level - y.level || x.jpTenths - y.jpTenths || x.title.localeCompare(y.title))
        .slice(0, MAX_SUGGESTED)
        .map((c) => ({ courseId: c.courseId, title: c.title, level: c.level, jp: c.jpTenths / 10 }));
      return {
        rank: 0,
        competencyCode: a.competencyCode,
        people: a.people,
        meanGap: Math.round((a.gapSum / a.people) * 100) / 100,
        highPriority: a.high,
        score: 3 * a.high + 2 * a.medium + a.low,
        requiredLevel: a.maxRequired,
        suggestedCourses: suggested,
        estimatedJp: suggested.length ? Math.round(a.people * suggested[0].jp * 10) / 10 : null,
      };
    })
    .sort(
      (x, y) =>
        y.score - x.score ||
        y.people - x.people ||
        y.meanGap - x.meanGap ||
        x.competencyCode.localeCompare(y.competencyCode),
    );
  ranked.forEach((r, i) => (r.rank = i + 1));
  return ranked;
}

/** A population's needs summed per competency (over units, regions, ...). */
export function sumByCompetency(rows: NeedAggregate[]): NeedAggregate[] {
  const sums = new Map<string, NeedAggregate>();
  for (const r of rows) {
    const s = sums.get(r.competencyCode);
    if (!s) {
      const { competencyCode, people, gapSum, high, medium, low, maxRequired } = r;
      sums.set(r.competencyCode, { competencyCode, people, gapSum, high, medium, low, maxRequired });
      continue;
    }
    s.people += r.people;
    s.gapSum += r.gapSum;
    s.high += r.high;
    s.medium += r.medium;
    s.low += r.low;
    s.maxRequired = Math.max(s.maxRequired, r.maxRequired);
  }
  return [...sums.values()];
}

/**
 * The region one level below `parent` that `code` lies in (36.74.01 under 36 is 36.74);
 * null for the parent itself or a code outside it.
 */
export function childRegion(code: string | null, parent: string): string | null {
  if (!code || !code.startsWith(`${parent}.`)) return null;
  const next = code.slice(parent.length + 1).split('.')[0];
  return next ? `${parent}.${next}` : null;
}
