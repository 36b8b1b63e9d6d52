import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '../../../../libs/queue';

export type ExternalVerifiedListener = (event: JobPayloads['learning.external-verified']) => Promise<void>;

/** Modules that act on a verified external activity register here (through LearningApi). */
@Injectable()
export class ExternalVerifiedSubscribers {
  private readonly listeners: ExternalVerifiedListener[] = [];

  subscribe(listener: ExternalVerifiedListener): void {
    this.listeners.push(listener);
  }

  async notify(event: JobPayloads['learning.external-verified']): Promise<void> {
    for (const listener of this.listeners) await listener(event);
  }
}
