import { Injectable } from '@nestjs/common';
import { startOfWibDay } from '../../../../../libs/common';
import { latestAssessment, LevelAssessment, supersededBy } from '../../needs/domain/current-level';
import { TransactionRunner } from '../../../../../libs/database';
import { LearningApi } from '../../../learning/learning.api';
import { CompetencyAssessment } from '../../needs/entities';
import type { ProgressEvidence } from '../domain/progress';

/**
 * What a plan's goals are measured by, on the rule the gap tables use (needs/domain/
 * current-level): a formal assessment measures the person as they are on its day, so
 * evidence earned up to that day no longer counts (a course finished years ago does not
 * outweigh a fresh assessment-centre rating), and the assessment itself counts from its day.
 */
@Injectable()
export class GoalEvidence {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly learning: LearningApi,
  ) {}

  async of(userId: string): Promise<ProgressEvidence[]> {
    const [evidence, assessments] = await Promise.all([
      this.learning.evidenceOf([userId]),
      this.tx.run((m) =>
        m.find(CompetencyAssessment, {
          select: { competencyCode: true, level: true, assessedOn: true, createdAt: true },
          where: { userId },
        }),
      ),
    ]);
    return goalEvidenceOf(evidence, assessments);
  }
}

export function goalEvidenceOf(
  evidence: readonly ProgressEvidence[],
  assessments: ReadonlyArray<Pick<CompetencyAssessment, 'competencyCode' | 'level' | 'assessedOn' | 'createdAt'>>,
): ProgressEvidence[] {
  const byCompetency = new Map<string, LevelAssessment[]>();
  for (const a of assessments) {
    const rating = { level: a.level, assessedOn: a.assessedOn, recordedAt: a.createdAt };
    byCompetency.set(a.competencyCode, [...(byCompetency.get(a.competencyCode) ?? []), rating]);
  }
  const latest = new Map([...byCompetency].map(([code, list]) => [code, latestAssessment(list)!]));
  const since = evidence.filter((e) => !supersededBy(latest.get(e.competencyCode) ?? null, e));
  const rated = [...latest].map(([competencyCode, a]) => ({
    competencyCode,
    level: a.level,
    earnedAt: startOfWibDay(a.assessedOn),
  }));
  return [...since.map(({ competencyCode, level, earnedAt }) => ({ competencyCode, level, earnedAt })), ...rated];
}
