import { Inject, Injectable, Logger } from '@nestjs/common';
import { LessThanOrEqual, In } from 'typeorm';
import { AuthUser, scopeOf } from '../../../../libs/auth';
import { Clock, DomainException, newId, Page, PageQuery, skipOf, toPage } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { MonExport } from '../entities';
import { MonitoringError } from '../monitoring.errors';
import { CreateExportDto } from './dto/export.dto';
import { ExportKind } from './export-kinds';
import { ExportTables } from './export-tables';

/** An export as its owner sees it (never the storage key). */
export interface ExportView {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  format: 'csv' | 'xlsx';
  status: MonExport['status'];
  done: number;
  total: number;
  /** 0-100. */
  percent: number;
  fileName: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
  /** The download path, while the file is there. */
  downloadUrl: string | null;
}

export const EXPORTS_FOLDER = 'monitoring-exports';

/**
 * Asking for an export, following it and downloading it. The table and its node are checked
 * against the caller's scope on the way in (404/400 at once rather than a failed job), and
 * again by the job against the scope the database holds when it runs. Only the owner sees
 * an export; anyone else gets the same 404 as for an id that does not exist.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly tables: ExportTables,
    private readonly clock: Clock,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async create(user: AuthUser, dto: CreateExportDto): Promise<ExportView> {
    const table = await this.tables.open(scopeOf(user), dto.kind, dto.params);
    // The resolved node is stored: the job checks that very node against the scope it re-reads.
    // So is the year the table defaulted to: a job run after midnight of 31 December still
    // writes the year the admin was looking at.
    const params = { ...dto.params, node: table.node.node, ...(table.year !== undefined ? { year: table.year } : {}) };
    const row: MonExport = {
      id: newId(),
      requestedBy: user.id,
      kind: dto.kind,
      params: JSON.stringify(params),
      format: dto.format,
      status: 'queued',
      done: 0,
      total: 0,
      fileKey: null,
      fileName: null,
      error: null,
      createdAt: this.clock.now(),
      finishedAt: null,
      expiresAt: null,
    };
    await this.tx.run(async (m) => {
      await m.createQueryBuilder().insert().into(MonExport).values(row).updateEntity(false).execute();
      await this.outbox.enqueue(m, 'monitoring.export-run', { exportId: row.id }, { jobId: row.id });
    });
    return view(row);
  }

  /** The caller's exports, newest first (index on owner, created). */
  async mine(user: AuthUser, query: PageQuery): Promise<Page<ExportView>> {
    const [rows, total] = await this.tx.run((m) =>
      m.findAndCount(MonExport, {
        where: { requestedBy: user.id },
        order: { createdAt: 'DESC', id: 'DESC' },
        skip: skipOf(query),
        take: query.pageSize,
      }),
    );
    return toPage(rows.map(view), total, query);
  }

  async get(user: AuthUser, id: string): Promise<ExportView> {
    return view(await this.owned(user, id));
  }

  /** The stored file of a finished export: 404 for others, 409 while running, failed or expired. */
  async file(user: AuthUser, id: string): Promise<{ key: string; fileName: string; format: 'csv' | 'xlsx' }> {
    const row = await this.owned(user, id);
    // Asked again as the job asked it, with the caller's scope as it is now: an admin moved to
    // another region no longer downloads the people of the old one (404, as outside any scope).
    await this.tables.open(scopeOf(user), row.kind as ExportKind, JSON.parse(row.params) as Record<string, unknown>);
    const expired = row.expiresAt !== null && row.expiresAt.getTime() <= this.clock.now().getTime();
    if (row.status !== 'done' || !row.fileKey || expired) {
      throw new DomainException(
        MonitoringError.EXPORT_NOT_READY,
        expired || row.status === 'expired' ? 'This export has expired; ask for it again' : 'This export is not ready',
        { status: expired ? 'expired' : row.status },
      );
    }
    return { key: row.fileKey, fileName: row.fileName ?? `ekspor.${row.format}`, format: row.format };
  }

  /**
   * Deletes the files of exports past their expiry and marks them expired (the daily job).
   * A file already gone is fine: the row is still marked. Returns how many were swept.
   */
  async sweepExpired(): Promise<number> {
    let swept = 0;
    for (;;) {
      const due = await this.tx.run((m) =>
        m.find(MonExport, {
          where: { status: 'done', expiresAt: LessThanOrEqual(this.clock.now()) },
          order: { expiresAt: 'ASC' },
          take: 200,
        }),
      );
      if (due.length === 0) return swept;
      for (const row of due) {
        if (row.fileKey) await this.storage.delete(row.fileKey).catch((err) => this.logger.warn(String(err)));
      }
      await this.tx.run((m) =>
        m.update(MonExport, { id: In(due.map((r) => r.id)) }, { status: 'expired', fileKey: null }),
      );
      swept += due.length;
    }
  }

  private async owned(user: AuthUser, id: string): Promise<MonExport> {
    const row = await this.tx.run((m) => m.findOneBy(MonExport, { id }));
    if (!row || row.requestedBy !== user.id) {
      throw new DomainException(MonitoringError.EXPORT_NOT_FOUND, 'Export not found');
    }
    return row;
  }
}

export function view(row: MonExport): ExportView {
  return {
    id: row.id,
    kind: row.kind,
    params: JSON.parse(row.params) as Record<string, unknown>,
    format: row.format,
    status: row.status,
    done: row.done,
    total: row.total,
    percent: row.status === 'done' ? 100 : row.total > 0 ? Math.floor((row.done * 100) / row.total) : 0,
    fileName: row.fileName,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    expiresAt: row.expiresAt,
    downloadUrl: row.status === 'done' && row.fileKey ? `/api/monitoring/exports/${row.id}/file` : null,
  };
}
