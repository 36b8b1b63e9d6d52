import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { CertificateExportsService } from '../exports/certificate-exports.service';
import { ExportBuilder } from '../exports/export-builder';

/**
 * Builds the ZIP of certificates an admin asked for; a rerun starts the ZIP afresh. Each
 * run first deletes ZIPs past their keeping time, so old exports never pile up on disk.
 */
@Injectable()
@JobHandler('certification.export-run')
export class ExportRunJob implements JobProcessor<'certification.export-run'> {
  constructor(
    private readonly builder: ExportBuilder,
    private readonly exports: CertificateExportsService,
  ) {}

  async handle({ exportId }: JobPayloads['certification.export-run']): Promise<void> {
    await this.exports.deleteExpired();
    await this.builder.build(exportId);
  }
}
