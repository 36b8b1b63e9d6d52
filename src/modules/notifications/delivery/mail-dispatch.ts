import { Injectable } from '@nestjs/common';
import { PermanentJobError } from '../../../../libs/queue';
import type { PersonContact } from '../../identity/identity.api';
import { classifySendFailure } from '../domain/smtp-failure';
import { MailTransport } from '../mail/mail-transport';
import { OutgoingMail } from '../mail/outgoing-mail';
import { AddressFailuresService } from './address-failures.service';
import { DeliveryLedger } from './delivery-ledger';

/**
 * Hands a message to the transport and decides what a failure means: a 5xx on RCPT marks
 * the address failed and ends the job for good; another 5xx ends it too; anything else
 * (4xx, a dropped connection) is thrown for the job's retries and backoff.
 */
@Injectable()
export class MailDispatch {
  constructor(
    private readonly transport: MailTransport,
    private readonly failures: AddressFailuresService,
    private readonly ledger: DeliveryLedger,
  ) {}

  async send(mail: OutgoingMail, contact: PersonContact, notificationIds: string[]): Promise<void> {
    try {
      await this.transport.send(mail);
    } catch (err) {
      const failure = classifySendFailure(err);
      if (failure.kind === 'retry') throw err;
      if (failure.kind === 'address-failed') await this.failures.mark(contact, failure.code, failure.response);
      await this.ledger.setStatus(notificationIds, 'failed');
      throw new PermanentJobError(`Mail to ${contact.id} refused (${failure.code}): ${failure.response}`);
    }
  }
}
