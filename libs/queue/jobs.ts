/**
 * Every job the platform runs: its name, the queue it travels on and its payload.
 * Payloads carry ids, never objects: a handler loads the current state itself.
 * A start-up check (JobRegistry) refuses to start unless each name has exactly one handler.
 */
export interface JobPayloads {
  /** Run a validated ASN import (identity). */
  'identity.import-run': { importId: string };
  /** A learner met a course's completion rule (emitted once per enrolment); subscribers fan out from here. */
  'learning.course-completed': { enrolmentId: string };
  /** Enrol the people a unit admin assigned a course to (resumable). */
  'learning.assignment-run': { assignmentId: string };
  /** Housekeeping: drop expired login throttling buckets and sent outbox rows. */
  'platform.housekeeping': { olderThanHours: number };
}

export type JobName = keyof JobPayloads;

export const QUEUES = ['identity', 'learning', 'platform'] as const;
export type QueueName = (typeof QUEUES)[number];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'identity.import-run': 'identity',
  'learning.course-completed': 'learning',
  'learning.assignment-run': 'learning',
  'platform.housekeeping': 'platform',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

/** How many times a job runs before it is given up (BullMQ and the in-process runner alike). */
export const JOB_MAX_ATTEMPTS = 5;

export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
}

export interface JobProcessor<N extends JobName> {
  handle(payload: JobPayloads[N], context: JobContext): Promise<void>;
}
