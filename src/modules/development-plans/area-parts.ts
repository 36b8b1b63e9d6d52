import { Provider, Type } from '@nestjs/common';

/**
 * What one area of the development-plans module contributes (needs analysis, plans,
 * mentoring, evaluation, ...). The module file only concatenates these lists, so each
 * area keeps its own entities, providers and controllers together in its folder.
 */
export interface AreaParts {
  entities: Function[];
  controllers: Type[];
  providers: Provider[];
  /** Services the web module's pages (or other areas) use. */
  exports: Type[];
}
