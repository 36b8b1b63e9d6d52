import { Injectable } from '@nestjs/common';
import { CertificatesService } from './management/certificates.service';
import { CertificateView } from './management/certificate.view';

export type { CertificateView } from './management/certificate.view';

/** What other modules may ask of certification. */
@Injectable()
export class CertificationApi {
  constructor(private readonly certificates: CertificatesService) {}

  ofLearner(userId: string): Promise<CertificateView[]> {
    return this.certificates.mine(userId);
  }
}
