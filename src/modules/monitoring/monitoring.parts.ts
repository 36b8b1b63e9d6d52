import { Provider, Type } from '@nestjs/common';
import { DASHBOARD_PART } from './dashboard/dashboard.parts';
import { EXPORTS_PART } from './exports/exports.parts';
import { PEOPLE_PART } from './people/people.parts';
import { ROLLUP_PROVIDERS } from './rollups/rollups.parts';
import { RollupRebuilder } from './rollups/rollup-rebuilder';

export interface MonitoringPart {
  controllers: Type[];
  providers: Provider[];
  exports: Array<Type | symbol>;
}

/** Each area of the module (rollups, dashboard, exports) adds its parts here. */
export const MONITORING_PARTS: MonitoringPart[] = [
  { controllers: [], providers: ROLLUP_PROVIDERS, exports: [RollupRebuilder] },
  DASHBOARD_PART,
  PEOPLE_PART,
  EXPORTS_PART,
];
