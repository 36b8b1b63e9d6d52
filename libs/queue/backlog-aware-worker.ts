import { Job, JobJson, Worker } from 'bullmq';

/**
 * A BullMQ worker that knows whether its queue has jobs waiting: yes from a fetch that found a
 * job, no from one that found the queue empty (BullMQ's "drained"). Whether a job is running
 * does not tell it: a worker woken from an empty queue takes one job per round trip until its
 * lanes are full (128 for grading, tens of milliseconds on a busy Redis), and only then starts
 * them; in between none of its jobs runs, though hundreds wait.
 */
export class BacklogAwareWorker extends Worker {
  private sawJobWaiting = false;

  /** Did the last fetch find a job (so more may wait), and is the worker still taking them? */
  get hasJobsWaiting(): boolean {
    return this.sawJobWaiting && !this.closing && !this.isPaused();
  }

  // Every fetch ends here: the worker's own, and the one that comes with a finished job.
  protected override nextJobFromJobData(jobData?: JobJson, jobId?: string, token?: string): Promise<Job> {
    this.sawJobWaiting = Boolean(jobData);
    return super.nextJobFromJobData(jobData, jobId, token);
  }
}
