import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AccessScope, regionWithin } from '../../../../libs/auth';
import { Clock } from '../../../../libs/common';
import { OrganisationApi } from '../../organisation/organisation.api';
import { User } from '../entities';
import { canManage, canSee } from '../users.service';
import { columnLabel, ImportTable } from './import-file';
import { ImportRecord, RowProblem, validateRow } from './row-validation';

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportPlan {
  /** Valid rows in file order, each with what applying it would do. */
  records: Array<ImportRecord & { action: ImportAction }>;
  problems: RowProblem[];
  warnings: string[];
}

const CHUNK = 1000;

/**
 * Turns a parsed file into a plan: every row checked on its own, against the other
 * rows (duplicate NIP or e-mail) and against the database (a NIP outside the
 * importer's region, an e-mail owned by someone else, a supervisor nobody knows).
 * The dry run shows the plan; the job applies it chunk by chunk.
 */
@Injectable()
export class ImportPlanner {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organisation: OrganisationApi,
    private readonly clock: Clock,
  ) {}

  async plan(table: ImportTable, scope: AccessScope): Promise<ImportPlan> {
    const warnings = table.ignoredColumns.map((c) => `column "${c}" is not imported and was ignored`);
    const distinct = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))];
    const units = await this.organisation.unitsByCodes(distinct(table.rows.map((r) => r.values.unitCode)));
    const positions = await this.organisation.positionsByCodes(distinct(table.rows.map((r) => r.values.positionCode)));
    const ctx = {
      now: this.clock.now(),
      unitsByCode: new Map(units.map((u) => [u.code, u])),
      positionsByCode: new Map(positions.map((p) => [p.code, p])),
      inScope: (regionCode: string) =>
        scope.kind === 'national' || (scope.kind === 'region' && regionWithin(regionCode, scope.regionCode)),
    };

    const problems: RowProblem[] = [];
    let records: ImportRecord[] = [];
    for (const row of table.rows) {
      const result = validateRow(row, ctx);
      if ('problems' in result) problems.push(...result.problems);
      else records.push(result.record);
    }
    records = this.dropDuplicates(records, problems);

    const existing = await this.loadBy(
      'nip',
      records.map((r) => r.nip),
    );
    const byEmail = await this.loadBy('email', distinct(records.map((r) => r.email ?? undefined)));
    records = records.filter((r) => {
      const current = existing.get(r.nip);
      if (current && !canSee(scope, current)) {
        return reject(problems, r.line, 'nip', 'this NIP belongs to a person outside your region');
      }
      if (current && !canManage(scope, current)) {
        return reject(problems, r.line, 'nip', 'this NIP belongs to an administrator you may not change');
      }
      const owner = r.email ? byEmail.get(r.email) : undefined;
      if (owner && owner.nip !== r.nip)
        return reject(problems, r.line, 'email', `${r.email} is used by another person`);
      return true;
    });

    const supervisors = await this.loadBy('nip', distinct(records.map((r) => r.supervisorNip ?? undefined)));
    const inFile = new Set(records.map((r) => r.nip));
    records = records.filter((r) => {
      if (!r.supervisorNip || inFile.has(r.supervisorNip)) return true;
      const supervisor = supervisors.get(r.supervisorNip);
      if (supervisor && canSee(scope, supervisor)) return true;
      return reject(
        problems,
        r.line,
        'supervisorNip',
        `no person with NIP ${r.supervisorNip} in this file or in your region`,
      );
    });

    problems.sort((a, b) => a.line - b.line);
    return {
      records: records.map((r) => ({ ...r, action: actionFor(r, existing.get(r.nip), supervisors) })),
      problems,
      warnings,
    };
  }

  private dropDuplicates(records: ImportRecord[], problems: RowProblem[]): ImportRecord[] {
    const nipLine = new Map<string, number>();
    const emailLine = new Map<string, number>();
    return records.filter((r) => {
      const firstNip = nipLine.get(r.nip);
      if (firstNip) return reject(problems, r.line, 'nip', `NIP appears again (first on line ${firstNip})`);
      const firstEmail = r.email ? emailLine.get(r.email) : undefined;
      if (firstEmail)
        return reject(problems, r.line, 'email', `${r.email} appears again (first on line ${firstEmail})`);
      nipLine.set(r.nip, r.line);
      if (r.email) emailLine.set(r.email, r.line);
      return true;
    });
  }

  private async loadBy(column: 'nip' | 'email', values: string[]): Promise<Map<string, User>> {
    const found = new Map<string, User>();
    for (let i = 0; i < values.length; i += CHUNK) {
      const users = await this.users.findBy({ [column]: In(values.slice(i, i + CHUNK)) });
      for (const user of users) found.set(user[column]!, user);
    }
    return found;
  }
}

function reject(
  problems: RowProblem[],
  line: number,
  column: Parameters<typeof columnLabel>[0],
  reason: string,
): false {
  problems.push({ line, column: columnLabel(column), reason });
  return false;
}

function actionFor(record: ImportRecord, current: User | undefined, supervisors: Map<string, User>): ImportAction {
  if (!current) return 'create';
  const supervisorId = record.supervisorNip
    ? (supervisors.get(record.supervisorNip)?.id ?? 'new')
    : current.supervisorId;
  const same =
    current.name === record.name &&
    (record.email === null || current.email === record.email) &&
    (record.phone === null || current.phone === record.phone) &&
    current.employeeType === record.employeeType &&
    (record.golongan === null || current.golongan === record.golongan) &&
    (record.positionId === null || current.positionId === record.positionId) &&
    current.unitId === record.unitId &&
    current.supervisorId === supervisorId;
  return same ? 'unchanged' : 'update';
}
