import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../../../libs/auth';
import { Clock, INDONESIAN_MONTHS, validationFailed, wibYear } from '../../../../libs/common';
import { ExportColumn } from '../../../../libs/content';
import { DashboardAsk, DashboardService } from '../dashboard/dashboard.service';
import { PLAN_STATUS_ORDER } from '../dashboard/dashboard.view';
import { CompletionFigures, JpFigures } from '../dashboard/domain/figures';
import { ChildRef } from '../dashboard/node-names';
import { NodeScope } from '../dashboard/node-scope';
import { DashboardTableParamsDto } from './dto/export.dto';
import { DashboardTableKind } from './export-kinds';
import { col, ExportRow, ExportTable, smallTable } from './export-table';

const PLAN_STATUS_LABELS: Record<(typeof PLAN_STATUS_ORDER)[number], string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  returned: 'Dikembalikan',
  endorsed: 'Disetujui atasan',
  approved: 'Disahkan',
  in_progress: 'Berjalan',
  closed: 'Ditutup',
};

const PLACE = [col('Wilayah/unit', 'name'), col('Kode', 'code')];
const JP = [
  col('Jumlah ASN', 'people'),
  col('0 JP', 'jp0'),
  col('1-9 JP', 'jp1to9'),
  col('10-19 JP', 'jp10to19'),
  col('≥20 JP', 'jp20plus'),
  col('Memenuhi target', 'metTarget'),
  col('% memenuhi target', 'metShare'),
  col('Rata-rata JP', 'averageJp'),
];
const COMPLETION = [
  col('Terdaftar', 'enrolled'),
  col('Sedang belajar', 'inProgress'),
  col('Selesai', 'completed'),
  col('Terlambat', 'overdue'),
  col('% selesai', 'completedShare'),
  col('Menunggu persetujuan', 'requested'),
];
const COVERAGE = [
  col('ASN wajib', 'required'),
  col('Memenuhi', 'met'),
  col('Belum memenuhi', 'notMet'),
  col('% memenuhi', 'share'),
];

const place = (child: ChildRef) => ({ name: child.name, code: child.code });

/**
 * The dashboard tables as exports: each is read through DashboardService, the same code the
 * pages and the API answer with, so a file holds exactly the numbers the admin looked at.
 * The node is checked against the scope when the table is opened; the figures are read when
 * the job first asks for rows.
 */
@Injectable()
export class DashboardTables {
  constructor(
    private readonly scopes: NodeScope,
    private readonly dashboards: DashboardService,
    private readonly clock: Clock,
  ) {}

