import { Type } from '@nestjs/common';
import { PlanListPagesController } from './plan-list-pages.controller';
import { PlanPagesController } from './plan-pages.controller';

/** Page controllers of this development-plans area (the lists first: /rencana/tinjauan before /rencana/:id). */
export const PLAN_PAGES: Type[] = [PlanListPagesController, PlanPagesController];
