import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, DomainException, newId } from '../../../libs/common';
import { CatalogError } from './catalog.errors';
import { Course, CourseAudience, CourseCompetency, CourseSection, CourseVersion, Lesson } from './entities';

/**
 * The draft a course is edited in. A published version is frozen: the first edit after
 * publishing copies it into a new draft version (sections and lessons keep their keys,
 * media files are shared), which replaces it when published.
 */
@Injectable()
export class CourseDrafts {
  constructor(private readonly clock: Clock) {}

  /** The course's draft version, opened from the published one when there is none. Locks the course row. */
  async draftOf(m: EntityManager, course: Course): Promise<CourseVersion> {
    if (course.status === 'archived') {
      throw new DomainException(CatalogError.ARCHIVED, 'An archived course cannot be edited');
    }
    if (course.draftVersionId) return m.findOneByOrFail(CourseVersion, { id: course.draftVersionId });
    if (!course.publishedVersionId) throw new DomainException(CatalogError.NO_DRAFT, 'The course has no version');
    const draft = await this.copyVersion(m, course.publishedVersionId);
    await m.update(Course, { id: course.id }, { draftVersionId: draft.id, updatedAt: this.clock.now() });
    course.draftVersionId = draft.id;
    return draft;
  }

  private async copyVersion(m: EntityManager, fromId: string): Promise<CourseVersion> {
    const now = this.clock.now();
    const from = await m.findOneByOrFail(CourseVersion, { id: fromId });
    const latest = await m
      .createQueryBuilder(CourseVersion, 'v')
      .select('MAX(v.number)', 'n')
      .where('v.courseId = :id', { id: from.courseId })
      .getRawOne<{ n: number }>();
    const draft: CourseVersion = {
      ...from,
      id: newId(),
      number: Number(latest?.n ?? from.number) + 1,
      status: 'draft',
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await m.insert(CourseVersion, draft);
    const sectionIds = new Map<string, string>();
    const sections = await m.findBy(CourseSection, { versionId: fromId });
    for (const s of sections) sectionIds.set(s.id, newId());
    if (sections.length) {
      await m.insert(
        CourseSection,
        sections.map((s) => ({ ...s, id: sectionIds.get(s.id)!, versionId: draft.id })),
      );
    }
    const lessons = await m.findBy(Lesson, { versionId: fromId });
    if (lessons.length) {
      await m.insert(
        Lesson,
        lessons.map((l) => ({ ...l, id: newId(), versionId: draft.id, sectionId: sectionIds.get(l.sectionId)! })),
      );
    }
    const competencies = await m.findBy(CourseCompetency, { versionId: fromId });
    if (competencies.length) {
      await m.insert(
        CourseCompetency,
        competencies.map((c) => ({ ...c, versionId: draft.id })),
      );
    }
    const audience = await m.findBy(CourseAudience, { versionId: fromId });
    if (audience.length)
      await m.insert(
        CourseAudience,
        audience.map((a) => ({ ...a, versionId: draft.id })),
      );
    return draft;
  }
}
