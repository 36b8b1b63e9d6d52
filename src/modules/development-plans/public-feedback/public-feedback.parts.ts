import { AreaParts } from '../area-parts';

/** Entities, providers and controllers of this area (filled in as the area is built). */
export const PUBLIC_FEEDBACK_PARTS: AreaParts = {
  entities: [],
  controllers: [],
  providers: [],
  exports: [],
};
