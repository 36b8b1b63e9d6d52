import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessScope, scopeOf } from '../../../../libs/auth';
import { Clock, DomainException } from '../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { csvFileWriter, xlsxFileWriter } from '../../../../libs/content';
import { TransactionRunner } from '../../../../libs/database';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { IdentityApi } from '../../identity/identity.api';
import { NotificationsApi } from '../../notifications/notifications.api';
import { MonExport } from '../entities';
import { ExportKind } from './export-kinds';
import { ExportTable } from './export-table';
import { ExportTables } from './export-tables';
import { EXPORTS_FOLDER } from './exports.service';

const BATCH = 500;
const DAY_MS = 24 * 3_600_000;

/** Why an export cannot run for its requester any more (a failed export, nothing written). */
class NotAllowed extends Error {}

/**
 * Builds one export: re-reads the requester's role and scope from the database (a payload
 * or a stored scope could be stale: a demoted or moved admin must not get rows they can no
 * longer see), walks the table in batches writing done/total, stores the file, keeps it for
 * the configured days and tells the requester where it is.
 */
@Injectable()
export class ExportRunner {
  private readonly logger = new Logger(ExportRunner.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly tables: ExportTables,
    private readonly identity: IdentityApi,
    private readonly notifications: NotificationsApi,
    private readonly clock: Clock,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(exportId: string): Promise<void> {
    const row = await this.tx.run((m) => m.findOneBy(MonExport, { id: exportId }));
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return;
    try {
      const scope = await this.currentScope(row.requestedBy);
      const table = await this.tables.open(scope, row.kind as ExportKind, JSON.parse(row.params));
      const total = await table.total();
      await this.progress(row.id, { status: 'running', done: 0, total });
      const { key, count } = await this.write(row, table, total);
      await this.finish(row, key, fileNameOf(row, this.clock.now()), count, table.title);
    } catch (err) {
      const reason =
        err instanceof NotAllowed || err instanceof DomainException ? err.message : 'The export could not be built';
      if (!(err instanceof NotAllowed || err instanceof DomainException)) this.logger.error(err);
      await this.progress(row.id, { status: 'failed', error: reason.slice(0, 300), finishedAt: this.clock.now() });
    }
  }

  /**
   * Streams the table into a storage draft batch by batch (memory holds one batch, whatever
   * the size of the table) and stores it; nothing is left behind if a batch fails.
   */
  private async write(row: MonExport, table: ExportTable, total: number): Promise<{ key: string; count: number }> {
    const draft = await this.storage.draft(EXPORTS_FOLDER, row.format);
    try {
      const writer =
        row.format === 'csv'
          ? csvFileWriter(draft.path, table.columns)
          : xlsxFileWriter(draft.path, table.title, table.columns);
      let done = 0;
      for await (const batch of table.batches(BATCH)) {
        await writer.add(batch);
        done += batch.length;
        await this.progress(row.id, { done: Math.min(done, total) });
      }
      const count = await writer.finish();
      return { key: await draft.commit(), count };
    } catch (err) {
      await draft.discard();
      throw err;
    }
  }

  /** The requester's scope as the database has it now; only active admins may export. */
  private async currentScope(userId: string): Promise<AccessScope> {
    const user = await this.identity.getUser({ kind: 'national' }, userId).catch(() => null);
    if (!user || !user.active) throw new NotAllowed('The requester no longer has an active account');
    const scope = scopeOf({ id: user.id, role: user.role, scopeRegionCode: user.scopeRegionCode, locale: 'id' });
    if (scope.kind === 'own') throw new NotAllowed('The requester is no longer an administrator');
    return scope;
  }

  private async finish(row: MonExport, key: string, fileName: string, count: number, title: string): Promise<void> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.monitoringExports.ttlDays * DAY_MS);
    await this.tx.run(async (m) => {
      await m.update(
        MonExport,
        { id: row.id },
        { status: 'done', done: count, total: count, fileKey: key, fileName, finishedAt: now, expiresAt },
      );
      await this.notifications.notify(m, {
        category: 'monitoring-export-ready',
        eventKey: `monitoring-export-ready:${row.id}`,
        recipientIds: [row.requestedBy],
        params: {
          table: title.slice(0, 200),
          format: row.format.toUpperCase(),
          rows: count,
          expiresAt: expiresAt.toISOString(),
        },
        link: '/pemantauan/ekspor',
      });
    });
  }

  private progress(id: string, change: Partial<MonExport>): Promise<unknown> {
    return this.tx.run((m) => m.update(MonExport, { id }, change));
  }
}

/** pemantauan-people-2026-11-25.xlsx: the table and the WIB day, never user text. */
function fileNameOf(row: MonExport, now: Date): string {
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return `pemantauan-${row.kind}-${day}.${row.format}`;
}
