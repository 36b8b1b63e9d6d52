import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AccessScope } from '../../../../libs/auth';
import { Clock, flattenValidationErrors, validationFailed, wibDay, wibYear } from '../../../../libs/common';
import { ExportColumn } from '../../../../libs/content';
import { TransactionRunner } from '../../../../libs/database';
import { CatalogApi } from '../../catalog/catalog.api';
import { OrganisationApi } from '../../organisation/organisation.api';
import { NodeScope, VisibleNode } from '../dashboard/node-scope';
import { PeopleFilterDto } from '../people/dto/people-query.dto';
import { PeopleAsk } from '../people/domain/people-ask';
import { PeopleService, PersonRow } from '../people/people.service';
import { NodeTableParamsDto } from './dto/export.dto';

export const EXPORT_KINDS = ['people', 'jp-children', 'completion-courses'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A table an export writes: its sheet name, columns, size and rows a batch at a time. */
export interface ExportTable {
  title: string;
  /** The node the rows lie under (stored with the export, so the job re-checks the same node). */
  node: VisibleNode;
  columns: ExportColumn<Record<string, unknown>>[];
  total(): Promise<number>;
  batch(offset: number, limit: number): Promise<Array<Record<string, unknown>>>;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

type Row = Record<string, unknown>;
const col = (header: string, key: string): ExportColumn<Row> => ({
  header,
  value: (r) => (r[key] === undefined ? null : (r[key] as string | number | null)),
});

/**
 * The tables an admin can export, opened for a scope: the node is checked against it (404)
 * and the parameters against the table (400), both when the export is asked for and again
 * when the job runs with the requester's scope as the database has it then.
 */
@Injectable()
export class ExportTables {
  constructor(
    private readonly scopes: NodeScope,
    private readonly people: PeopleService,
    private readonly organisation: OrganisationApi,
    private readonly catalog: CatalogApi,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async open(scope: AccessScope, kind: ExportKind, params: Record<string, unknown>): Promise<ExportTable> {
    if (kind === 'people') {
      const filter = await checked(PeopleFilterDto, params);
      const { node, ask } = await this.people.resolve(scope, filter);
      return this.peopleTable(node, ask);
    }
    const dto = await checked(NodeTableParamsDto, params);
    const node = await this.scopes.resolve(scope, dto.node);
    if (kind === 'jp-children') return this.jpChildren(node, dto.year ?? wibYear(this.clock.now()));
    return this.completionCourses(node);
  }

  private peopleTable(node: VisibleNode, ask: PeopleAsk): ExportTable {
    const columns = [col('Nama', 'name'), col('NIP', 'nip'), col('Unit kerja', 'unitName')];
    if (ask.family === 'jp') columns.push(col('JP', 'jp'), col('Target JP', 'targetJp'));
    if (ask.family === 'course')
      columns.push(col('Status', 'status'), col('Batas waktu', 'deadline'), col('Selesai', 'completedAt'));
    if (ask.family === 'competency')
      columns.push(col('Level dibutuhkan', 'requiredLevel'), col('Level dicapai', 'reachedLevel'));
    if (ask.family === 'plan') columns.push(col('Status rencana', 'status'));
    const flat = (r: PersonRow): Row => ({
      ...r,
      deadline: r.deadline ? wibDay(r.deadline) : null,
      completedAt: r.completedAt ? wibDay(r.completedAt) : null,
    });
    return {
      title: `Daftar ASN ${node.name}`,
      node,
      columns,
      total: () => this.people.count(node, ask),
      batch: async (offset, limit) => (await this.people.batch(node, ask, offset, limit)).map(flat),
    };
  }

  /** The node's children with their JP figures of a year (index on year, parent). */
  private jpChildren(node: VisibleNode, year: number): ExportTable {
    const rows = async (): Promise<Row[]> => {
      const raw: Row[] = await this.tx.run((m) =>
        m.query(
          `SELECT node, node_kind AS kind, SUM(people) AS people, SUM(jp_0) AS jp0, SUM(jp_1_9) AS jp1to9,
                  SUM(jp_10_19) AS jp10to19, SUM(jp_20_plus) AS jp20plus, SUM(met_target) AS met, SUM(jp_tenths) AS tenths
             FROM mon_jp_node WHERE year = ? AND parent = ? GROUP BY node, node_kind`,
          [year, node.node],
        ),
      );
      const names = await this.names(raw.map((r) => ({ node: String(r.node), kind: String(r.kind) })));
      return raw
        .map((r) => {
          const people = Number(r.people);
          return {
            name: names.get(String(r.node)) ?? String(r.node),
            code: String(r.node),
            people,
            jp0: Number(r.jp0),
            jp1to9: Number(r.jp1to9),
            jp10to19: Number(r.jp10to19),
            jp20plus: Number(r.jp20plus),
            met: Number(r.met),
            metShare: share(Number(r.met), people),
            averageJp: people > 0 ? Math.round(Number(r.tenths) / people) / 10 : null,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'id'));
    };
    return this.smallTable(`JP ${year} ${node.name}`, node, rows, [
      col('Wilayah/unit', 'name'),
      col('Kode', 'code'),
      col('Jumlah ASN', 'people'),
      col('0 JP', 'jp0'),
      col('1-9 JP', 'jp1to9'),
      col('10-19 JP', 'jp10to19'),
      col('≥20 JP', 'jp20plus'),
      col('Memenuhi target', 'met'),
      col('% memenuhi target', 'metShare'),
      col('Rata-rata JP', 'averageJp'),
    ]);
  }

  /** The node's enrolments per course: enrolled, in progress, completed, overdue (index on node). */
  private completionCourses(node: VisibleNode): ExportTable {
    const today = wibDay(this.clock.now());
    const rows = async (): Promise<Row[]> => {
      const [counts, overdue] = await this.tx.run(async (m) => [
        (await m.query(
          `SELECT course_id AS courseId, SUM(active) AS active, SUM(completed) AS completed
             FROM mon_course_node WHERE node = ? GROUP BY course_id`,
          [node.node],
        )) as Row[],
        (await m.query(
          `SELECT course_id AS courseId, SUM(open_count) AS overdue FROM mon_course_deadline_node
            WHERE node = ? AND deadline_day < ? GROUP BY course_id`,
          [node.node, today],
        )) as Row[],
      ]);
      const late = new Map(overdue.map((r) => [String(r.courseId), Number(r.overdue)]));
      const titles = await this.catalog.courseTitles(counts.map((r) => String(r.courseId)));
      return counts
        .map((r) => {
          const active = Number(r.active);
          const completed = Number(r.completed);
          const overdueCount = Math.min(late.get(String(r.courseId)) ?? 0, active);
          return {
            title: titles.get(String(r.courseId)) ?? String(r.courseId),
            enrolled: active + completed,
            inProgress: active - overdueCount,
            completed,
            overdue: overdueCount,
            completedShare: share(completed, active + completed),
          };
        })
        .filter((r) => r.enrolled > 0)
        .sort((a, b) => a.title.localeCompare(b.title, 'id'));
    };
    return this.smallTable(`Penyelesaian ${node.name}`, node, rows, [
      col('Kursus', 'title'),
      col('Terdaftar', 'enrolled'),
      col('Sedang belajar', 'inProgress'),
      col('Selesai', 'completed'),
      col('Terlambat', 'overdue'),
      col('% selesai', 'completedShare'),
    ]);
  }

  /** A table of a node's children or courses: small, read once and handed out in batches. */
  private smallTable(title: string, node: VisibleNode, load: () => Promise<Row[]>, columns: ExportColumn<Row>[]) {
    let loaded: Promise<Row[]> | null = null;
    const all = () => (loaded ??= load());
    return {
      title,
      node,
      columns,
      total: async () => (await all()).length,
      batch: async (offset: number, limit: number) => (await all()).slice(offset, offset + limit),
    };
  }

  private async names(rows: Array<{ node: string; kind: string }>): Promise<Map<string, string>> {
    const codes = rows.filter((r) => r.kind === 'R').map((r) => r.node);
    const ids = rows.filter((r) => r.kind === 'U').map((r) => r.node);
    const [regions, units] = await Promise.all([
      codes.length ? this.organisation.regionsByCodes(codes) : Promise.resolve([]),
      ids.length ? this.organisation.unitsByIds(ids) : Promise.resolve([]),
    ]);
    return new Map([...regions.map((r) => [r.code, r.name] as const), ...units.map((u) => [u.id, u.name] as const)]);
  }
}

/** Parameters checked as the API checks a query (unknown fields refused, each problem named). */
async function checked<T extends object>(type: new () => T, params: Record<string, unknown>): Promise<T> {
  const dto = plainToInstance(type, params);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw validationFailed(flattenValidationErrors(errors, 'params'));
  }
  return dto;
}
