import { AreaParts } from '../area-parts';
import { NeedsSignals } from './needs-signals.service';

/** Entities, providers and controllers of this area (filled in as the area is built). */
export const NEEDS_SIGNALS_PARTS: AreaParts = {
  entities: [],
  controllers: [],
  providers: [NeedsSignals],
  exports: [NeedsSignals],
};
