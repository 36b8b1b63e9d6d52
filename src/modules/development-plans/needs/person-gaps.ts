import type { GoalPriority } from '../plans/entities';

export const SKP_RATINGS = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
/** SKP performance rating (PermenPANRB 6/2022), imported per ASN and year. */
export type SkpRating = (typeof SKP_RATINGS)[number];

/** Where a current level comes from. */
export type LevelSource = 'course' | 'external' | 'mentoring' | 'assessment' | 'self';

/** One competency of a person's standard: required vs current level, and how urgent the gap is. */
export interface GapRow {
  competencyCode: string;
  competencyName: string;
  pillar: string;
  /** Required by the current position's standard; null when only the target position requires it. */
  requiredLevel: number | null;
  /** Required by the target (next) position, when one is set. */
  targetRequiredLevel: number | null;
  /** 0 when there is no evidence. */
  currentLevel: number;
  currentSource: LevelSource | null;
  /** max(0, requiredLevel − currentLevel). */
  gap: number;
  /** max(0, targetRequiredLevel − currentLevel), when a target position is set. */
  targetGap: number | null;
  priority: GoalPriority;
  /** The person asked for it in a training-needs questionnaire. */
  requested: boolean;
}

/** A person's needs analysis: the gap table the plan proposal starts from. */
export interface PersonGaps {
  userId: string;
  positionId: string | null;
  targetPositionId: string | null;
  skpRating: SkpRating | null;
  skpYear: number | null;
  rows: GapRow[];
}
