import { Inject, Injectable } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { AccessScope, scopeOf } from '../../../../libs/auth';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { IdentityApi } from '../../identity/identity.api';
import { Certificate, CertificateExport } from '../entities';
import { certificatesInScope } from '../management/certificate-scope';
import { certificateFileName } from '../management/certificate.view';

const PAGE = 100;
const EXPORTS_FOLDER = 'certificate-exports';

/**
 * Builds an export's ZIP. The requester's scope is read again from the database (a unit
 * admin moved to another region since asking gets that region's certificates, or none),
 * never taken from the job. PDFs are stored already compressed, so they are stored, not deflated.
 */
@Injectable()
export class ExportBuilder {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly identity: IdentityApi,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async build(exportId: string): Promise<void> {
    const job = await this.tx.run((m) => m.findOneBy(CertificateExport, { id: exportId }));
    if (!job || job.status === 'done') return;
    const scope = await this.requesterScope(job.requestedBy);
    const builtFor = scope ? (scope.kind === 'region' ? scope.regionCode : 'national') : null;
    await this.tx.run((m) =>
      m.update(CertificateExport, { id: exportId }, { status: 'running', doneCount: 0, builtFor, error: null }),
    );
    const draft = await this.storage.draft(EXPORTS_FOLDER, 'zip');
    try {
      const done = await this.writeZip(draft.path, exportId, job, scope);
      const fileKey = await draft.commit();
      await this.tx.run((m) =>
        m.update(
          CertificateExport,
          { id: exportId },
          { status: 'done', fileKey, total: done, doneCount: done, finishedAt: this.clock.now() },
        ),
      );
    } catch (err) {
      // Shown to the admin instead of "being prepared" for ever; a retry of the job starts afresh.
      await draft.discard();
      await this.tx.run((m) =>
        m.update(
          CertificateExport,
          { id: exportId },
          { status: 'failed', error: String((err as Error)?.message ?? err).slice(0, 300) },
        ),
      );
      throw err;
    }
  }

  /**
   * Streams the ZIP to disk: each PDF is read from storage only when its turn to be written
   * comes, so memory holds one PDF at a time, not the whole ZIP (PDFs with a designed
   * background weigh megabytes each).
   */
  private async writeZip(
    path: string,
    exportId: string,
    job: CertificateExport,
    scope: AccessScope | null,
  ): Promise<number> {
    const zip = new ZipFile();
    // A PDF that cannot be read fails the ZIP's stream, and the pipeline closes the file
    // before it rejects (yazl would otherwise stop with its output left open).
    const written = pipeline(zip.outputStream, createWriteStream(path));
    zip.on('error', (err: Error) => (zip.outputStream as Readable).destroy(err));
    const names = new Set<string>();
    let done = 0;
    let failure: unknown = null;
    try {
      for (let afterId = ''; ;) {
        const page = scope ? await this.page(scope, job.courseId, afterId) : [];
        for (const c of page) {
          zip.addReadStreamLazy(uniqueName(names, certificateFileName(c)), { compress: false }, (give) => {
            const pdf = this.storage.stream(c.pdfKey);
            pdf.on('error', (err) => zip.emit('error', err));
            give(null, pdf);
          });
        }
        done += page.length;
        await this.tx.run((m) =>
          m.update(CertificateExport, { id: exportId }, { doneCount: done, total: Math.max(job.total, done) }),
        );
        if (page.length < PAGE) break;
        afterId = page[page.length - 1].id;
      }
    } catch (err) {
      failure = err;
    }
    zip.end();
    // The file is closed before the caller discards it, whether or not the pages were all read.
    if (failure) {
      await written.catch(() => undefined);
      throw failure;
    }
    await written;
    return done;
  }

  private page(scope: AccessScope, courseId: string, afterId: string): Promise<Certificate[]> {
    return this.tx.run((m) => {
      const qb = m
        .createQueryBuilder(Certificate, 'c')
        .where('c.course_id = :courseId AND c.status = :valid AND c.id > :afterId', {
          courseId,
          valid: 'valid',
          afterId,
        })
        .orderBy('c.id', 'ASC')
        .take(PAGE);
      return certificatesInScope(qb, scope).getMany();
    });
  }

  /** Null when the requester is no longer an admin: the ZIP is then empty. */
  private async requesterScope(userId: string): Promise<AccessScope | null> {
    const user = await this.identity.getUser({ kind: 'national' }, userId).catch(() => null);
    if (!user || !user.active) return null;
    const scope = scopeOf(user);
    return scope.kind === 'own' ? null : scope;
  }
}

function uniqueName(taken: Set<string>, name: string): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = name.replace(/\.pdf$/, ` (${i}).pdf`);
  taken.add(candidate);
  return candidate;
}
