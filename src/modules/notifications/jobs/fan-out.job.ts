import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { NotificationRouter } from '../delivery/notification-router';

@Injectable()
@JobHandler('notifications.fan-out')
export class FanOutJob implements JobProcessor<'notifications.fan-out'> {
  constructor(private readonly router: NotificationRouter) {}

  handle({ eventKey, recipientIds }: JobPayloads['notifications.fan-out']): Promise<void> {
    return this.router.fanOut(eventKey, recipientIds);
  }
}
