import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { REACTION_ITEMS, ReactionItem } from '../domain/answers';
import { AppliedAnswer, CourseEvaluation, FollowUpRole, FollowUpStatus, FollowUpSurvey } from '../entities';

const COLUMN: Record<ReactionItem, string> = { material: 'material', delivery: 'delivery', usefulness: 'usefulness' };

export interface CourseCounts {
  courseId: string;
  requested: number;
  answered: number;
}

/** The aggregate reads of the results pages: counts grouped in SQL, never every answer loaded. */
@Injectable()
export class EvaluationQueries {
  constructor(private readonly tx: TransactionRunner) {}

  /** Courses with questionnaires and how many were sent and answered (at most `limit`, most answered first). */
  async courses(limit = 500): Promise<CourseCounts[]> {
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(CourseEvaluation, 'e')
        .select('e.course_id', 'courseId')
        .addSelect('COUNT(*)', 'requested')
        .addSelect('COUNT(e.answered_at)', 'answered')
        .groupBy('e.course_id')
        .orderBy('COUNT(e.answered_at)', 'DESC')
        .limit(limit)
        .getRawMany<{ courseId: string; requested: string | number; answered: string | number }>(),
    );
    return rows.map((r) => ({ courseId: r.courseId, requested: Number(r.requested), answered: Number(r.answered) }));
  }

  async requested(courseIds: string[]): Promise<number> {
    if (courseIds.length === 0) return 0;
    return this.tx.run((m) =>
      m.createQueryBuilder(CourseEvaluation, 'e').where('e.course_id IN (:...courseIds)', { courseIds }).getCount(),
    );
  }

  async scoreCounts(courseIds: string[]): Promise<Array<{ item: ReactionItem; score: number; count: number }>> {
    if (courseIds.length === 0) return [];
    const out: Array<{ item: ReactionItem; score: number; count: number }> = [];
    for (const item of REACTION_ITEMS) {
      const rows = await this.tx.run((m) =>
        m
          .createQueryBuilder(CourseEvaluation, 'e')
          .select(`e.${COLUMN[item]}`, 'score')
          .addSelect('COUNT(*)', 'count')
          .where('e.course_id IN (:...courseIds)', { courseIds })
          .andWhere('e.answered_at IS NOT NULL')
          .groupBy(`e.${COLUMN[item]}`)
          .getRawMany<{ score: string | number; count: string | number }>(),
      );
      for (const r of rows) out.push({ item, score: Number(r.score), count: Number(r.count) });
    }
    return out;
  }

  /** The latest comments (anonymous: instructors read what was said, not who said it). */
  async recentComments(courseIds: string[], limit = 10): Promise<Array<{ comment: string; answeredAt: Date }>> {
    if (courseIds.length === 0) return [];
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(CourseEvaluation, 'e')
        .select(['e.comment', 'e.answeredAt'])
        .where('e.course_id IN (:...courseIds)', { courseIds })
        .andWhere('e.answered_at IS NOT NULL')
        .andWhere('e.comment IS NOT NULL')
        .orderBy('e.answered_at', 'DESC')
        .take(limit)
        .getMany(),
    );
    return rows.map((r) => ({ comment: r.comment!, answeredAt: r.answeredAt! }));
  }

  async followUpCounts(
    courseId: string,
  ): Promise<Array<{ role: FollowUpRole; status: FollowUpStatus; applied: AppliedAnswer | null; count: number }>> {
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(FollowUpSurvey, 's')
        .select('s.role', 'role')
        .addSelect('s.status', 'status')
        .addSelect('s.applied', 'applied')
        .addSelect('COUNT(*)', 'count')
        .where('s.course_id = :courseId', { courseId })
        .groupBy('s.role')
        .addGroupBy('s.status')
        .addGroupBy('s.applied')
        .getRawMany<{ role: FollowUpRole; status: FollowUpStatus; applied: AppliedAnswer | null; count: string }>(),
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Recent examples of use at work, with which side said it. */
  async recentExamples(
    courseId: string,
    limit = 10,
  ): Promise<Array<{ role: FollowUpRole; applied: AppliedAnswer; examples: string }>> {
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(FollowUpSurvey, 's')
        .select(['s.role', 's.applied', 's.examples', 's.answeredAt'])
        .where('s.course_id = :courseId', { courseId })
        .andWhere('s.status = :answered', { answered: 'answered' })
        .andWhere('s.examples IS NOT NULL')
        .orderBy('s.answered_at', 'DESC')
        .take(limit)
        .getMany(),
    );
    return rows.map((r) => ({ role: r.role, applied: r.applied!, examples: r.examples! }));
  }
}
