import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock, newId } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { EmailStatus, Notification, NotificationDelivery } from '../entities';

export interface SentRecord {
  eventKey: string;
  recipientId: string;
  channel: 'email';
  messageId: string;
  /** The notifications the message carried (one, or a digest's items). */
  notificationIds: string[];
}

/**
 * The record of what went out, one row per (event, recipient, channel). Writing it is the
 * last step of a send: a job that dies between the SMTP server's "250 OK" and this write
 * sends again on retry, with the same Message-ID (docs/notifications.md).
 */
@Injectable()
export class DeliveryLedger {
  constructor(
    @InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async wasSent(eventKey: string, recipientId: string, channel: 'email'): Promise<boolean> {
    return (await this.deliveries.countBy({ eventKey, recipientId, channel })) > 0;
  }

  async recordSent(record: SentRecord): Promise<void> {
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(NotificationDelivery)
        .values({
          id: newId(),
          eventKey: record.eventKey,
          recipientId: record.recipientId,
          channel: record.channel,
          messageId: record.messageId,
          sentAt: now,
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
      if (record.notificationIds.length) {
        await m.update(Notification, { id: In(record.notificationIds) }, { emailStatus: 'sent', emailedAt: now });
      }
    });
  }

  async setStatus(notificationIds: string[], emailStatus: EmailStatus): Promise<void> {
    if (notificationIds.length === 0) return;
    await this.tx.run((m) => m.update(Notification, { id: In(notificationIds) }, { emailStatus }));
  }
}
