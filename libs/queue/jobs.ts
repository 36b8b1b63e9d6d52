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
  /** A unit admin verified an external activity (its JP and evidence are in the ledger); subscribers fan out. */
  'learning.external-verified': { activityId: string };
  /** Enrol the people a unit admin assigned a course to (resumable). */
  'learning.assignment-run': { assignmentId: string };
  /** Score a submitted attempt from its frozen snapshot (jobId: the attempt, or the attempt and a regrade). */
  'assessment.grade-attempt': { attemptId: string };
  /** Close an attempt left open past its time limit; it is then graded with what was saved. */
  'assessment.attempt-expire': { attemptId: string };
  /**
   * Attempts' grades are final or changed, or they wait for a person (a pre-test is done once
   * taken): lesson progress follows; plans and notifications when the grade is final. One
   * event for the attempts graded in one transaction (an exam's end grades them in batches);
   * a row queued by an earlier build names one attempt (`attemptId`, `gradeVersion`).
   */
  'assessment.attempt-graded': GradedAttempts;
  /** Regrade every finished attempt of a quiz after its key was fixed (reports progress). */
  'assessment.regrade-run': { regradeId: string };
  /** Issue the certificate of a completed enrolment (once; duplicates issue nothing). */
  'certification.issue': { enrolmentId: string };
  /** Build the ZIP of a course's certificates that an admin asked for. */
  'certification.export-run': { exportId: string };
  /** A notify() call: hands each recipient's new notification to its own delivery job. */
  'notifications.fan-out': { eventKey: string; recipientIds: string[] };
  /** Decide one notification's e-mail from the person's preferences: at once, in the digest, or none. */
  'notifications.deliver': { notificationId: string };
  /** Send one notification's e-mail (once per event, recipient and channel). */
  'notifications.send-email': { notificationId: string };
  /** The daily digest of a WIB day: one send job per person with items waiting. */
  'notifications.digest-run': { day: string };
  /** Send one person's digest of a WIB day. */
  'notifications.send-digest': { recipientId: string; day: string };
  /** Remind learners whose enrolment is due in 7 days and tomorrow (WIB days). */
  'notifications.deadline-scan': { day: string };
  /** People moved or changed: their refused mail addresses are listed for the admins of where they are now. */
  'notifications.address-failures-follow': { userIds: string[] };
  /**
   * Bring a person's development plans up to date with their credits, evidence and post-tests
   * (jobId: the cause, e.g. the enrolment). Recomputes from the sources, so order never matters.
   */
  'development-plans.plan-refresh': { userId: string };
  /** Daily (jobId: the WIB day): start approved plans whose year began, close plans of past years. */
  'development-plans.plan-calendar': { day: string };
  /** Walk a needs analysis's population in batches, writing each person's gap rows (resumable). */
  'development-plans.needs-run': { runId: string };
  /**
   * People moved (or otherwise changed): their assessments and SKP ratings take the region they
   * are in now, so a region's lists stay plain indexed reads. Recomputes, so repeats change nothing.
   */
  'development-plans.records-follow-people': { userIds: string[] };
  /** Send a needs questionnaire to its population (resumable; each person once). */
  'development-plans.questionnaire-send': { questionnaireId: string };
  /** Open the post-course evaluation (L1) and schedule the follow-ups (L3) of a completed enrolment. */
  'development-plans.evaluation-request': { enrolmentId: string };
  /** A WIB day's follow-up scan: send due L3 surveys, remind every 7 days, expire after 30. */
  'development-plans.follow-up-scan': { day: string };
  /**
   * Bring monitoring leaves up to date with their sources and move the dashboard rollups by
   * the difference (one transaction per leaf). Recomputes, so duplicates and order never matter.
   */
  'monitoring.refresh': MonitoringRefresh;
  /** Recompute every rollup from the source tables (the reference the increments must equal). */
  'monitoring.rebuild': { rebuildId: string };
  /** Build a dashboard table or people list as CSV/XLSX for the admin who asked (reports progress). */
  'monitoring.export-run': { exportId: string };
  /** Daily (jobId: the WIB day): roll JP leaves into a new year, delete expired export files. */
  'monitoring.daily': { day: string };
  /** JP targets changed: every JP leaf of these employee types and years (0: every year) again. */
  'monitoring.jp-targets': { targets: Array<{ employeeType: string; year: number }> };
  /** Housekeeping: drop expired login throttling buckets and sent outbox rows. */
  'platform.housekeeping': { olderThanHours: number };
  /**
   * A quiz's pass mark, grading method or role changed: these learners' outcomes (lesson
   * completion, post-test events) are worked out again from their attempts (one job per chunk).
   * `before`: the settings before the change, so only learners whose grade or pass result
   * changed are acted on; a row queued without it acts on every learner, as before.
   */
  'assessment.quiz-outcomes': {
    quizId: string;
    userIds: string[];
    before?: { passPercent: number; gradingMethod: 'highest' | 'last' | 'average'; role: 'none' | 'pre' | 'post' };
  };
}

/** Attempts graded together, each with the grade version that the event is about. */
export type GradedAttempts =
  { attempts: Array<{ attemptId: string; gradeVersion: number }> } | { attemptId: string; gradeVersion: number };

