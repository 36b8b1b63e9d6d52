import { AreaParts } from '../area-parts';
import { PlanCalendarScheduler } from './calendar/plan-calendar.scheduler';
import { PlanCalendarService } from './calendar/plan-calendar.service';
import { ActivitySource } from './editing/activity-source';
import { PlanEditingService } from './editing/plan-editing.service';
import { PLAN_ENTITIES } from './entities';
import { PlanCalendarJob } from './jobs/plan-calendar.job';
import { PlanRefreshJob } from './jobs/plan-refresh.job';
import { PlanChanges } from './plan-changes';
import { PlanProposer } from './plan-proposer';
import { PlanReader } from './plan-reader';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { GoalEvidence } from './progress/goal-evidence';
import { PlanProgressService } from './progress/plan-progress.service';
import { PlanRefresh } from './progress/plan-refresh';
import { PlanTriggers } from './progress/plan-triggers';
import { PlanNotices } from './workflow/plan-notices';
import { PlanWorkflowService } from './workflow/plan-workflow.service';

/** Individual development plans: proposal, participation, workflow, progress from completions, year end. */
export const PLANS_PARTS: AreaParts = {
  entities: PLAN_ENTITIES,
  controllers: [PlansController],
  providers: [
    PlanRefresh,
    PlanChanges,
    PlanTriggers,
    PlanProgressService,
    GoalEvidence,
    PlanRefreshJob,
    PlanReader,
    PlanProposer,
    PlansService,
    ActivitySource,
    PlanEditingService,
    PlanNotices,
    PlanWorkflowService,
    PlanCalendarService,
    PlanCalendarScheduler,
    PlanCalendarJob,
  ],
  exports: [
    PlanRefresh,
    PlansService,
    PlanEditingService,
    PlanWorkflowService,
    PlanCalendarService,
    PlanProgressService,
  ],
};
