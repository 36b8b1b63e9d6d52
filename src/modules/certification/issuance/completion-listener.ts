import { Injectable, OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { LearningApi } from '../../learning/learning.api';

/**
 * Turns each completed course into a certificate job of its own (jobId: the enrolment),
 * so a slow or failing PDF never holds up the other subscribers of the completion.
 */
@Injectable()
export class CompletionListener implements OnModuleInit {
  constructor(
    private readonly learning: LearningApi,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.learning.onCourseCompleted(({ enrolmentId }) =>
      this.tx.run((m) => this.outbox.enqueue(m, 'certification.issue', { enrolmentId }, { jobId: enrolmentId })),
    );
  }
}
