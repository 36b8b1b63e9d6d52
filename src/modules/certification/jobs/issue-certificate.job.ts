import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { CertificateIssuer } from '../issuance/certificate-issuer';

/** Issues a completed enrolment's certificate; running it again issues nothing more. */
@Injectable()
@JobHandler('certification.issue')
export class IssueCertificateJob implements JobProcessor<'certification.issue'> {
  private readonly logger = new Logger(IssueCertificateJob.name);

  constructor(private readonly issuer: CertificateIssuer) {}

  async handle({ enrolmentId }: JobPayloads['certification.issue']): Promise<void> {
    const outcome = await this.issuer.issueForEnrolment(enrolmentId);
    this.logger.log({ enrolmentId, outcome }, 'Certificate issuance');
  }
}
