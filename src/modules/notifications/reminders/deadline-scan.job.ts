import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { DeadlineRemindersService } from './deadline-reminders.service';

@Injectable()
@JobHandler('notifications.deadline-scan')
export class DeadlineScanJob implements JobProcessor<'notifications.deadline-scan'> {
  constructor(private readonly reminders: DeadlineRemindersService) {}

  handle({ day }: JobPayloads['notifications.deadline-scan']): Promise<void> {
    return this.reminders.scan(day);
  }
}
