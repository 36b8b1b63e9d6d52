import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { REACTION_ITEMS, ReactionItem } from '../domain/answers';
import { AppliedAnswer, CourseEvaluation, FollowUpRole, FollowUpStatus, FollowUpSurvey } from '../entities';

/** Course ids handed to a reader's filter at a time. */
const KEEP_CHUNK = 500;

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

  /**
   * Courses with questionnaires and how many were sent and answered, most answered first, at
   * most `limit` of them. With `keep` (which of these course ids the reader may see), only
   * those count: the reader's courses are picked out of all of them before the limit is
   * applied, so a unit's few courses are not crowded out by the busiest courses nationwide.
   */
  async courses(limit = 500, keep?: (courseIds: string[]) => Promise<string[]>): Promise<CourseCounts[]> {
    const rows = await this.tx.run((m) => {
      const qb = m
        .createQueryBuilder(CourseEvaluation, 'e')
        .select('e.course_id', 'courseId')
        .addSelect('COUNT(*)', 'requested')
        .addSelect('COUNT(e.answered_at)', 'answered')
        .groupBy('e.course_id')
        .orderBy('COUNT(e.answered_at)', 'DESC')
        .addOrderBy('e.course_id', 'ASC');
      if (!keep) qb.limit(limit);
      return qb.getRawMany<{ courseId: string; requested: string | number; answered: string | number }>();
    });
    const all = rows.map((r) => ({
      courseId: r.courseId,
      requested: Number(r.requested),
      answered: Number(r.answered),
    }));
    if (!keep) return all;
    const kept: CourseCounts[] = [];
    for (let i = 0; i < all.length && kept.length < limit; i += KEEP_CHUNK) {
      const chunk = all.slice(i, i + KEEP_CHUNK);
      const visible = new Set(await keep(chunk.map((c) => c.courseId)));
      kept.push(...chunk.filter((c) => visible.has(c.courseId)));
    }
    return kept.slice(0, limit);
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
