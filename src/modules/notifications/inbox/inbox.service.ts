import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository, SelectQueryBuilder } from 'typeorm';
import { Clock, DomainException, Locale, Page, skipOf, toPage } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { Notification } from '../entities';
import { NotificationsError } from '../notifications.errors';
import { NotificationView, toNotificationView } from './notification.view';

/** A person's in-app notifications: their own only (another person's is a 404). */
@Injectable()
export class InboxService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Newest first. */
  async list(
    userId: string,
    locale: Locale,
    query: { page: number; pageSize: number; unreadOnly?: boolean },
  ): Promise<Page<NotificationView>> {
    const qb = this.mine(userId);
    if (query.unreadOnly) qb.andWhere('n.read_at IS NULL');
    qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').skip(skipOf(query)).take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return toPage(
      rows.map((r) => toNotificationView(r, locale)),
      total,
      query,
    );
  }

  /** The badge on every page: one count over the (recipient, read_at) index. */
  async unreadCount(userId: string): Promise<number> {
    return this.mine(userId).andWhere('n.read_at IS NULL').getCount();
  }

  /** Marks one of the person's notifications read; returns where it points (the page opens it). */
  async markRead(userId: string, id: string): Promise<{ id: string; link: string | null; readAt: Date }> {
    const row = await this.notifications.findOneBy({ id, recipientId: userId });
    if (!row) throw new DomainException(NotificationsError.NOTIFICATION_NOT_FOUND, 'Notification not found');
    if (row.readAt) return { id, link: row.link, readAt: row.readAt };
    const readAt = this.clock.now();
    await this.tx.run((m) => m.update(Notification, { id, recipientId: userId, readAt: IsNull() }, { readAt }));
    return { id, link: row.link, readAt };
  }

  async markAllRead(userId: string): Promise<{ marked: number }> {
    const result = await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(Notification)
        .set({ readAt: this.clock.now() })
        .where('recipient_id = :userId AND read_at IS NULL', { userId })
        .execute(),
    );
    return { marked: result.affected ?? 0 };
  }

  /**
   * The person's notifications minus the categories they switched off in the app, in one
   * statement (the badge on every page is one round trip: the index, then a primary-key probe).
   */
  private mine(userId: string): SelectQueryBuilder<Notification> {
    return this.notifications
      .createQueryBuilder('n')
      .where('n.recipient_id = :userId', { userId })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM notification_preference p WHERE p.user_id = n.recipient_id
          AND p.category = n.category AND p.channel = 'in_app' AND p.mode = 'off')`,
      );
  }
}
