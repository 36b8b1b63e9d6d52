import { DevelopmentPlan } from './development-plan.entity';
import { PlanActivity } from './plan-activity.entity';
import { PlanEvent } from './plan-event.entity';
import { PlanGoal } from './plan-goal.entity';

export * from './development-plan.entity';
export * from './plan-activity.entity';
export * from './plan-event.entity';
export * from './plan-goal.entity';
export const PLAN_ENTITIES = [DevelopmentPlan, PlanGoal, PlanActivity, PlanEvent];
