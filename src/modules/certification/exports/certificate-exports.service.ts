import { Inject, Injectable } from '@nestjs/common';
import { AccessScope, AuthUser, regionWithin, scopeOf } from '../../../../libs/auth';
import { Clock, DomainException, newId, wibDay } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { CertificationError } from '../certification.errors';
import { Certificate, CertificateExport } from '../entities';
import { certificatesInScope } from '../management/certificate-scope';

/** How long a built ZIP stays downloadable. */
export const EXPORT_KEEP_HOURS = 72;

export interface ExportView {
  id: string;
  courseId: string;
  status: CertificateExport['status'];
  total: number;
  done: number;
  percent: number;
  ready: boolean;
  createdAt: string;
  expiresAt: string;
  error: string | null;
}

export function exportView(e: CertificateExport): ExportView {
  return {
    id: e.id,
    courseId: e.courseId,
    status: e.status,
    total: e.total,
    done: e.doneCount,
    percent: e.total === 0 ? (e.status === 'done' ? 100 : 0) : Math.floor((e.doneCount / e.total) * 100),
    ready: e.status === 'done' && !!e.fileKey,
    createdAt: e.createdAt.toISOString(),
    expiresAt: e.expiresAt.toISOString(),
    error: e.error,
  };
}

/** Bulk download of a course's valid certificates as one ZIP, built by a job. */
@Injectable()
export class CertificateExportsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async request(user: AuthUser, scope: AccessScope, courseId: string): Promise<ExportView> {
    const now = this.clock.now();
    const row: CertificateExport = {
      id: newId(),
      courseId,
      requestedBy: user.id,
      status: 'queued',
      total: await this.countInScope(scope, courseId),
      doneCount: 0,
      fileKey: null,
      error: null,
      createdAt: now,
      finishedAt: null,
      expiresAt: new Date(now.getTime() + EXPORT_KEEP_HOURS * 3600_000),
      builtFor: null,
    };
    await this.tx.run(async (m) => {
      await m.insert(CertificateExport, row);
      await this.outbox.enqueue(m, 'certification.export-run', { exportId: row.id }, { jobId: row.id });
    });
    return exportView(row);
  }

  /** Only the admin who asked sees an export (it holds the certificates of their scope). */
  async get(user: AuthUser, id: string): Promise<ExportView> {
    return exportView(await this.own(user, id));
  }

  /** The ZIP for the admin who asked, while their scope still covers the one it was built for. */
  async file(user: AuthUser, id: string): Promise<{ key: string; fileName: string }> {
    const e = await this.own(user, id);
    if (!coversBuiltScope(scopeOf(user), e.builtFor)) {
      throw new DomainException(CertificationError.EXPORT_NOT_FOUND, 'No such export');
    }
    if (e.status !== 'done' || !e.fileKey || e.expiresAt <= this.clock.now()) {
      throw new DomainException(CertificationError.EXPORT_NOT_READY, 'The ZIP is not ready (or has expired)');
    }
    return {
      key: e.fileKey,
      fileName: `sertifikat-${e.courseId.slice(0, 8)}-${wibDay(e.createdAt)}.zip`,
    };
  }

  async countInScope(scope: AccessScope, courseId: string): Promise<number> {
    return this.tx.run((m) =>
      certificatesInScope(
        m.createQueryBuilder(Certificate, 'c').where('c.course_id = :courseId AND c.status = :valid', {
          courseId,
          valid: 'valid',
        }),
        scope,
      ).getCount(),
    );
  }

  private async own(user: AuthUser, id: string): Promise<CertificateExport> {
    const e = await this.tx.run((m) => m.findOneBy(CertificateExport, { id, requestedBy: user.id }));
    if (!e) throw new DomainException(CertificationError.EXPORT_NOT_FOUND, 'No such export');
    return e;
  }

  /** Housekeeping: expired ZIPs are deleted (their rows stay, marked by their expiry). */
  async deleteExpired(): Promise<number> {
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(CertificateExport, 'e')
        .where('e.expires_at <= :now AND e.file_key IS NOT NULL', { now: this.clock.now() })
        .take(500)
        .getMany(),
    );
    for (const e of rows) {
      await this.storage.delete(e.fileKey!).catch(() => undefined);
      await this.tx.run((m) => m.update(CertificateExport, { id: e.id }, { fileKey: null }));
    }
    return rows.length;
  }
}

/** Does the caller's scope now cover the scope a ZIP was built for? (null: built before this was kept.) */
function coversBuiltScope(scope: AccessScope, builtFor: string | null): boolean {
  if (builtFor === null || scope.kind === 'national') return true;
  if (scope.kind !== 'region' || builtFor === 'national') return false;
  return regionWithin(builtFor, scope.regionCode);
}
