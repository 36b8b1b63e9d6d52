import { AreaParts } from '../area-parts';
import { PLAN_ENTITIES } from './entities';
import { PlanRefreshJob } from './jobs/plan-refresh.job';
import { PlanProgressService } from './progress/plan-progress.service';
import { PlanRefresh } from './progress/plan-refresh';
import { PlanTriggers } from './progress/plan-triggers';

/** Entities, providers and controllers of this area (filled in as the area is built). */
export const PLANS_PARTS: AreaParts = {
  entities: PLAN_ENTITIES,
  controllers: [],
  providers: [PlanRefresh, PlanTriggers, PlanProgressService, PlanRefreshJob],
  exports: [PlanRefresh],
};
