import type { GoalPriority } from '../../plans/entities';
import type { GapRow, SkpRating } from '../person-gaps';
import { currentLevelOf, LevelAssessment, LevelEvidence } from './current-level';
import { gapOf, gapPriority, WEAK_SKP } from './priority';

export interface Requirement {
  competencyCode: string;
  requiredLevel: number;
}

/** Everything known about one person that their gap table depends on. */
export interface GapInputs {
  /** The current position's standard (empty without a position). */
  standard: Requirement[];
  /** The target position's standard, when one is set. */
  targetStandard: Requirement[] | null;
  evidence: Map<string, LevelEvidence[]>;
  assessments: Map<string, LevelAssessment[]>;
  selfAssessed: Map<string, number>;
  skp: SkpRating | null;
  requested: ReadonlySet<string>;
  risingComplaints: ReadonlySet<string>;
  /** Name and pillar of each competency code (unknown codes show their code). */
  dictionary: Map<string, { name: string; pillar: string }>;
}

const RANK: Record<GoalPriority, number> = { high: 0, medium: 1, low: 2 };

/**
 * A person's gap table: one row per competency of the current or target standard,
 * most urgent first (priority, then the larger gap, then code).
 */
export function gapTable(input: GapInputs): GapRow[] {
  const required = new Map(input.standard.map((r) => [r.competencyCode, r.requiredLevel]));
  const targetRequired = input.targetStandard
    ? new Map(input.targetStandard.map((r) => [r.competencyCode, r.requiredLevel]))
    : null;
  const codes = [...new Set([...required.keys(), ...(targetRequired?.keys() ?? [])])];
  const weakPerformance = input.skp !== null && WEAK_SKP.has(input.skp);
  const rows = codes.map((code): GapRow => {
    const current = currentLevelOf(
      input.evidence.get(code) ?? [],
      input.assessments.get(code) ?? [],
      input.selfAssessed.get(code) ?? null,
    );
    const requiredLevel = required.get(code) ?? null;
    const targetRequiredLevel = targetRequired?.get(code) ?? null;
    const gap = gapOf(requiredLevel, current.level) ?? 0;
    const targetGap = gapOf(targetRequiredLevel, current.level);
    const requested = input.requested.has(code);
    const known = input.dictionary.get(code);
    return {
      competencyCode: code,
      competencyName: known?.name ?? code,
      pillar: known?.pillar ?? '',
      requiredLevel,
      targetRequiredLevel,
      currentLevel: current.level,
      currentSource: current.source,
      gap,
      targetGap,
      priority: gapPriority(gap, targetGap, {
        weakPerformance,
        requested,
        risingComplaints: input.risingComplaints.has(code),
      }),
      requested,
    };
  });
  return rows.sort(
    (a, b) =>
      RANK[a.priority] - RANK[b.priority] ||
      b.gap - a.gap ||
      (b.targetGap ?? 0) - (a.targetGap ?? 0) ||
      a.competencyCode.localeCompare(b.competencyCode),
  );
}

/**
 * The SKP rating that counts now: the last year's (`asOfYear` − 1), or this year's when it
 * has already been imported. Older ratings no longer say anything about performance.
 */
export function skpOfLastYear(
  ratings: Array<{ year: number; rating: SkpRating }>,
  asOfYear: number,
): { year: number; rating: SkpRating } | null {
  let found: { year: number; rating: SkpRating } | null = null;
  for (const r of ratings) {
    if (r.year < asOfYear - 1 || r.year > asOfYear) continue;
    if (!found || r.year > found.year) found = r;
  }
  return found;
}
