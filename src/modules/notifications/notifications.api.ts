import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationWriter } from './delivery/notification-writer';
import { NotificationEvent } from './domain/notification-event';

export { EMAIL_MODES, IN_APP_MODES, NOTIFICATION_CATEGORIES } from './domain/categories';
export type { NotificationCategory } from './domain/categories';
export type { NotificationEvent } from './domain/notification-event';
export { categoryName } from './templates/notification-text';

/** What other modules may ask of the notifications module (its only public entry for producers). */
@Injectable()
export class NotificationsApi {
  constructor(private readonly writer: NotificationWriter) {}

  /**
   * Notifies people of something that happened, inside the caller's transaction (pass its
   * manager): the notification commits or rolls back with the change it reports. Idempotent
   * per (eventKey, recipient). Delivery (in-app at once; e-mail now, in the digest or not at
   * all, by each person's preferences) happens in jobs after the commit.
   */
  notify(manager: EntityManager, event: NotificationEvent): Promise<void> {
    return this.writer.write(manager, event);
  }
}
