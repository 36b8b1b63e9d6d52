import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { NotificationRouter } from '../delivery/notification-router';

@Injectable()
@JobHandler('notifications.deliver')
export class DeliverJob implements JobProcessor<'notifications.deliver'> {
  constructor(private readonly router: NotificationRouter) {}

  handle({ notificationId }: JobPayloads['notifications.deliver']): Promise<void> {
    return this.router.route(notificationId);
  }
}
