import { MonitoringPart } from '../monitoring.parts';

/** Dashboards, drill-down and people lists (API and pages). */
export const DASHBOARD_PART: MonitoringPart = { controllers: [], providers: [], exports: [] };
