import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { decideEmail } from '../domain/channel-decision';
import { Notification } from '../entities';
import { PreferencesService } from '../preferences/preferences.service';
import { RecipientCheck } from './recipient-check';

/**
 * Decides, once per notification, what its e-mail does: goes out now (or when the person's
 * quiet hours end), waits for the daily digest, or is skipped. The in-app copy needs no
 * routing: it is the notification row itself.
 */
@Injectable()
export class NotificationRouter {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly preferences: PreferencesService,
    private readonly recipients: RecipientCheck,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** The notifications of a fan-out: each gets its own routing job. */
  async fanOut(eventKey: string, recipientIds: string[]): Promise<void> {
    const rows = await this.notifications.find({
      select: { id: true, recipientId: true },
      where: { eventKey, recipientId: In(recipientIds) },
    });
    await this.tx.run((m) =>
      this.outbox.enqueueMany(
        m,
        'notifications.deliver',
        rows.map((r) => ({ payload: { notificationId: r.id }, jobId: r.id })),
      ),
    );
  }

  async route(notificationId: string): Promise<void> {
    const row = await this.notifications.findOneBy({ id: notificationId });
    if (!row || row.emailStatus !== 'pending') return;
    const [reach, prefs] = await Promise.all([
      this.recipients.reach(row.recipientId),
      this.preferences.forDelivery(row.recipientId),
    ]);
    const now = this.clock.now();
    const decision = decideEmail({
      mode: prefs.emailMode(row.category),
      urgent: row.urgent,
      email: reach.contact?.active ? reach.contact.email : null,
      addressFailed: !reach.reachable && reach.reason === 'address-failed',
      quietHours: prefs.quietHours,
      now,
    });
    const status = decision.kind === 'none' ? 'skipped' : decision.kind === 'digest' ? 'digest' : 'queued';
    await this.tx.run(async (m) => {
      await m.update(Notification, { id: row.id, emailStatus: 'pending' }, { emailStatus: status });
      if (decision.kind === 'immediate') {
        await this.outbox.enqueue(
          m,
          'notifications.send-email',
          { notificationId: row.id },
          { jobId: row.id, delayMs: Math.max(0, decision.sendAt.getTime() - now.getTime()) },
        );
      }
    });
  }
}