/** The keys of the leaves to refresh, all of one kind (see monitoring/rollups/leaf-kinds.ts). */
export type MonitoringRefresh =
  | { leaf: 'jp'; keys: Array<{ userId: string; year: number }> }
  | { leaf: 'course'; keys: Array<{ courseId: string; assignmentKey: string; unitKey: string }> }
  | { leaf: 'competency'; keys: Array<{ userId: string }> }
  | { leaf: 'plan'; keys: Array<{ planId: string }> }
  | { leaf: 'evaluation'; keys: Array<{ unitKey: string; year: number }> };

export type JobName = keyof JobPayloads;

export const QUEUES = [
  'identity',
  'learning',
  'assessment',
  'certification',
  'notifications',
  'development',
  'monitoring',
  'rollups',
  'platform',
] as const;
export type QueueName = (typeof QUEUES)[number];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'identity.import-run': 'identity',
  'learning.course-completed': 'learning',
  'learning.assignment-run': 'learning',
  'learning.external-verified': 'learning',
  'assessment.grade-attempt': 'assessment',
  'assessment.attempt-expire': 'assessment',
  // Its work is course progress (row locks, ledger writes): kept off the busy grading queue.
  'assessment.attempt-graded': 'learning',
  'assessment.regrade-run': 'assessment',
  'certification.issue': 'certification',
  'certification.export-run': 'certification',
  'notifications.fan-out': 'notifications',
  'notifications.deliver': 'notifications',
  'notifications.send-email': 'notifications',
  'notifications.digest-run': 'notifications',
  'notifications.send-digest': 'notifications',
  'notifications.deadline-scan': 'notifications',
  'notifications.address-failures-follow': 'notifications',
  'development-plans.plan-refresh': 'development',
  'development-plans.plan-calendar': 'development',
  'development-plans.needs-run': 'development',
  'development-plans.records-follow-people': 'development',
  'development-plans.questionnaire-send': 'development',
  'development-plans.evaluation-request': 'development',
  'development-plans.follow-up-scan': 'development',
  'monitoring.refresh': 'rollups',
  'monitoring.rebuild': 'monitoring',
  'monitoring.export-run': 'monitoring',
  'monitoring.daily': 'monitoring',
  'monitoring.jp-targets': 'monitoring',
  'platform.housekeeping': 'platform',
  // Course progress, like attempt-graded: off the busy grading queue.
  'assessment.quiz-outcomes': 'learning',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

/**
 * Jobs a worker runs at once per queue. Grading is short and batched (group commit), so
 * many in flight means bigger batches; the others hold a transaction for longer.
 */
export const QUEUE_CONCURRENCY: Record<QueueName, number> = {
  identity: 2,
  learning: 4,
  // Wide enough that four grading batches of 32 gather and commit at once (see Grader):
  // measured at an exam's end (20,000 learners), 128 lanes graded 1.06-1.18x as fast as a bare
  // BullMQ worker (one read and one update per job) at the same concurrency, 64 lanes 0.95-1.03x.
  // At 256 lanes (batches of 64) the bare worker gained more than grading: 0.86x.
  assessment: 128,
  // Rendering a PDF is CPU work: more at once only queues on the same core.
  certification: 2,
  // Mostly waiting on the mail server: several sends at once keep a digest morning short.
  notifications: 8,
  // Plans, needs analyses, surveys and exports: short transactions, a few at once.
  development: 4,
  // Rebuilds and exports: long jobs, a few at once.
  monitoring: 2,
  // Rollup refreshes are micro-batched (one transaction per batch of jobs): many in flight
  // make the batches, and the hot node rows, one lock holder instead of many.
  rollups: 16,
  platform: 1,
};

/**
 * The job people wait on in numbers (the grades at the end of an exam): in a worker process,
 * jobs of the other queues wait while it runs (ForegroundFirst), for a few seconds at most.
 * The other jobs of its queue neither wait nor hold others back (a regrade is long).
 */
export const FOREGROUND_JOB: JobName = 'assessment.grade-attempt';

/** How many times a job runs before it is given up (BullMQ and the in-process runner alike). */
export const JOB_MAX_ATTEMPTS = 5;

/**
 * Thrown by a handler when running the job again cannot help (the data itself is wrong):
 * the job fails at once instead of using up its retries, and stays visible for a replay.
 */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/**
 * What givenUp is told when the queue gave a job up without its handler failing: the workers
 * holding it stopped too often (killed, out of memory), so the work was never finished. The
 * queue's own message is kept as the message.
 */
export class JobAbandonedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobAbandonedError';
  }
}

export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
}

export interface JobProcessor<N extends JobName> {
  handle(payload: JobPayloads[N], context: JobContext): Promise<void>;
  /**
   * Called once the queue gives the job up for good (its last try failed, or it threw a
   * PermanentJobError), before the failure goes back to the transport: the place to leave
   * what the job was doing in a state people can see and act on (failed, with why), since
   * nothing will run it again. Also called when BullMQ gives a job up without handle()
   * failing (its workers died holding it too often): `error` is then BullMQ's. Must be
   * idempotent; an error here is logged, never the job's.
   */
  givenUp?(payload: JobPayloads[N], error: unknown, context: JobContext): Promise<void>;
}

/** Whether a failure of this try is the job's last: the queue will not run it again. */
export function isLastTry(error: unknown, context: JobContext): boolean {
  return error instanceof PermanentJobError || context.attempt >= JOB_MAX_ATTEMPTS;
}
