import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { groupForDigest } from '../domain/digest';
import { sendTimeAfterQuiet } from '../domain/quiet-hours';
import { Notification } from '../entities';
import { EmailComposer } from '../mail/email-composer';
import { PreferencesService } from '../preferences/preferences.service';
import { DeliveryLedger } from './delivery-ledger';
import { MailDispatch } from './mail-dispatch';
import { RecipientCheck } from './recipient-check';

const RECIPIENT_PAGE = 500;

export const digestKeyOf = (day: string) => `digest:${day}`;

/** The daily digest: one e-mail per person listing what waited for it. */
@Injectable()
export class DigestService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly preferences: PreferencesService,
    private readonly recipients: RecipientCheck,
    private readonly composer: EmailComposer,
    private readonly dispatch: MailDispatch,
    private readonly ledger: DeliveryLedger,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** One send job per person with items waiting, each after the person's quiet hours if it falls in them. */
  async start(day: string): Promise<void> {
    const now = this.clock.now();
    let after = '';
    for (;;) {
      const page = await this.notifications
        .createQueryBuilder('n')
        .select('n.recipient_id', 'recipientId')
        .where('n.email_status = :digest', { digest: 'digest' })
        .andWhere('n.recipient_id > :after', { after })
        .groupBy('n.recipient_id')
        .orderBy('n.recipient_id', 'ASC')
        .limit(RECIPIENT_PAGE)
        .getRawMany<{ recipientId: string }>();
      if (page.length === 0) return;
      const ids = page.map((p) => p.recipientId);
      const quiet = await this.preferences.quietHoursOf(ids);
      await this.tx.run((m) =>
        this.outbox.enqueueMany(
          m,
          'notifications.send-digest',
          ids.map((recipientId) => ({
            payload: { recipientId, day },
            jobId: `${recipientId}:${day}`,
            delayMs: sendTimeAfterQuiet(now, quiet.get(recipientId) ?? null).getTime() - now.getTime(),
          })),
        ),
      );
      after = ids[ids.length - 1];
    }
  }

  async send(recipientId: string, day: string): Promise<void> {
    const eventKey = digestKeyOf(day);
    if (await this.ledger.wasSent(eventKey, recipientId, 'email')) return;
    // Claimed under the digest's key first, so that a retry lists the same items. Items an
    // earlier day's digest claimed but never sent (its job failed for good, say through a
    // long mail outage) are taken over: the keys sort by day.
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(Notification)
        .set({ digestKey: eventKey })
        .where('recipient_id = :recipientId AND email_status = :digest', { recipientId, digest: 'digest' })
        .andWhere('(digest_key IS NULL OR digest_key < :eventKey)', { eventKey })
        .execute(),
    );
    const items = await this.notifications.find({ where: { recipientId, digestKey: eventKey, emailStatus: 'digest' } });
    if (items.length === 0) return;
    const [reach, prefs] = await Promise.all([
      this.recipients.reach(recipientId),
      this.preferences.forDelivery(recipientId),
    ]);
    const wanted = reach.reachable ? items.filter((i) => prefs.emailMode(i.category) !== 'off') : [];
    await this.ledger.setStatus(
      items.filter((i) => !wanted.includes(i)).map((i) => i.id),
      'skipped',
    );
    if (!reach.reachable || wanted.length === 0) return;
    const mail = this.composer.digest(eventKey, groupForDigest(wanted), reach.contact);
    const ids = wanted.map((i) => i.id);
    await this.dispatch.send(mail, reach.contact, ids);
    await this.ledger.recordSent({
      eventKey,
      recipientId,
      channel: 'email',
      messageId: mail.messageId,
      notificationIds: ids,
    });
  }
}
