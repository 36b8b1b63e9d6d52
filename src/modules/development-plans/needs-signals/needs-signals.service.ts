import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '../../../../libs/database';
import { ComplaintsService } from './complaints/complaints.service';
import { latestLevels, latestWishes } from './domain/latest-answers';
import { QuestionnaireAnswer } from './entities';

const CHUNK = 500;

/**
 * The signals the needs analysis weighs beside evidence: self-assessments and training
 * wishes from questionnaires, and public complaint themes mapped to competencies.
 * A fixed number of queries per call (chunked), never one per person.
 */
@Injectable()
export class NeedsSignals {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly complaints: ComplaintsService,
  ) {}

  /** The latest self-assessed level per person and competency. */
  async selfAssessedLevels(userIds: string[]): Promise<Map<string, Map<string, number>>> {
    const rows = await this.answers(userIds, 'self-assessment');
    return latestLevels(
      rows.map((r) => ({
        userId: r.userId,
        competencyCode: r.competencyCode,
        level: r.level ?? 0,
        answeredAt: r.answeredAt,
      })),
    );
  }

  /** Competencies each person asked to develop in a training-needs questionnaire (their latest one). */
  async requestedCompetencies(userIds: string[]): Promise<Map<string, Set<string>>> {
    return latestWishes(await this.answers(userIds, 'training-needs'));
  }

  /** Per unit: competencies whose mapped complaint themes are rising as of `asOf`. */
  async complaintPriorities(unitIds: string[], asOf: Date): Promise<Map<string, Set<string>>> {
    return this.complaints.risingCompetencies(unitIds, asOf);
  }

  private async answers(userIds: string[], kind: QuestionnaireAnswer['kind']): Promise<QuestionnaireAnswer[]> {
    const ids = [...new Set(userIds)];
    const out: QuestionnaireAnswer[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      out.push(
        ...(await this.tx.run((m) =>
          m.find(QuestionnaireAnswer, {
            select: { userId: true, questionnaireId: true, competencyCode: true, level: true, answeredAt: true },
            where: { userId: In(chunk), kind },
          }),
        )),
      );
    }
    return out;
  }
}
