import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuthUser } from '../../../libs/auth';
import { Page } from '../../../libs/common';
import { TransactionRunner } from '../../../libs/database';
import { CatalogueItem, CatalogueRepository, CatalogueViewer } from './catalogue.repository';
import { CourseAccess } from './course-access';
import { CourseContentService } from './course-content.service';
import { CourseOutline, instructorsOf, LessonView, lessonView, loadOutline } from './course-outline';
import { AudienceRule } from './domain/audience';
import { fromTenths } from './domain/jp';
import { CatalogueQuery } from './dto/catalogue-query.dto';
import { Course, CourseCompetency, CourseVersion, Lesson } from './entities';
import { LessonMediaService, StoredMedia } from './lesson-media.service';

export { audienceReachesScope, inAudience, regionAncestry } from './domain/audience';
export type { AudienceMember, AudienceRule } from './domain/audience';
export { isCourseComplete, lockedLessonIds, requiredLessons } from './domain/completion-rule';
export type { RuleLesson } from './domain/completion-rule';
export { fromTenths, toTenths } from './domain/jp';
export { CatalogueQuery } from './dto/catalogue-query.dto';
export type { CatalogueItem, CatalogueViewer } from './catalogue.repository';
export type { CourseOutline, LessonView, SectionView } from './course-outline';
export type { StoredMedia } from './lesson-media.service';
export type { EnrolmentMode, LessonKind } from './entities';
export { LESSON_KINDS, ENROLMENT_MODES } from './entities';

/** What completing a version means: its lessons, and what it credits. */
export interface CompletionFacts {
  courseId: string;
  versionId: string;
  title: string;
  jpTenths: number;
  inOrder: boolean;
  /** Published or superseded: nothing in it changes any more. */
  frozen: boolean;
  lessons: Array<{
    id: string;
    lessonKey: string;
    position: number;
    required: boolean;
    kind: Lesson['kind'];
    quizId: string | null;
  }>;
  competencies: Array<{ code: string; level: number }>;
}

/** A course as the catalogue offers it: status, the published version and who it is for. */
/** A published course that develops a competency to a level. */
export interface CourseForCompetency {
  courseId: string;
  title: string;
  jpTenths: number;
  competencyCode: string;
  level: number;
}

export interface OfferedCourse {
  courseId: string;
  status: Course['status'];
  publishedVersionId: string | null;
  enrolmentMode: CourseVersion['enrolmentMode'] | null;
  deadline: Date | null;
  audience: AudienceRule;
}

