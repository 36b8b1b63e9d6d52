import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../../libs/auth';
import { Clock, DomainException, FieldProblem } from '../../../libs/common';
import { TransactionRunner } from '../../../libs/database';
import { CatalogError } from './catalog.errors';
import { CourseAccess } from './course-access';
import { Course, CourseAudience, CourseCompetency, CourseVersion, Lesson } from './entities';

/** draft → published → archived. Publishing freezes the draft as the course's current version. */
@Injectable()
export class PublishingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly access: CourseAccess,
  ) {}

  async publish(user: AuthUser, courseId: string): Promise<{ versionId: string; versionNumber: number }> {
    return this.tx.run(async (m) => {
      const course = await this.access.editable(m, user, courseId, true);
      if (course.status === 'archived') throw new DomainException(CatalogError.ARCHIVED, 'The course is archived');
      if (!course.draftVersionId) {
        throw new DomainException(CatalogError.NO_DRAFT, 'Nothing to publish: the published version is current');
      }
      const draft = await m.findOneByOrFail(CourseVersion, { id: course.draftVersionId });
      const problems = await this.problemsOf(m, draft);
      if (problems.length) {
        throw new DomainException(CatalogError.NOT_PUBLISHABLE, 'The course is not ready to publish', {
          fields: problems,
        });
      }
      const now = this.clock.now();
      if (course.publishedVersionId) {
        await m.update(CourseVersion, { id: course.publishedVersionId }, { status: 'superseded', updatedAt: now });
      }
      await m.update(CourseVersion, { id: draft.id }, { status: 'published', publishedAt: now, updatedAt: now });
      await m.update(
        Course,
        { id: course.id },
        { status: 'published', publishedVersionId: draft.id, draftVersionId: null, publishedAt: now, updatedAt: now },
      );
      return { versionId: draft.id, versionNumber: draft.number };
    });
  }

  /** Takes the course out of the catalogue; learners already in it may finish. */
  async archive(user: AuthUser, courseId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const course = await this.access.editable(m, user, courseId, true);
      if (course.status !== 'published') {
        throw new DomainException(CatalogError.NO_DRAFT, 'Only a published course can be archived');
      }
      await m.update(Course, { id: course.id }, { status: 'archived', updatedAt: this.clock.now() });
    });
  }

  /** Every reason the draft cannot be published, named by field. */
  private async problemsOf(m: EntityManager, draft: CourseVersion): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const lessons = await m.find(Lesson, { where: { versionId: draft.id }, order: { position: 'ASC' } });
    if (lessons.length === 0)
      problems.push({ field: 'modules', rule: 'not_empty', message: 'add at least one lesson' });
    if ((await m.countBy(CourseCompetency, { versionId: draft.id })) === 0) {
      problems.push({ field: 'competencies', rule: 'not_empty', message: 'name at least one competency it develops' });
    }
    if (!draft.audienceEveryone && (await m.countBy(CourseAudience, { versionId: draft.id })) === 0) {
      problems.push({ field: 'audience', rule: 'not_empty', message: 'name who the course is for, or everyone' });
    }
    for (const lesson of lessons) {
      const missing = missingContent(lesson);
      if (missing)
        problems.push({ field: `lessons.${lesson.id}`, rule: 'content', message: `${lesson.title}: ${missing}` });
    }
    return problems;
  }
}

function missingContent(lesson: Lesson): string | null {
  switch (lesson.kind) {
    case 'text':
      return lesson.bodyHtml?.trim() ? null : 'the text is empty';
    case 'video':
      return lesson.mediaKey || lesson.externalUrl ? null : 'upload a video or give its URL';
    case 'document':
      return lesson.mediaKey ? null : 'upload the document';
    case 'link':
      return lesson.externalUrl ? null : 'give the link';
    case 'quiz':
      return lesson.quizId ? null : 'attach a quiz';
  }
}
