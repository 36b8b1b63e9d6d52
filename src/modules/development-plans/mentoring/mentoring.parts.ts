import { AreaParts } from '../area-parts';
import { MENTORING_ENTITIES } from './entities';
import { MentoringController } from './mentoring.controller';
import { MentoringPairingsService } from './mentoring-pairings.service';
import { MentoringSessionsService } from './mentoring-sessions.service';
import { MentoringViews } from './mentoring-views';

/** Entities, providers and controllers of the mentoring area. */
export const MENTORING_PARTS: AreaParts = {
  entities: MENTORING_ENTITIES,
  controllers: [MentoringController],
  providers: [MentoringViews, MentoringPairingsService, MentoringSessionsService],
  exports: [MentoringPairingsService, MentoringSessionsService],
};
