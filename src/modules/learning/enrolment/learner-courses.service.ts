import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import {
  CatalogApi,
  CompletionFacts,
  CourseOutline,
  LessonView,
  lockedLessonIds,
  requiredLessons,
  StoredMedia,
} from '../../catalog/catalog.api';
import { Enrolment, isLearning, LessonProgress } from '../entities';
import { LearningError } from '../learning.errors';
import { CompletionOutcome, CompletionRecorder } from '../progress/completion-recorder';
import { VersionFacts } from '../progress/version-facts';
import { enrolmentDeadlinePassed } from './enrolment-deadline';
import { EnrolmentView, toEnrolmentView } from './enrolment.view';
import { openTo } from './enrolments.service';
import { LearnerContext } from './learner-context';

export interface LessonState {
  completed: boolean;
  locked: boolean;
  positionSeconds: number;
}

export interface CourseProgress {
  requiredLessons: number;
  completedRequired: number;
  percent: number;
}

/** The course page: the outline (without lesson bodies, to keep it light) and the caller's place in it. */
export interface LearnerCourseView extends Omit<CourseOutline, 'modules'> {
  modules: Array<{ id: string; title: string; position: number; lessons: Array<LessonSummary> }>;
  enrolment: EnrolmentView | null;
  progress: CourseProgress | null;
  /** The enrolment deadline has passed: the caller, not (or no longer) enrolled, cannot enrol now. */
  enrolmentClosed: boolean;
}

type LessonSummary = Omit<LessonView, 'bodyHtml'> & { state: LessonState | null };

export interface OpenedLesson extends LessonView {
  state: LessonState;
  /** The lesson after this one; `locked` while a course taken in order still waits for this one. */
  next: { id: string; title: string; locked: boolean } | null;
}

