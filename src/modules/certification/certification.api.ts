import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Certificate } from './entities';
import { CertificateIssuer } from './issuance/certificate-issuer';
import { CertificateView, certificateView } from './management/certificate.view';
import { CertificatesService } from './management/certificates.service';

export type { CertificateView } from './management/certificate.view';

/** What other modules may ask of certification. */
@Injectable()
export class CertificationApi {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly issuer: CertificateIssuer,
  ) {}

  ofLearner(userId: string): Promise<CertificateView[]> {
    return this.certificates.mine(userId);
  }

  /** Runs inside the transaction that records a new certificate (notifications, plans). */
  whenIssued(listener: (m: EntityManager, certificate: CertificateView) => Promise<void>): void {
    this.issuer.whenIssued((m: EntityManager, c: Certificate) => listener(m, certificateView(c)));
  }
}
