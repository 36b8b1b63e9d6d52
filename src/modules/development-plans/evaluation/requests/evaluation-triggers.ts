import { Injectable, OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { OutboxService } from '../../../../../libs/queue';
import { LearningApi } from '../../../learning/learning.api';

/**
 * Turns each completed course into an evaluation job of its own (jobId: the enrolment), so
 * the questionnaire never holds up the other subscribers of the completion, and a
 * completion event delivered twice asks once.
 */
@Injectable()
export class EvaluationTriggers implements OnModuleInit {
  constructor(
    private readonly learning: LearningApi,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.learning.onCourseCompleted(({ enrolmentId }) =>
      this.tx.run((m) =>
        this.outbox.enqueue(m, 'development-plans.evaluation-request', { enrolmentId }, { jobId: enrolmentId }),
      ),
    );
  }
}
