import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { EmailSender } from '../delivery/email-sender';

@Injectable()
@JobHandler('notifications.send-email')
export class SendEmailJob implements JobProcessor<'notifications.send-email'> {
  constructor(private readonly sender: EmailSender) {}

  handle({ notificationId }: JobPayloads['notifications.send-email']): Promise<void> {
    return this.sender.send(notificationId);
  }
}
