import { MonitoringPart } from '../monitoring.parts';
import { ExportRunJob } from './jobs/export-run.job';

/** Queued CSV/XLSX exports of dashboard tables and people lists. */
export const EXPORTS_PART: MonitoringPart = { controllers: [], providers: [ExportRunJob], exports: [] };
