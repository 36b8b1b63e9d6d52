import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, newId } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { CatalogApi } from '../../../catalog/catalog.api';
import { IdentityApi } from '../../../identity/identity.api';
import { CompletedEnrolment, LearningApi } from '../../../learning/learning.api';
import { NotificationsApi } from '../../../notifications/notifications.api';
import { followUpDueAt } from '../domain/follow-up-schedule';
import { CourseEvaluation, FollowUpRole, FollowUpSurvey } from '../entities';
import { EvaluationSettingsService } from '../settings/evaluation-settings.service';

/**
 * On completion: opens the enrolment's L1 questionnaire (and tells the learner), and stores
 * the L3 follow-ups' due date for the learner and their supervisor. Unique keys on the
 * enrolment and the notification's event key make a second run change nothing.
 */
@Injectable()
export class EvaluationRequests {
  constructor(
    private readonly learning: LearningApi,
    private readonly catalog: CatalogApi,
    private readonly identity: IdentityApi,
    private readonly notifications: NotificationsApi,
    private readonly settings: EvaluationSettingsService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async requestFor(enrolmentId: string): Promise<'requested' | 'not-completed'> {
    const enrolment = await this.learning.completedEnrolment(enrolmentId);
    if (!enrolment) return 'not-completed';
    const [{ followUpDays }, facts, version] = await Promise.all([
      this.settings.get(),
      this.identity.factsOf([enrolment.userId]),
      this.catalog.completionFacts(enrolment.versionId),
    ]);
    const supervisorId = facts[0]?.supervisorId ?? null;
    const unitId = facts[0]?.unitId ?? null;
    await this.tx.run(async (m) => {
      await this.openQuestionnaire(m, enrolment, unitId);
      const dueAt = followUpDueAt(enrolment.completedAt, followUpDays);
      await this.scheduleFollowUp(m, enrolment, unitId, 'learner', enrolment.userId, dueAt);
      if (supervisorId && supervisorId !== enrolment.userId)
        await this.scheduleFollowUp(m, enrolment, unitId, 'supervisor', supervisorId, dueAt);
      const row = await m.findOneByOrFail(CourseEvaluation, { enrolmentId });
      if (row.answeredAt) return;
      await this.notifications.notify(m, {
        category: 'course-evaluation-due',
        eventKey: `course-evaluation:${enrolmentId}`,
        recipientIds: [enrolment.userId],
        params: { course: version?.title ?? '' },
        link: `/survei/kursus/${row.id}`,
      });
    });
    return 'requested';
  }

  private async openQuestionnaire(m: EntityManager, e: CompletedEnrolment, unitId: string | null): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(CourseEvaluation)
      .values({
        id: newId(),
        enrolmentId: e.id,
        userId: e.userId,
        courseId: e.courseId,
        versionId: e.versionId,
        completedAt: e.completedAt,
        requestedAt: this.clock.now(),
        answeredAt: null,
        material: null,
        delivery: null,
        usefulness: null,
        comment: null,
        unitId,
        answerYear: null,
      })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  private async scheduleFollowUp(
    m: EntityManager,
    e: CompletedEnrolment,
    unitId: string | null,
    role: FollowUpRole,
    respondentId: string,
    dueAt: Date,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(FollowUpSurvey)
      .values({
        id: newId(),
        enrolmentId: e.id,
        courseId: e.courseId,
        learnerId: e.userId,
        respondentId,
        role,
        status: 'scheduled',
        completedAt: e.completedAt,
        dueAt,
        firstSentAt: null,
        lastSentAt: null,
        reminders: 0,
        answeredAt: null,
        applied: null,
        examples: null,
        expiredAt: null,
        unitId,
        answerYear: null,
      })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}
