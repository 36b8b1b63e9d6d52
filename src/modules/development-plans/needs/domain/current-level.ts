import { wibDay } from '../../../../../libs/common';
import type { LevelSource } from '../person-gaps';

/** A level reached through learning: a completed course, a verified activity, mentoring. */
export interface LevelEvidence {
  level: number;
  source: 'course' | 'external' | 'mentoring';
  earnedAt: Date;
}

/** A formal rating (assessment centre or supervisor) on a day (YYYY-MM-DD). */
export interface LevelAssessment {
  level: number;
  assessedOn: string;
  /** Breaks ties between two assessments of the same day: the later recorded wins. */
  recordedAt: Date;
}

export interface CurrentLevel {
  level: number;
  source: LevelSource | null;
}

/**
 * The level a person has now in one competency.
 *
 * - The latest formal assessment measures the person as they are on its day, so it
 *   supersedes every piece of evidence earned up to that day, even a higher one (a course
 *   finished years ago does not outweigh a fresh assessment-centre result).
 * - Evidence earned after that day can only raise the level (learning since then counts).
 * - Without an assessment, the highest evidence counts.
 * - A self-assessment counts only when there is nothing else, and says so (source 'self').
 * - Nothing at all: level 0, no source.
 */
export function currentLevelOf(
  evidence: LevelEvidence[],
  assessments: LevelAssessment[],
  selfAssessed: number | null,
): CurrentLevel {
  const latest = latestAssessment(assessments);
  let best: CurrentLevel = latest ? { level: latest.level, source: 'assessment' } : { level: 0, source: null };
  for (const e of evidence) {
    if (supersededBy(latest, e)) continue;
    if (e.level > best.level) best = { level: e.level, source: e.source };
  }
  if (best.source === null && selfAssessed !== null && selfAssessed > 0) return { level: selfAssessed, source: 'self' };
  return best;
}

/** The assessment that measures the person now: the latest day, the later recorded on a tie. */
export function latestAssessment(assessments: LevelAssessment[]): LevelAssessment | null {
  let latest: LevelAssessment | null = null;
  for (const a of assessments) {
    if (
      !latest ||
      a.assessedOn > latest.assessedOn ||
      (a.assessedOn === latest.assessedOn && a.recordedAt.getTime() > latest.recordedAt.getTime())
    ) {
      latest = a;
    }
  }
  return latest;
}

/** Evidence earned up to the day of the latest assessment no longer counts: the assessment measured it. */
export function supersededBy(latest: LevelAssessment | null, evidence: Pick<LevelEvidence, 'earnedAt'>): boolean {
  return latest !== null && wibDay(evidence.earnedAt) <= latest.assessedOn;
}
