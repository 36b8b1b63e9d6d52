import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessScope, AuthUser, regionWithin } from '../../../../libs/auth';
import { Clock, DomainException, newId, Page, PageQuery, skipOf, toPage } from '../../../../libs/common';
import { safeCellText } from '../../../../libs/content';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { UserImport, UserImportError } from '../entities';
import { IdentityError } from '../identity.errors';
import { ImportPlanner } from './import-planner';
import { readImportFile } from './import-reader';
import { RowProblem } from './row-validation';

export interface ImportPreview {
  dryRun: true;
  totalRows: number;
  create: number;
  update: number;
  unchanged: number;
  errorCount: number;
  /** The first 200 problems; the full list comes with the real run's error file. */
  errors: RowProblem[];
  warnings: string[];
}

@Injectable()
export class ImportsService {
  constructor(
    @InjectRepository(UserImport) private readonly imports: Repository<UserImport>,
    @InjectRepository(UserImportError) private readonly errors: Repository<UserImportError>,
    private readonly planner: ImportPlanner,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** What the file would change, without writing anything. */
  async preview(scope: AccessScope, content: Buffer): Promise<ImportPreview> {
    const { table } = await readImportFile(content);
    const plan = await this.planner.plan(table, scope);
    const count = (action: string) => plan.records.filter((r) => r.action === action).length;
    return {
      dryRun: true,
      totalRows: table.rows.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      errorCount: plan.problems.length,
      errors: plan.problems.slice(0, 200),
      warnings: plan.warnings,
    };
  }

  /** Stores the file and queues the run; the import row and its job commit together. */
  async start(user: AuthUser, scope: AccessScope, fileName: string, content: Buffer): Promise<UserImport> {
    const { format, table } = await readImportFile(content);
    const fileKey = await this.storage.put('imports', content, format);
    const job: UserImport = this.imports.create({
      id: newId(),
      createdById: user.id,
      scopeRegionCode: scope.kind === 'region' ? scope.regionCode : null,
      fileName: fileName.replace(/[^\w .()-]/g, '_').slice(0, 255) || `import.${format}`,
      fileKey,
      format,
      status: 'queued',
      totalRows: table.rows.length,
      processedRows: 0,
      createdCount: 0,
      updatedCount: 0,
      unchangedCount: 0,
      errorCount: 0,
      failure: null,
      createdAt: this.clock.now(),
      finishedAt: null,
    });
    await this.tx.run(async (m) => {
      await m.insert(UserImport, job);
      await this.outbox.enqueue(m, 'identity.import-run', { importId: job.id }, { jobId: job.id });
    });
    return job;
  }

  async get(scope: AccessScope, id: string): Promise<UserImport> {
    const job = await this.imports.findOneBy({ id });
    if (!job || !visible(scope, job)) throw new DomainException(IdentityError.IMPORT_NOT_FOUND, 'Import not found');
    return job;
  }

  async list(scope: AccessScope, query: PageQuery): Promise<Page<UserImport>> {
    const qb = this.imports
      .createQueryBuilder('i')
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .skip(skipOf(query))
      .take(query.pageSize);
    if (scope.kind === 'region') qb.where('i.scope_region_code = :region', { region: scope.regionCode });
    if (scope.kind === 'own') qb.where('i.created_by_id = :me', { me: scope.userId });
    const [items, total] = await qb.getManyAndCount();
    return toPage(items, total, query);
  }

  /** The rows that were not applied, as CSV (line, column, reason) for a spreadsheet. */
  async errorsCsv(scope: AccessScope, id: string): Promise<string> {
    await this.get(scope, id);
    const rows = await this.errors.find({ where: { importId: id }, order: { line: 'ASC' } });
    // A reason may start with the cell as typed ("=2+5 is not PNS or PPPK"): never a formula.
    const quote = (v: string | number) => `"${safeCellText(String(v)).replace(/"/g, '""')}"`;
    return (
      ['baris,kolom,alasan', ...rows.map((r) => [r.line, r.column, r.reason].map(quote).join(','))].join('\r\n') +
      '\r\n'
    );
  }
}

/** A unit admin sees the imports made for their region (or a region inside it); national admins see all. */
function visible(scope: AccessScope, job: UserImport): boolean {
  if (scope.kind === 'national') return true;
  if (scope.kind === 'region') return !!job.scopeRegionCode && regionWithin(job.scopeRegionCode, scope.regionCode);
  return job.createdById === scope.userId;
}
