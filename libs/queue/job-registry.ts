import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_HANDLER } from './job-handler.decorator';
import { isLastTry, JOB_NAMES, JobContext, JobName, JobPayloads, JobProcessor } from './jobs';

export class JobRegistryError extends Error {}

/** Finds the @JobHandler providers and checks that each job has exactly one. */
@Injectable()
export class JobRegistry implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobRegistry.name);
  private readonly handlers = new Map<JobName, JobProcessor<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, metatype as Function);
      if (!name) continue;
      found.set(name, [...(found.get(name) ?? []), (metatype as Function).name]);
      this.handlers.set(name, instance as JobProcessor<JobName>);
    }
    assertOneHandlerEach(found);
  }

  /**
   * Runs a job's handler. When its failure is the last try, the handler may record that
   * (givenUp) before the failure itself is rethrown, so that each transport retries or
   * fails the job as it always does.
   */
  async run<N extends JobName>(name: N, payload: JobPayloads[N], context: JobContext): Promise<void> {
    const handler = this.handlers.get(name) as JobProcessor<N> | undefined;
    if (!handler) throw new JobRegistryError(`No handler for job ${name}`);
    try {
      await handler.handle(payload, context);
    } catch (err) {
      if (isLastTry(err, context)) await this.givenUp(name, payload, err, context);
      throw err;
    }
  }

  /**
   * Tells a job's handler that the queue gave the job up. run() does so itself when the
   * handler's own last try fails; a transport calls this only for a give-up the handler never
   * saw (BullMQ failing a job that stalled too often), so that each give-up is told once.
   * Never throws: the job's own error is what the queue records and people see.
   */
  async givenUp<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    error: unknown,
    context: JobContext,
  ): Promise<void> {
    const handler = this.handlers.get(name) as JobProcessor<N> | undefined;
    if (!handler?.givenUp) return;
    try {
      await handler.givenUp(payload, error, context);
    } catch (hookErr) {
      this.logger.error({ err: hookErr, jobId: context.jobId }, `Job ${name} was given up, and recording it failed`);
    }
  }
}

export function assertOneHandlerEach(found: Map<string, string[]>): void {
  const problems: string[] = [];
  for (const name of JOB_NAMES) {
    const classes = found.get(name) ?? [];
    if (classes.length === 0) problems.push(`${name} has no handler`);
    if (classes.length > 1) problems.push(`${name} has ${classes.length} handlers (${classes.join(', ')})`);
  }
  for (const name of found.keys()) {
    if (!(JOB_NAMES as string[]).includes(name))
      problems.push(`${name} is handled but not declared in libs/queue/jobs.ts`);
  }
  if (problems.length > 0)
    throw new JobRegistryError(`Job handlers are not one per job:\n  - ${problems.join('\n  - ')}`);
}
