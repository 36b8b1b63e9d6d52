import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../../../libs/auth';
import { DomainException } from '../../../../../libs/common';
import { AssessmentApi, CourseGain } from '../../../assessment/assessment.api';
import { CatalogApi } from '../../../catalog/catalog.api';
import { IdentityApi } from '../../../identity/identity.api';
import {
  BehaviourSide,
  behaviourSummary,
  GainSummary,
  gainSummary,
  reactionSummary,
  ReactionSummary,
} from '../domain/summaries';
import { AppliedAnswer, FollowUpRole } from '../entities';
import { EvaluationError } from '../evaluation.errors';
import { EvaluationQueries } from './evaluation-queries';
import { EvaluationScope } from './evaluation-scope';

/** How many of a competency's courses its pooled learning gain reads (the most relevant first). */
const COURSES_PER_COMPETENCY = 20;
/** Courses a results list shows at most (the most answered of the reader's). */
const COURSE_LIMIT = 500;

export interface CompetencyGain extends GainSummary {
  code: string;
  level: number;
  /** Courses in the reader's scope that develop this competency and were pooled. */
  courses: number;
}

export interface CourseResults {
  courseId: string;
  title: string;
  instructors: Array<{ id: string; name: string }>;
  reaction: ReactionSummary;
  comments: Array<{ comment: string; answeredAt: Date }>;
  learning: CourseGain;
  competencies: CompetencyGain[];
  behaviour: BehaviourSide[];
  examples: Array<{ role: FollowUpRole; applied: AppliedAnswer; examples: string }>;
}

export interface InstructorResults {
  instructorId: string;
  name: string;
  reaction: ReactionSummary;
  comments: Array<{ comment: string; answeredAt: Date }>;
  courses: Array<{ courseId: string; title: string; requested: number; answered: number }>;
}

/** Kirkpatrick L1-L3 of a course, and L1 of an instructor across their courses, within the reader's scope. */
@Injectable()
export class EvaluationResultsService {
  constructor(
    private readonly scope: EvaluationScope,
    private readonly queries: EvaluationQueries,
    private readonly catalog: CatalogApi,
    private readonly assessment: AssessmentApi,
    private readonly identity: IdentityApi,
  ) {}

  /** Courses with questionnaires that the reader may see, with their response counts. */
  async courseList(
    user: AuthUser,
  ): Promise<Array<{ courseId: string; title: string; requested: number; answered: number }>> {
    const mine = await this.queries.courses(COURSE_LIMIT, this.scope.courseFilter(user));
    const titles = await this.catalog.courseTitles(mine.map((c) => c.courseId));
    return mine.map((c) => ({ ...c, title: titles.get(c.courseId) ?? '' }));
  }

  async course(user: AuthUser, courseId: string): Promise<CourseResults> {
    await this.scope.assertCourse(user, courseId);
    const ids = [courseId];
    const [titles, instructorIds, requested, counts, comments, learning, followUps, examples] = await Promise.all([
      this.catalog.courseTitles(ids),
      this.catalog.instructorIds(ids),
      this.queries.requested(ids),
      this.queries.scoreCounts(ids),
      this.queries.recentComments(ids),
      this.assessment.courseGain(courseId),
      this.queries.followUpCounts(courseId),
      this.queries.recentExamples(courseId),
    ]);
    const teaching = instructorIds.get(courseId) ?? [];
    const names = await this.identity.namesOf(teaching);
    return {
      courseId,
      title: titles.get(courseId) ?? '',
      instructors: teaching.map((id) => ({ id, name: names.get(id)?.name ?? '' })),
      reaction: reactionSummary(requested, counts),
      comments,
      learning,
      competencies: await this.competencyGains(user, courseId),
      behaviour: behaviourSummary(followUps),
      examples,
    };
  }

  /**
   * L1 across the courses an instructor teaches that the reader may see. Another
   * instructor, or an admin who sees none of them, gets "not found".
   */
  async instructor(user: AuthUser, instructorId: string): Promise<InstructorResults> {
    if (user.role === 'instructor' && user.id !== instructorId) throw instructorNotFound();
    const courses = await this.queries.courses(COURSE_LIMIT, async (ids) => {
      const teaching = await this.catalog.instructorIds(ids);
      return this.scope.visibleCourses(
        user,
        ids.filter((id) => teaching.get(id)?.includes(instructorId)),
      );
    });
    const [person] = (await this.identity.factsOf([instructorId])) ?? [];
    if (!person || (courses.length === 0 && user.id !== instructorId)) throw instructorNotFound();
    const ids = courses.map((c) => c.courseId);
    const [titles, names, requested, counts, comments] = await Promise.all([
      this.catalog.courseTitles(ids),
      this.identity.namesOf([instructorId]),
      this.queries.requested(ids),
      this.queries.scoreCounts(ids),
      this.queries.recentComments(ids),
    ]);
    return {
      instructorId,
      name: names.get(instructorId)?.name ?? '',
      reaction: reactionSummary(requested, counts),
      comments,
      courses: courses.map((c) => ({ ...c, title: titles.get(c.courseId) ?? '' })),
    };
  }

  /** L2 per competency of the course: the gain pooled over the reader's courses that develop it. */
  private async competencyGains(user: AuthUser, courseId: string): Promise<CompetencyGain[]> {
    const offered = await this.catalog.offered(courseId);
    const facts = offered?.publishedVersionId ? await this.catalog.completionFacts(offered.publishedVersionId) : null;
    const out: CompetencyGain[] = [];
    for (const { code, level } of facts?.competencies ?? []) {
      const developing = (await this.catalog.coursesForCompetencies([code])).map((c) => c.courseId);
      const candidates = [courseId, ...developing.filter((id) => id !== courseId)].slice(0, COURSES_PER_COMPETENCY);
      const visible = await this.scope.visibleCourses(user, candidates);
      const gains = (await Promise.all(visible.map((id) => this.assessment.learningGains(id)))).flat();
      out.push({ code, level, courses: visible.length, ...gainSummary(gains) });
    }
    return out;
  }
}

const instructorNotFound = () =>
  new DomainException(EvaluationError.EVALUATION_INSTRUCTOR_NOT_FOUND, 'No such instructor');
