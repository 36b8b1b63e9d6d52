import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_HANDLER } from './job-handler.decorator';
import { JOB_NAMES, JobContext, JobName, JobPayloads, JobProcessor } from './jobs';

export class JobRegistryError extends Error {}

/** Finds the @JobHandler providers and checks that each job has exactly one. */
@Injectable()
export class JobRegistry implements OnApplicationBootstrap {
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

  async run<N extends JobName>(name: N, payload: JobPayloads[N], context: JobContext): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new JobRegistryError(`No handler for job ${name}`);
    await handler.handle(payload, context);
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