/** What other modules may ask of the catalogue (its only public entry). */
@Injectable()
export class CatalogApi {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
    private readonly access: CourseAccess,
    private readonly media: LessonMediaService,
    private readonly content: CourseContentService,
  ) {}

  search(viewer: CatalogueViewer, query: CatalogueQuery): Promise<Page<CatalogueItem>> {
    return this.catalogue.search(viewer, query);
  }

  /** Null when there is no such course, or it has never been published. */
  async offered(courseId: string): Promise<OfferedCourse | null> {
    return this.tx.run(async (m) => {
      const course = await m.findOneBy(Course, { id: courseId });
      if (!course?.publishedVersionId) return null;
      const outline = await loadOutline(m, course, course.publishedVersionId);
      return {
        courseId,
        status: course.status,
        publishedVersionId: course.publishedVersionId,
        enrolmentMode: outline.enrolmentMode,
        deadline: outline.deadline ? new Date(outline.deadline) : null,
        audience: outline.audience,
      };
    });
  }

  /** A version's full outline (for learners on it). */
  async outline(courseId: string, versionId: string): Promise<CourseOutline | null> {
    return this.tx.run(async (m) => {
      const course = await m.findOneBy(Course, { id: courseId });
      const version = await m.findOneBy(CourseVersion, { id: versionId, courseId });
      if (!course || !version || version.status === 'draft') return null;
      return loadOutline(m, course, versionId);
    });
  }

  async completionFacts(versionId: string): Promise<CompletionFacts | null> {
    return this.tx.run(async (m) => {
      const version = await m.findOneBy(CourseVersion, { id: versionId });
      if (!version) return null;
      const lessons = await m.find(Lesson, {
        where: { versionId },
        order: { position: 'ASC' },
        select: { id: true, lessonKey: true, position: true, required: true, kind: true, quizId: true },
      });
      const competencies = await m.findBy(CourseCompetency, { versionId });
      return {
        courseId: version.courseId,
        versionId,
        title: version.title,
        jpTenths: version.jpTenths,
        inOrder: version.inOrder,
        frozen: version.status !== 'draft',
        lessons: lessons.map(({ id, lessonKey, position, required, kind, quizId }) => ({
          id,
          lessonKey,
          position,
          required,
          kind,
          quizId,
        })),
        competencies: competencies.map((c) => ({ code: c.competencyCode, level: c.level })),
      };
    });
  }

  /** One lesson of a published (or superseded) version, with its content. */
  async lesson(versionId: string, lessonId: string): Promise<LessonView | null> {
    return this.tx.run(async (m) => {
      const lesson = await m.findOneBy(Lesson, { id: lessonId, versionId });
      return lesson ? lessonView(lesson) : null;
    });
  }

  /** Title and JP of versions, for lists of enrolments. */
  async versionTitles(versionIds: string[]): Promise<Map<string, { title: string; jp: number }>> {
    if (versionIds.length === 0) return new Map();
    const rows = await this.tx.run((m) =>
      m.find(CourseVersion, { select: { id: true, title: true, jpTenths: true }, where: { id: In(versionIds) } }),
    );
    return new Map(rows.map((v) => [v.id, { title: v.title, jp: fromTenths(v.jpTenths) }]));
  }

  /** The current title of courses (the published version's, else the draft's). */
  async courseTitles(courseIds: string[]): Promise<Map<string, string>> {
    if (courseIds.length === 0) return new Map();
    const courses = await this.tx.run((m) => m.findBy(Course, { id: In(courseIds) }));
    const current = new Map(courses.map((c) => [c.id, (c.publishedVersionId ?? c.draftVersionId)!]));
    const titles = await this.versionTitles([...current.values()]);
    return new Map([...current].map(([courseId, versionId]) => [courseId, titles.get(versionId)?.title ?? '']));
  }

  /** Points a quiz lesson of the course's draft at a quiz of the same course. */
  attachQuiz(user: AuthUser, courseId: string, lessonId: string, quizId: string | null): Promise<LessonView> {
    return this.content.attachQuiz(user, courseId, lessonId, quizId);
  }

  /**
   * Published courses that develop any of these competencies, with the level each reaches:
   * what a plan proposal or a needs analysis suggests. Audience rules still apply at enrolment.
   */
  async coursesForCompetencies(codes: string[]): Promise<CourseForCompetency[]> {
    if (codes.length === 0) return [];
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(CourseCompetency, 'cc')
        // An archived course keeps its published version but is in no one's catalogue.
        .innerJoin(Course, 'c', "c.published_version_id = cc.version_id AND c.status = 'published'")
        .innerJoin(CourseVersion, 'v', 'v.id = cc.version_id')
        .select('c.id', 'courseId')
        .addSelect('v.title', 'title')
        .addSelect('v.jp_tenths', 'jpTenths')
        .addSelect('cc.competency_code', 'competencyCode')
        .addSelect('cc.level', 'level')
        .where('cc.competency_code IN (:...codes)', { codes })
        .orderBy('cc.competency_code', 'ASC')
        .addOrderBy('cc.level', 'ASC')
        .addOrderBy('v.title', 'ASC')
        .getRawMany<{
          courseId: string;
          title: string;
          jpTenths: string | number;
          competencyCode: string;
          level: string | number;
        }>(),
    );
    return rows.map((r) => ({ ...r, jpTenths: Number(r.jpTenths), level: Number(r.level) }));
  }

  /** The unit that owns (and issues certificates for) a course; null for national courses. */
  async ownerUnitId(courseId: string): Promise<string | null> {
    return (await this.ownerUnitIds([courseId])).get(courseId) ?? null;
  }

  /** The owning unit of each course, in one query (null for national courses; unknown ids absent). */
  async ownerUnitIds(courseIds: string[]): Promise<Map<string, string | null>> {
    if (courseIds.length === 0) return new Map();
    const courses = await this.tx.run((m) =>
      m.find(Course, { where: { id: In(courseIds) }, select: { id: true, ownerUnitId: true } }),
    );
    return new Map(courses.map((c) => [c.id, c.ownerUnitId]));
  }

  /** The instructors of each course (owner first), e.g. to tell them essays wait for grading. */
  async instructorIds(courseIds: string[]): Promise<Map<string, string[]>> {
    const rows = courseIds.length ? await this.tx.run((m) => instructorsOf(m, [...new Set(courseIds)])) : [];
    const byCourse = new Map<string, string[]>();
    for (const r of rows) byCourse.set(r.courseId, [...(byCourse.get(r.courseId) ?? []), r.userId]);
    return byCourse;
  }

  mayEdit(user: AuthUser, courseId: string): Promise<boolean> {
    return this.tx.run((m) => this.access.mayEdit(m, user, courseId));
  }

  lessonMedia(lessonId: string): Promise<StoredMedia | null> {
    return this.media.find(lessonId);
  }

  cover(versionId: string): Promise<{ key: string; mime: string } | null> {
    return this.media.cover(versionId);
  }
}
