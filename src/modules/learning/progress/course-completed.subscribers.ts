import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '../../../../libs/queue';

export type CourseCompletedListener = (event: JobPayloads['learning.course-completed']) => Promise<void>;

/** Modules that act on a completed course register here (through LearningApi). */
@Injectable()
export class CourseCompletedSubscribers {
  private readonly listeners: CourseCompletedListener[] = [];

  subscribe(listener: CourseCompletedListener): void {
    this.listeners.push(listener);
  }

  async notify(event: JobPayloads['learning.course-completed']): Promise<void> {
    for (const listener of this.listeners) await listener(event);
  }
}
