import { MonitoringPart } from '../monitoring.parts';
import { DashboardController } from './dashboard.controller';
import { DashboardQueries } from './dashboard.queries';
import { DashboardService } from './dashboard.service';
import { NodeNames } from './node-names';
import { NodeScope } from './node-scope';
import { RebuildsService } from './rebuilds.service';

/** Dashboards, drill-down and people lists (API and pages). */
export const DASHBOARD_PART: MonitoringPart = {
  controllers: [DashboardController],
  providers: [NodeScope, NodeNames, DashboardQueries, DashboardService, RebuildsService],
  exports: [NodeScope, NodeNames, DashboardService],
};
