import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, FindOptionsWhere, In } from 'typeorm';
import { AuthUser } from '../../../libs/auth';
import { Clock, DomainException, newId, validationFailed } from '../../../libs/common';
import { sanitiseHtml } from '../../../libs/content';
import { TransactionRunner } from '../../../libs/database';
import { CatalogError } from './catalog.errors';
import { CourseAccess } from './course-access';
import { CourseDrafts } from './course-drafts';
import { LessonView, lessonView, SectionView } from './course-outline';
import { LessonDto } from './dto/lesson.dto';
import { CourseSection, CourseVersion, Lesson } from './entities';

/** Modules (sections) and lessons of a course's draft version. */
@Injectable()
export class CourseContentService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly access: CourseAccess,
    private readonly drafts: CourseDrafts,
  ) {}

  addSection(user: AuthUser, courseId: string, title: string): Promise<SectionView> {
    return this.inDraft(user, courseId, async (m, draft) => {
      const count = await m.countBy(CourseSection, { versionId: draft.id });
      const section = {
        id: newId(),
        versionId: draft.id,
        sectionKey: newId(),
        position: count + 1,
        title: title.trim(),
      };
      await m.insert(CourseSection, section);
      return { id: section.id, title: section.title, position: section.position, lessons: [] };
    });
  }

  renameSection(user: AuthUser, courseId: string, sectionId: string, title: string): Promise<void> {
    return this.inDraft(user, courseId, async (m, draft) => {
      const section = await this.section(m, draft, sectionId);
      await m.update(CourseSection, { id: section.id }, { title: title.trim() });
    });
  }

  removeSection(user: AuthUser, courseId: string, sectionId: string): Promise<void> {
    return this.inDraft(user, courseId, async (m, draft) => {
      const section = await this.section(m, draft, sectionId);
      await m.delete(Lesson, { versionId: draft.id, sectionId: section.id });
      await m.delete(CourseSection, { id: section.id });
      await this.renumber(m, draft.id);
    });
  }

  /**
   * Puts the sections in the given order; every section id must be listed once. Ids of the
   * published version are accepted too (the page shows them until a draft is open).
   */
  orderSections(user: AuthUser, courseId: string, given: string[]): Promise<void> {
    return this.inDraft(user, courseId, async (m, draft) => {
      const sections = await m.findBy(CourseSection, { versionId: draft.id });
      const ids = await inDraftIds(m, CourseSection, 'sectionKey', sections, given);
      assertSameSet(
        sections.map((s) => s.id),
        ids,
        'ids',
      );
      for (const [i, id] of ids.entries()) await m.update(CourseSection, { id }, { position: i + 1 });
      await this.renumber(m, draft.id);
    });
  }

  addLesson(user: AuthUser, courseId: string, sectionId: string, dto: LessonDto): Promise<LessonView> {
    return this.inDraft(user, courseId, async (m, draft) => {
      const section = await this.section(m, draft, sectionId);
      const lesson: Lesson = {
        id: newId(),
        versionId: draft.id,
        sectionId: section.id,
        lessonKey: newId(),
        position: 1_000_000,
        ...lessonFields(dto),
        mediaKey: null,
        mediaMime: null,
        mediaName: null,
        mediaSize: null,
        quizId: null,
      };
      await m.insert(Lesson, lesson);
      await this.renumber(m, draft.id);
      return lessonView(await m.findOneByOrFail(Lesson, { id: lesson.id }));
    });
  }

  updateLesson(user: AuthUser, courseId: string, lessonId: string, dto: LessonDto): Promise<LessonView> {
    return this.inDraft(user, courseId, async (m, draft) => {
      const lesson = await this.lessonOf(m, draft, lessonId);
      // A file belongs to video and document lessons only; changing the kind drops it.
      const keepsMedia = dto.kind === lesson.kind && (dto.kind === 'video' || dto.kind === 'document');
      await m.update(
        Lesson,
        { id: lesson.id },
        {
          ...lessonFields(dto),
          ...(keepsMedia ? {} : { mediaKey: null, mediaMime: null, mediaName: null, mediaSize: null }),
          ...(dto.kind === 'quiz' ? {} : { quizId: null }),
        },
      );
      return lessonView(await m.findOneByOrFail(Lesson, { id: lesson.id }));
    });
  }

  /**
   * Points a quiz lesson of the draft at a quiz (the assessment module checks the quiz is the
   * course's). Each refusal names what is wrong, the lesson field by its name where it is the
   * lesson (pages word it in their language): the course archived (CATALOG.ARCHIVED), the
   * lesson not in the course (QUIZ_LESSON_NOT_FOUND), or not a quiz lesson (LESSON_KIND_MISMATCH).
   * A lesson of the published version names the same lesson of the draft, by key.
   */
  attachQuiz(user: AuthUser, courseId: string, lessonId: string, quizId: string | null): Promise<LessonView> {
    return this.inDraft(user, courseId, async (m, draft) => {
      const lesson = await this.findLesson(m, draft, lessonId);
      if (!lesson) {
        throw new DomainException(CatalogError.QUIZ_LESSON_NOT_FOUND, 'The lesson is not in this course', {
          fields: [{ field: 'lessonId', rule: 'course_lesson', message: 'the lesson is not in this course' }],
        });
      }
      if (lesson.kind !== 'quiz') {
        throw new DomainException(CatalogError.LESSON_KIND_MISMATCH, 'Only a quiz lesson presents a quiz', {
          fields: [{ field: 'lessonId', rule: 'quiz_lesson', message: 'the lesson is not of kind quiz' }],
        });
      }
      await m.update(Lesson, { id: lesson.id }, { quizId });
      return lessonView(await m.findOneByOrFail(Lesson, { id: lesson.id }));
    });
  }

  removeLesson(user: AuthUser, courseId: string, lessonId: string): Promise<void> {
    return this.inDraft(user, courseId, async (m, draft) => {
      const lesson = await this.lessonOf(m, draft, lessonId);
      await m.delete(Lesson, { id: lesson.id });
      await this.renumber(m, draft.id);
    });
  }

  /** Puts a section's lessons in the given order (ids of the published version accepted too). */
  orderLessons(user: AuthUser, courseId: string, sectionId: string, given: string[]): Promise<void> {
    return this.inDraft(user, courseId, async (m, draft) => {
      const section = await this.section(m, draft, sectionId);
      const lessons = await m.findBy(Lesson, { versionId: draft.id, sectionId: section.id });
      const ids = await inDraftIds(m, Lesson, 'lessonKey', lessons, given);
      assertSameSet(
        lessons.map((l) => l.id),
        ids,
        'ids',
      );
      for (const [i, id] of ids.entries()) await m.update(Lesson, { id }, { position: i + 1 });
      await this.renumber(m, draft.id);
    });
  }

  /** Runs a change on the draft (opened from the published version when needed) and touches it. */
  async inDraft<T>(
    user: AuthUser,
    courseId: string,
    change: (m: EntityManager, draft: CourseVersion) => Promise<T>,
  ): Promise<T> {
    return this.tx.run(async (m) => {
      const course = await this.access.editable(m, user, courseId, true);
      const draft = await this.drafts.draftOf(m, course);
      const result = await change(m, draft);
      await m.update(CourseVersion, { id: draft.id }, { updatedAt: this.clock.now() });
      return result;
    });
  }

  async lessonOf(m: EntityManager, draft: CourseVersion, lessonId: string): Promise<Lesson> {
    const lesson = await this.findLesson(m, draft, lessonId);
    if (!lesson) throw new DomainException(CatalogError.LESSON_NOT_FOUND, 'No such lesson in the draft');
    return lesson;
  }

  private async findLesson(m: EntityManager, draft: CourseVersion, lessonId: string): Promise<Lesson | null> {
    // As with sections, an id from the published version names the same lesson by key.
    const lesson = await m.findOneBy(Lesson, { id: lessonId, versionId: draft.id });
    if (lesson) return lesson;
    const other = await m.findOneBy(Lesson, { id: lessonId });
    return other ? m.findOneBy(Lesson, { versionId: draft.id, lessonKey: other.lessonKey }) : null;
  }

  private async section(m: EntityManager, draft: CourseVersion, sectionId: string): Promise<CourseSection> {
    // An id of the published version is accepted too: it names the same section by key.
    const section =
      (await m.findOneBy(CourseSection, { id: sectionId, versionId: draft.id })) ??
      (await this.sameKeyInDraft(m, draft, sectionId));
    if (!section) throw new DomainException(CatalogError.SECTION_NOT_FOUND, 'No such module in the draft');
    return section;
  }

  private async sameKeyInDraft(m: EntityManager, draft: CourseVersion, sectionId: string) {
    const other = await m.findOneBy(CourseSection, { id: sectionId });
    return other ? m.findOneBy(CourseSection, { versionId: draft.id, sectionKey: other.sectionKey }) : null;
  }

  /** Lesson positions run 1..n over the whole course: sections in order, lessons in order inside each. */
  private async renumber(m: EntityManager, versionId: string): Promise<void> {
    const sections = await m.find(CourseSection, { where: { versionId }, order: { position: 'ASC' } });
    const lessons = await m.find(Lesson, { where: { versionId }, order: { position: 'ASC' } });
    let position = 0;
    for (const [i, section] of sections.entries()) {
      if (section.position !== i + 1) await m.update(CourseSection, { id: section.id }, { position: i + 1 });
      for (const lesson of lessons.filter((l) => l.sectionId === section.id)) {
        position += 1;
        if (lesson.position !== position) await m.update(Lesson, { id: lesson.id }, { position });
      }
    }
  }
}

