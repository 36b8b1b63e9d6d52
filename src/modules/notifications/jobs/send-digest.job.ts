import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { DigestService } from '../delivery/digest.service';

@Injectable()
@JobHandler('notifications.send-digest')
export class SendDigestJob implements JobProcessor<'notifications.send-digest'> {
  constructor(private readonly digests: DigestService) {}

  handle({ recipientId, day }: JobPayloads['notifications.send-digest']): Promise<void> {
    return this.digests.send(recipientId, day);
  }
}
