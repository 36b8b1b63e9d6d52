import type { GoalPriority } from '../../plans/entities';
import type { SkpRating } from '../person-gaps';

const ORDER: GoalPriority[] = ['low', 'medium', 'high'];

/** SKP ratings that call for development: Butuh Perbaikan or worse (PermenPANRB 6/2022). */
export const WEAK_SKP: ReadonlySet<SkpRating> = new Set(['butuh_perbaikan', 'kurang', 'sangat_kurang']);

/** Why a person's gap matters more than its size says. */
export interface PrioritySignals {
  /** The person's SKP of the last year is Butuh Perbaikan or worse. */
  weakPerformance: boolean;
  /** The person asked for this competency in a training-needs questionnaire. */
  requested: boolean;
  /** Complaints mapped to this competency are rising in the person's unit. */
  risingComplaints: boolean;
}

/**
 * How urgent a gap is. Its size sets the base (3 or more levels short: high; 2: medium;
 * 1: low); a gap only to the target position starts low. Each signal raises it one step,
 * up to high. No gap at all stays low: there is nothing to develop.
 */
export function gapPriority(gap: number, targetGap: number | null, signals: PrioritySignals): GoalPriority {
  if (gap <= 0 && (targetGap ?? 0) <= 0) return 'low';
  const base = gap >= 3 ? 2 : gap === 2 ? 1 : 0;
  const raises = [signals.weakPerformance, signals.requested, signals.risingComplaints].filter(Boolean).length;
  return ORDER[Math.min(2, base + raises)];
}

/** Required minus current, never negative; null when nothing is required. */
export function gapOf(required: number | null, current: number): number | null {
  return required === null ? null : Math.max(0, required - current);
}