/**
 * The given ids in the draft's own ids: an id of the published version names the same row by
 * its key (one query for all of them). Ids the draft does not know stay as given, for the
 * caller's check to refuse.
 */
async function inDraftIds<T extends { id: string }, K extends keyof T & string>(
  m: EntityManager,
  entity: EntityTarget<T>,
  key: K,
  draftRows: T[],
  given: string[],
): Promise<string[]> {
  const inDraft = new Set(draftRows.map((r) => r.id));
  const others = given.filter((id) => !inDraft.has(id));
  if (others.length === 0) return given;
  const published = await m.getRepository(entity).findBy({ id: In(others) } as FindOptionsWhere<T>);
  const keyOf = new Map(published.map((r) => [r.id, r[key]]));
  const byKey = new Map(draftRows.map((r) => [r[key], r.id]));
  return given.map((id) => (inDraft.has(id) ? id : (byKey.get(keyOf.get(id) as T[K]) ?? id)));
}

function lessonFields(dto: LessonDto) {
  const needs = (field: 'bodyHtml' | 'externalUrl', kind: string) =>
    validationFailed([{ field, rule: 'required', message: `${field} is needed for a ${kind} lesson` }]);
  if (dto.kind === 'link' && !dto.externalUrl) throw needs('externalUrl', 'link');
  return {
    title: dto.title.trim(),
    kind: dto.kind,
    required: dto.required ?? true,
    bodyHtml: dto.kind === 'text' ? sanitiseHtml(dto.bodyHtml ?? '') : null,
    externalUrl: dto.kind === 'video' || dto.kind === 'link' ? (dto.externalUrl ?? null) : null,
    durationMinutes: dto.durationMinutes ?? null,
  };
}

function assertSameSet(existing: string[], given: string[], field: string): void {
  const same = existing.length === given.length && given.every((id) => existing.includes(id));
  if (!same) throw validationFailed([{ field, rule: 'complete_order', message: `${field} must list every item once` }]);
}
