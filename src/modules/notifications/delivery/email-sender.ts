import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Notification } from '../entities';
import { EmailComposer } from '../mail/email-composer';
import { PreferencesService } from '../preferences/preferences.service';
import { DeliveryLedger } from './delivery-ledger';
import { MailDispatch } from './mail-dispatch';
import { RecipientCheck } from './recipient-check';

/**
 * Sends one notification's e-mail, at most once in effect: a recorded send is never
 * repeated, and a send repeated because its record was lost carries the same Message-ID.
 */
@Injectable()
export class EmailSender {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly ledger: DeliveryLedger,
    private readonly recipients: RecipientCheck,
    private readonly preferences: PreferencesService,
    private readonly composer: EmailComposer,
    private readonly dispatch: MailDispatch,
  ) {}

  async send(notificationId: string): Promise<void> {
    const row = await this.notifications.findOneBy({ id: notificationId });
    if (!row || row.emailStatus !== 'queued') return;
    const messageId = this.composer.messageId(row.eventKey, row.recipientId);
    if (await this.ledger.wasSent(row.eventKey, row.recipientId, 'email')) {
      await this.ledger.recordSent({ ...key(row), messageId, notificationIds: [row.id] });
      return;
    }
    // Checked again at send time: the person may have unsubscribed during their quiet hours.
    const [reach, prefs] = await Promise.all([
      this.recipients.reach(row.recipientId),
      this.preferences.forDelivery(row.recipientId),
    ]);
    if (!reach.reachable || prefs.emailMode(row.category) === 'off') {
      await this.ledger.setStatus([row.id], 'skipped');
      return;
    }
    await this.dispatch.send(this.composer.notification(row, reach.contact), reach.contact, [row.id]);
    await this.ledger.recordSent({ ...key(row), messageId, notificationIds: [row.id] });
  }
}

const key = (row: Notification) => ({
  eventKey: row.eventKey,
  recipientId: row.recipientId,
  channel: 'email' as const,
});
