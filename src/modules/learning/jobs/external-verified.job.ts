import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { ExternalVerifiedSubscribers } from '../progress/external-verified.subscribers';

/** The fan-out point of a verified external activity (development plans subscribe). */
@Injectable()
@JobHandler('learning.external-verified')
export class ExternalVerifiedJob implements JobProcessor<'learning.external-verified'> {
  constructor(private readonly subscribers: ExternalVerifiedSubscribers) {}

  handle(payload: JobPayloads['learning.external-verified']): Promise<void> {
    return this.subscribers.notify(payload);
  }
}
