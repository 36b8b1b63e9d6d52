import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { CourseCompletedSubscribers } from '../progress/course-completed.subscribers';

/**
 * The fan-out point of `learning.course-completed`: certificates, development plans and
 * notifications subscribe here as they arrive. Each subscriber must be idempotent, since
 * a job can run again after a crash.
 */
@Injectable()
@JobHandler('learning.course-completed')
export class CourseCompletedJob implements JobProcessor<'learning.course-completed'> {
  private readonly logger = new Logger(CourseCompletedJob.name);

  constructor(private readonly subscribers: CourseCompletedSubscribers) {}

  async handle(payload: JobPayloads['learning.course-completed']): Promise<void> {
    this.logger.log({ enrolmentId: payload.enrolmentId }, 'Course completed');
    await this.subscribers.notify(payload);
  }
}
