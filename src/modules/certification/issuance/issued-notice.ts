import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationsApi } from '../../notifications/notifications.api';
import { CertificateIssuer } from './certificate-issuer';

/** The holder hears of a new certificate in the transaction that records it (never of one rolled back). */
@Injectable()
export class IssuedNotice implements OnModuleInit {
  constructor(
    private readonly issuer: CertificateIssuer,
    private readonly notifications: NotificationsApi,
  ) {}

  onModuleInit(): void {
    this.issuer.whenIssued((m, c) =>
      this.notifications.notify(m, {
        category: 'certificate-issued',
        eventKey: `certificate-issued:${c.id}`,
        recipientIds: [c.userId],
        params: { course: c.courseTitle, serial: c.serial },
        link: `/sertifikat/${c.id}`,
      }),
    );
  }
}
