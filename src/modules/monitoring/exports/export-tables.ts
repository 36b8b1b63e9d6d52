import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AccessScope } from '../../../../libs/auth';
import { flattenValidationErrors, validationFailed, wibDay } from '../../../../libs/common';
import { VisibleNode } from '../dashboard/node-scope';
import { PeopleFilterDto } from '../people/dto/people-query.dto';
import { PeopleAsk } from '../people/domain/people-ask';
import { PeopleService, PersonRow } from '../people/people.service';
import { DashboardTables } from './dashboard-tables';
import { DashboardTableParamsDto } from './dto/export.dto';
import { EXPORT_KINDS, ExportKind } from './export-kinds';
import { col, ExportRow, ExportTable } from './export-table';

/**
 * The tables an admin can export, opened for a scope: the node is checked against it (404)
 * and the parameters against the table (400), both when the export is asked for and again
 * when the job runs with the requester's scope as the database has it then.
 */
@Injectable()
export class ExportTables {
  constructor(
    private readonly people: PeopleService,
    private readonly dashboards: DashboardTables,
  ) {}

  async open(scope: AccessScope, kind: ExportKind, params: Record<string, unknown>): Promise<ExportTable> {
    if (!(EXPORT_KINDS as readonly string[]).includes(kind)) {
      throw validationFailed([
        { field: 'kind', rule: 'isIn', message: `kind must be one of ${EXPORT_KINDS.join(', ')}` },
      ]);
    }
    if (kind === 'people') {
      const filter = await checked(PeopleFilterDto, params);
      const { node, ask } = await this.people.resolve(scope, filter);
      return this.peopleTable(node, ask);
    }
    return this.dashboards.open(scope, kind, await checked(DashboardTableParamsDto, params));
  }

  private peopleTable(node: VisibleNode, ask: PeopleAsk): ExportTable {
    const columns = [col('Nama', 'name'), col('NIP', 'nip'), col('Unit kerja', 'unitName')];
    if (ask.family === 'jp') columns.push(col('JP', 'jp'), col('Target JP', 'targetJp'));
    if (ask.family === 'course')
      columns.push(col('Status', 'status'), col('Batas waktu', 'deadline'), col('Selesai', 'completedAt'));
    if (ask.family === 'competency')
      columns.push(col('Level dibutuhkan', 'requiredLevel'), col('Level dicapai', 'reachedLevel'));
    if (ask.family === 'plan') columns.push(col('Status rencana', 'status'));
    const flat = (r: PersonRow): ExportRow => ({
      ...r,
      deadline: r.deadline ? wibDay(r.deadline) : null,
      completedAt: r.completedAt ? wibDay(r.completedAt) : null,
    });
    const people = this.people;
    return {
      title: `Daftar ASN ${node.name}`,
      node,
      year: 'year' in ask ? ask.year : undefined,
      columns,
      total: () => this.people.count(node, ask),
      batches: async function* (this: void, size: number) {
        for await (const rows of people.walk(node, ask, size)) yield rows.map(flat);
      },
    };
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
