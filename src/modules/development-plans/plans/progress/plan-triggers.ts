import { Injectable, OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { AssessmentApi } from '../../../assessment/assessment.api';
import { LearningApi } from '../../../learning/learning.api';
import { PlanRefresh } from './plan-refresh';

/**
 * Completion data that feeds the plans: a completed course, a verified external activity,
 * a graded post-test. Each becomes a queued refresh of that person's plans.
 */
@Injectable()
export class PlanTriggers implements OnModuleInit {
  constructor(
    private readonly learning: LearningApi,
    private readonly assessment: AssessmentApi,
    private readonly refresh: PlanRefresh,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.learning.onCourseCompleted(async ({ enrolmentId }) => {
      const enrolment = await this.learning.completedEnrolment(enrolmentId);
      if (!enrolment) return;
      await this.tx.run((m) => this.refresh.request(m, enrolment.userId, `course:${enrolmentId}`));
    });
    this.learning.onExternalVerified(async ({ activityId }) => {
      const userId = await this.learning.externalActivityOwner(activityId);
      if (!userId) return;
      await this.tx.run((m) => this.refresh.request(m, userId, `external:${activityId}`));
    });
    this.assessment.onPostTestGraded((m, event) =>
      this.refresh.request(
        m,
        event.userId,
        `posttest:${event.attemptId}:${event.gradeVersion}${event.resentFor ? `:${event.resentFor}` : ''}`,
      ),
    );
  }
}
