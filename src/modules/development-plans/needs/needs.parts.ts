import { AreaParts } from '../area-parts';
import { GapService } from './gap.service';

/** Entities, providers and controllers of this area (filled in as the area is built). */
export const NEEDS_PARTS: AreaParts = {
  entities: [],
  controllers: [],
  providers: [GapService],
  exports: [GapService],
};
