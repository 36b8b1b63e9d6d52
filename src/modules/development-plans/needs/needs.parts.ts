import { AreaParts } from '../area-parts';
import { GapInputsLoader } from './analysis/gap-inputs.loader';
import { NEEDS_ENTITIES } from './entities';
import { GapService } from './gap.service';

/** Needs analysis: gap tables, the records they rest on, analysis runs and the agency view. */
export const NEEDS_PARTS: AreaParts = {
  entities: NEEDS_ENTITIES,
  controllers: [],
  providers: [GapInputsLoader, GapService],
  exports: [GapService],
};
