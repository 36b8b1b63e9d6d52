import { Injectable, OnModuleInit } from '@nestjs/common';
import { DevelopmentPlansApi } from '../../../development-plans/development-plans.api';
import { LearningApi } from '../../../learning/learning.api';
import { MonitoringSignals } from '../monitoring-signals';

/**
 * Listens to the source modules inside their transactions and queues the refresh of the
 * leaves they touched: enrolments (course leaves), plans and evaluation results. A change
 * that rolls back queues nothing; one that commits always queues its refresh.
 */
@Injectable()
export class SourceTriggers implements OnModuleInit {
  constructor(
    private readonly learning: LearningApi,
    private readonly plans: DevelopmentPlansApi,
    private readonly signals: MonitoringSignals,
  ) {}

  onModuleInit(): void {
    this.learning.onEnrolmentsChanged((m, places) => this.signals.refresh(m, 'course', places));
    this.plans.onPlanChanged((m, { planId }) => this.signals.refresh(m, 'plan', [{ planId }]));
    this.plans.onEvaluationRecorded((m, places) => this.signals.refresh(m, 'evaluation', places));
  }
}
