import { MonitoringPart } from '../monitoring.parts';
import { ExportRunner } from './export-runner';
import { DashboardTables } from './dashboard-tables';
import { ExportTables } from './export-tables';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ExportRunJob } from './jobs/export-run.job';

/** Queued CSV/XLSX exports of dashboard tables and people lists. */
export const EXPORTS_PART: MonitoringPart = {
  controllers: [ExportsController],
  providers: [ExportTables, DashboardTables, ExportsService, ExportRunner, ExportRunJob],
  exports: [ExportsService],
};
