import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { CatalogApi, CompletionFacts } from '../../catalog/catalog.api';
import { Enrolment, LessonProgress } from '../entities';
import { LearningError } from '../learning.errors';
import { CompletionRecorder } from './completion-recorder';
import { lockEnrolment } from './enrolment-lock';
import { VersionFacts } from './version-facts';

const BATCH = 200;

export interface MigrationReport {
  versionId: string;
  moved: number;
  /** Of those moved, how many the new version's rule already counts as complete. */
  completed: number;
}

/**
 * Moves learners still in progress on an older version to the published one. Progress
 * carries over by lesson key (a lesson keeps its key across versions), so a learner never
 * redoes a lesson that still exists; lessons that are new in the version are still to do.
 */
@Injectable()
export class VersionMigrationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly catalog: CatalogApi,
    private readonly facts: VersionFacts,
    private readonly recorder: CompletionRecorder,
  ) {}

  async migrate(user: AuthUser, courseId: string): Promise<MigrationReport> {
    if (!(await this.catalog.mayEdit(user, courseId))) {
      throw new DomainException(LearningError.NOT_AN_EDITOR, 'No such course among yours');
    }
    const offered = await this.catalog.offered(courseId);
    const target = offered?.publishedVersionId ? await this.facts.of(offered.publishedVersionId) : null;
    if (!target) throw new DomainException(LearningError.COURSE_NOT_FOUND, 'The course has no published version');
    const report: MigrationReport = { versionId: target.versionId, moved: 0, completed: 0 };
    for (;;) {
      const batch = await this.tx.run((m) =>
        m.find(Enrolment, {
          select: { id: true },
          where: { courseId, status: 'active', versionId: Not(target.versionId) },
          take: BATCH,
        }),
      );
      if (batch.length === 0) return report;
      for (const { id } of batch) {
        const outcome = await this.tx.run((m) => this.moveOne(m, id, target));
        if (outcome === 'skipped') continue;
        report.moved++;
        if (outcome === 'completed') report.completed++;
      }
    }
  }

  private async moveOne(
    m: EntityManager,
    enrolmentId: string,
    target: CompletionFacts,
  ): Promise<'moved' | 'completed' | 'skipped'> {
    const enrolment = await lockEnrolment(m, enrolmentId);
    if (!enrolment || enrolment.status !== 'active' || enrolment.versionId === target.versionId) return 'skipped';
    const source = await this.facts.of(enrolment.versionId);
    const sourceLessons = new Map(source?.lessons.map((l) => [l.id, l]) ?? []);
    const keyOf = new Map(source?.lessons.map((l) => [l.id, l.lessonKey]) ?? []);
    const byKey = new Map(target.lessons.map((l) => [l.lessonKey, l]));
    const old = await m.findBy(LessonProgress, { userId: enrolment.userId, versionId: enrolment.versionId });
    const now = this.clock.now();
    const carried = old
      .map((p) => ({ p, from: sourceLessons.get(p.lessonId), to: byKey.get(keyOf.get(p.lessonId) ?? '') }))
      .filter((x): x is { p: LessonProgress; from: LessonFacts; to: LessonFacts } => !!x.from && !!x.to)
      .map(({ p, from, to }) => {
        // A lesson that became another kind, or now presents another quiz, is not what was done.
        const same = from.kind === to.kind && from.quizId === to.quizId;
        return {
          userId: p.userId,
          versionId: target.versionId,
          lessonId: to.id,
          positionSeconds: same ? p.positionSeconds : 0,
          completedAt: same ? p.completedAt : null,
          updatedAt: now,
        };
      });
    if (carried.length)
      await m
        .createQueryBuilder()
        .insert()
        .into(LessonProgress)
        .values(carried)
        .orIgnore()
        .updateEntity(false)
        .execute();
    const lastLessonId = byKey.get(keyOf.get(enrolment.lastLessonId ?? '') ?? '')?.id ?? null;
    await m.update(Enrolment, { id: enrolment.id }, { versionId: target.versionId, lastLessonId, updatedAt: now });
    const moved = { ...enrolment, versionId: target.versionId };
    return (await this.recorder.completeIfRuleMet(m, moved, target, now, false)) ? 'completed' : 'moved';
  }
}

type LessonFacts = CompletionFacts['lessons'][number];