/** A learner inside a course: the page, opening lessons, resuming videos and completing lessons. */
@Injectable()
export class LearnerCoursesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly catalog: CatalogApi,
    private readonly context: LearnerContext,
    private readonly facts: VersionFacts,
    private readonly recorder: CompletionRecorder,
  ) {}

  async page(user: AuthUser, courseId: string): Promise<LearnerCourseView> {
    const enrolment = await this.enrolmentOf(user.id, courseId);
    let versionId = enrolment?.versionId;
    let enrolmentClosed = false;
    if (!enrolment) {
      const offered = await this.catalog.offered(courseId);
      if (!offered || !openTo(offered, await this.context.learner(user))) throw courseNotFound();
      versionId = offered.publishedVersionId!;
      enrolmentClosed = enrolmentDeadlinePassed(offered.deadline, this.clock.now());
    } else if (enrolment.status === 'rejected') {
      // Asking again is checked against the course as offered now (as enrolling is).
      const offered = await this.catalog.offered(courseId);
      enrolmentClosed = enrolmentDeadlinePassed(offered?.deadline, this.clock.now());
    }
    const outline = await this.catalog.outline(courseId, versionId!);
    if (!outline) throw courseNotFound();
    const states = enrolment ? await this.states(enrolment) : null;
    return {
      ...outline,
      modules: outline.modules.map((s) => ({
        ...s,
        lessons: s.lessons.map(({ bodyHtml: _body, ...lesson }) => ({
          ...lesson,
          state: states?.byLesson.get(lesson.id) ?? null,
        })),
      })),
      enrolment: enrolment ? toEnrolmentView(enrolment) : null,
      progress: states?.progress ?? null,
      enrolmentClosed,
    };
  }

  /** Opens a lesson (its content) and remembers it as where the learner left off. */
  async open(user: AuthUser, courseId: string, lessonId: string): Promise<OpenedLesson> {
    const { enrolment, facts, state, byLesson } = await this.reachable(user, courseId, lessonId);
    const lesson = await this.catalog.lesson(enrolment.versionId, lessonId);
    if (!lesson) throw lessonNotFound();
    await this.tx.run((m) =>
      m.update(Enrolment, { id: enrolment.id }, { lastLessonId: lessonId, updatedAt: this.clock.now() }),
    );
    const index = facts.lessons.findIndex((l) => l.id === lessonId);
    const following = facts.lessons[index + 1];
    const nextLesson = following ? await this.catalog.lesson(enrolment.versionId, following.id) : null;
    const next = nextLesson
      ? { id: nextLesson.id, title: nextLesson.title, locked: byLesson.get(nextLesson.id)?.locked ?? false }
      : null;
    return { ...lesson, state, next };
  }

  /** Remembers where a video was left; never un-completes a lesson. */
  async savePosition(user: AuthUser, courseId: string, lessonId: string, seconds: number): Promise<LessonState> {
    const { enrolment, state } = await this.reachable(user, courseId, lessonId);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      const key = { userId: enrolment.userId, versionId: enrolment.versionId, lessonId };
      await m
        .createQueryBuilder()
        .insert()
        .into(LessonProgress)
        .values({ ...key, positionSeconds: seconds, completedAt: null, updatedAt: now })
        .orIgnore()
        .updateEntity(false)
        .execute();
      await m.update(LessonProgress, key, { positionSeconds: seconds, updatedAt: now });
      await m.update(Enrolment, { id: enrolment.id }, { lastLessonId: lessonId, updatedAt: now });
    });
    return { ...state, positionSeconds: seconds };
  }

  async complete(
    user: AuthUser,
    courseId: string,
    lessonId: string,
  ): Promise<CompletionOutcome & { progress: CourseProgress; enrolment: EnrolmentView }> {
    const { enrolment, facts } = await this.reachable(user, courseId, lessonId);
    if (facts.lessons.find((l) => l.id === lessonId)?.kind === 'quiz') {
      throw new DomainException(LearningError.COMPLETED_BY_QUIZ, 'A quiz lesson is completed by passing its quiz');
    }
    const outcome = await this.recorder.completeLesson(enrolment.id, lessonId);
    const after = (await this.enrolmentOf(user.id, courseId))!;
    const { progress } = await this.states(after);
    return { ...outcome, progress, enrolment: toEnrolmentView(after) };
  }

  /** The media of a lesson the learner may open (the controller streams it). */
  async media(user: AuthUser, courseId: string, lessonId: string): Promise<StoredMedia> {
    await this.reachable(user, courseId, lessonId);
    const media = await this.catalog.lessonMedia(lessonId);
    if (!media) throw lessonNotFound();
    return media;
  }

  /** The learner's enrolment, the lesson in its version, and that the lesson is not locked. */
  private async reachable(user: AuthUser, courseId: string, lessonId: string) {
    const enrolment = await this.enrolmentOf(user.id, courseId);
    if (!enrolment) throw new DomainException(LearningError.NOT_ENROLLED, 'You are not enrolled in this course');
    if (!isLearning(enrolment)) {
      throw new DomainException(LearningError.ENROLMENT_PENDING, 'Your enrolment has not been approved');
    }
    const facts = await this.facts.of(enrolment.versionId);
    if (!facts?.lessons.some((l) => l.id === lessonId)) throw lessonNotFound();
    const { byLesson } = await this.states(enrolment, facts);
    const state = byLesson.get(lessonId)!;
    if (state.locked) {
      throw new DomainException(LearningError.LESSON_LOCKED, 'Finish the lessons before this one first');
    }
    return { enrolment, facts, state, byLesson };
  }

  private async states(enrolment: Enrolment, known?: CompletionFacts) {
    const facts = known ?? (await this.facts.of(enrolment.versionId));
    if (!facts) throw courseNotFound();
    const rows = await this.tx.run((m: EntityManager) =>
      m.find(LessonProgress, { where: { userId: enrolment.userId, versionId: enrolment.versionId } }),
    );
    const done = new Set(rows.filter((r) => r.completedAt !== null).map((r) => r.lessonId));
    const position = new Map(rows.map((r) => [r.lessonId, r.positionSeconds]));
    const locked = lockedLessonIds(facts.lessons, done, facts.inOrder);
    const byLesson = new Map<string, LessonState>(
      facts.lessons.map((l) => [
        l.id,
        { completed: done.has(l.id), locked: locked.has(l.id), positionSeconds: position.get(l.id) ?? 0 },
      ]),
    );
    const required = requiredLessons(facts.lessons);
    const completedRequired = required.filter((l) => done.has(l.id)).length;
    const progress: CourseProgress = {
      requiredLessons: required.length,
      completedRequired,
      percent: required.length ? Math.floor((completedRequired * 100) / required.length) : 0,
    };
    return { byLesson, progress };
  }

  private enrolmentOf(userId: string, courseId: string): Promise<Enrolment | null> {
    return this.tx.run((m) => m.findOneBy(Enrolment, { userId, courseId }));
  }
}

const courseNotFound = () => new DomainException(LearningError.COURSE_NOT_FOUND, 'No such course in your catalogue');
const lessonNotFound = () => new DomainException(LearningError.LESSON_NOT_FOUND, 'No such lesson in this course');
