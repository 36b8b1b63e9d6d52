import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { wibYear } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { CompetenciesApi } from '../../../competencies/competencies.api';
import type { PersonFacts } from '../../../identity/identity.api';
import { LearningApi } from '../../../learning/learning.api';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { NeedsSignals } from '../../needs-signals/needs-signals.service';
import { LevelAssessment, LevelEvidence } from '../domain/current-level';
import { GapInputs, skpOfLastYear } from '../domain/gap-table';
import { CompetencyAssessment, SkpRatingRecord, TargetPosition } from '../entities';
import type { SkpRating } from '../person-gaps';

/** One person's inputs, with what the gap table's header shows. */
export interface PersonInputs {
  person: PersonFacts;
  targetPositionId: string | null;
  skp: { year: number; rating: SkpRating } | null;
  inputs: GapInputs;
}

const LEARNING_SOURCES = new Set(['course', 'external', 'mentoring']);

/**
 * Loads everything the gap tables of a batch of people depend on, a fixed number of
 * queries per batch (never per person): standards, target positions, evidence,
 * assessments, SKP ratings and the needs signals.
 */
@Injectable()
export class GapInputsLoader {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly learning: LearningApi,
    private readonly organisation: OrganisationApi,
    private readonly competencies: CompetenciesApi,
    private readonly signals: NeedsSignals,
  ) {}

  async load(people: PersonFacts[], asOf: Date): Promise<PersonInputs[]> {
    if (people.length === 0) return [];
    const ids = people.map((p) => p.id);
    const unitIds = [...new Set(people.map((p) => p.unitId).filter((u): u is string => !!u))];
    const [targets, assessments, ratings] = await this.tx.run((m) =>
      Promise.all([
        m.find(TargetPosition, { where: { userId: In(ids) } }),
        m.find(CompetencyAssessment, {
          select: { userId: true, competencyCode: true, level: true, assessedOn: true, createdAt: true },
          where: { userId: In(ids) },
        }),
        m.find(SkpRatingRecord, { select: { userId: true, year: true, rating: true }, where: { userId: In(ids) } }),
      ]),
    );
    const targetOf = new Map(targets.map((t) => [t.userId, t.positionId]));
    const positionIds = people.map((p) => p.positionId).filter((p): p is string => !!p);
    const [standards, evidence, self, requested, complaints, dictionary] = await Promise.all([
      this.organisation.standardsOf([...positionIds, ...targetOf.values()]),
      this.learning.evidenceOf(ids),
      this.signals.selfAssessedLevels(ids),
      this.signals.requestedCompetencies(ids),
      this.signals.complaintPriorities(unitIds, asOf),
      this.competencies.all(),
    ]);
    const names = new Map(dictionary.map((c) => [c.code, { name: c.name, pillar: c.pillar as string }]));
    const evidenceOf = groupBy2(
      evidence.filter((e) => LEARNING_SOURCES.has(e.source)),
      (e): LevelEvidence => ({ level: e.level, source: e.source as LevelEvidence['source'], earnedAt: e.earnedAt }),
    );
    const assessmentsOf = groupBy2(assessments, (a): LevelAssessment => ({
      level: a.level,
      assessedOn: a.assessedOn,
      recordedAt: a.createdAt,
    }));
    const ratingsOf = new Map<string, Array<{ year: number; rating: SkpRating }>>();
    for (const r of ratings) ratingsOf.set(r.userId, [...(ratingsOf.get(r.userId) ?? []), r]);
    const year = wibYear(asOf);
    return people.map((person) => {
      const targetPositionId = targetOf.get(person.id) ?? null;
      const skp = skpOfLastYear(ratingsOf.get(person.id) ?? [], year);
      return {
        person,
        targetPositionId,
        skp,
        inputs: {
          standard: (person.positionId && standards.get(person.positionId)) || [],
          targetStandard: targetPositionId ? (standards.get(targetPositionId) ?? []) : null,
          evidence: evidenceOf.get(person.id) ?? new Map(),
          assessments: assessmentsOf.get(person.id) ?? new Map(),
          selfAssessed: self.get(person.id) ?? new Map(),
          skp: skp?.rating ?? null,
          requested: requested.get(person.id) ?? new Set(),
          risingComplaints: (person.unitId && complaints.get(person.unitId)) || new Set(),
          dictionary: names,
        },
      };
    });
  }
}

/** Groups rows by person, then by competency. */
function groupBy2<R extends { userId: string; competencyCode: string }, T>(
  rows: R[],
  map: (row: R) => T,
): Map<string, Map<string, T[]>> {
  const out = new Map<string, Map<string, T[]>>();
  for (const row of rows) {
    const byCode = out.get(row.userId) ?? new Map<string, T[]>();
    byCode.set(row.competencyCode, [...(byCode.get(row.competencyCode) ?? []), map(row)]);
    out.set(row.userId, byCode);
  }
  return out;
}
