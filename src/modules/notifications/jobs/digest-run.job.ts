import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { DigestService } from '../delivery/digest.service';

@Injectable()
@JobHandler('notifications.digest-run')
export class DigestRunJob implements JobProcessor<'notifications.digest-run'> {
  constructor(private readonly digests: DigestService) {}

  handle({ day }: JobPayloads['notifications.digest-run']): Promise<void> {
    return this.digests.start(day);
  }
}