  async open(scope: AccessScope, kind: DashboardTableKind, params: DashboardTableParamsDto): Promise<ExportTable> {
    checkParams(kind, params);
    const node = await this.scopes.resolve(scope, params.node);
    // The year is fixed when the export is opened, so the title and the rows agree.
    const year = params.year ?? wibYear(this.clock.now());
    const ask: DashboardAsk = { ...params, node: node.node, year };
    const table = (title: string, columns: ExportColumn<ExportRow>[], load: () => Promise<ExportRow[]>) =>
      smallTable(`${title} ${node.name}`, node, columns, load, year);
    const jp = () => this.dashboards.jp(scope, ask);
    switch (kind) {
      case 'jp-children':
        return table(`JP ${year}`, [...PLACE, ...JP], async () =>
          (await jp()).children.map((c) => ({ ...place(c.child), ...jpRow(c) })),
        );
      case 'jp-types':
        return table(`JP per jenis ASN ${year}`, [col('Jenis ASN', 'employeeType'), ...JP], async () =>
          (await jp()).byEmployeeType.map((r) => ({ ...jpRow(r), employeeType: r.employeeType || '–' })),
        );
      case 'jp-golongan':
        return table(
          `JP per golongan ${year}`,
          [col('Jenis ASN', 'employeeType'), col('Golongan', 'golongan'), ...JP],
          async () =>
            (await jp()).byGolongan.map((r) => ({
              ...jpRow(r),
              employeeType: r.employeeType || '–',
              golongan: r.golongan || 'Tidak diketahui',
            })),
        );
      case 'jp-trend':
        return table(
          `Tren capaian JP ${year}`,
          [
            col('Bulan', 'month'),
            col('Mencapai target pada bulan itu', 'attained'),
            col('Memenuhi target s.d. akhir bulan', 'cumulative'),
            col('% memenuhi target', 'share'),
          ],
          async () => (await jp()).trend.map((p) => ({ ...p, month: INDONESIAN_MONTHS[p.month - 1] })),
        );
      case 'completion-courses':
        return table('Penyelesaian', [col('Kursus', 'title'), ...COMPLETION], async () =>
          (await this.dashboards.completion(scope, ask)).courses.map((c) => ({
            ...completionRow(c),
            title: c.title || c.courseId,
          })),
        );
      case 'completion-children':
        return table('Penyelesaian per wilayah/unit', [...PLACE, ...COMPLETION], async () =>
          (await this.dashboards.completion(scope, ask)).children.map((c) => ({
            ...place(c.child),
            ...completionRow(c),
          })),
        );
      case 'competency-coverage':
        return table('Cakupan kompetensi', [col('Kode', 'code'), col('Kompetensi', 'name'), ...COVERAGE], async () =>
          (await this.dashboards.competencyCoverage(scope, ask)).competencies.map((c) => ({ ...c })),
        );
      case 'competency-heatmap':
        // One row per child and competency (not one column per competency): a file a
        // spreadsheet pivots into the page's heatmap, carrying the counts behind each share.
        return table(
          'Peta kompetensi',
          [...PLACE, col('Kode kompetensi', 'competencyCode'), col('Kompetensi', 'competency'), ...COVERAGE],
          async () => {
            const section = await this.dashboards.competencyCoverage(scope, ask);
            const names = new Map(section.competencies.map((c) => [c.code, c.name]));
            return section.heatmap.rows.flatMap((r) =>
              section.heatmap.columns.flatMap((code) =>
                r.cells[code]
                  ? [{ ...place(r.child), competencyCode: code, competency: names.get(code), ...r.cells[code] }]
                  : [],
              ),
            );
          },
        );
      case 'plan-children':
        return table(
          `Rencana pengembangan ${year}`,
          [...PLACE, col('Jumlah rencana', 'total'), ...PLAN_STATUS_ORDER.map((s) => col(PLAN_STATUS_LABELS[s], s))],
          async () =>
            (await this.dashboards.plans(scope, ask)).children.map((c) => ({
              ...place(c.child),
              total: c.total,
              ...Object.fromEntries(c.statuses.map((s) => [s.status, s.plans])),
            })),
        );
    }
  }
}

function jpRow(f: JpFigures): ExportRow {
  const { people, jp0, jp1to9, jp10to19, jp20plus, metTarget, metShare, averageJp } = f;
  return { people, jp0, jp1to9, jp10to19, jp20plus, metTarget, metShare, averageJp };
}

function completionRow(f: CompletionFigures): ExportRow {
  const { enrolled, inProgress, completed, overdue, completedShare, requested } = f;
  return { enrolled, inProgress, completed, overdue, completedShare, requested };
}

/** What a table needs beyond the field rules: checked when asked, so the admin gets a 400 rather than a failed export. */
function checkParams(kind: DashboardTableKind, params: DashboardTableParamsDto): void {
  if (kind === 'completion-children' && !params.courseId) {
    throw validationFailed([
      {
        field: 'params.courseId',
        rule: 'required',
        message: 'completion-children is per course: give params.courseId',
      },
    ]);
  }
  if (params.fromMonth !== undefined && params.toMonth !== undefined && params.fromMonth > params.toMonth) {
    throw validationFailed([
      { field: 'params.fromMonth', rule: 'range', message: 'fromMonth must not come after toMonth' },
    ]);
  }
}
