import { Type } from '@nestjs/common';
import { MentoringAdminPagesController } from './mentoring-admin-pages.controller';
import { MentoringPagesController } from './mentoring-pages.controller';
import { RewardPagesController } from './reward-pages.controller';

/** Page controllers of the mentoring area, and the reward and follow-up lists. */
export const MENTORING_PAGES: Type[] = [MentoringPagesController, MentoringAdminPagesController, RewardPagesController];
