import { JobRegistry } from './job-registry';
import { JobName, JobPayloads, JobProcessor } from './jobs';

/** For tests: a registry in which only this job has a handler (no Nest application). */
export function registryOf<N extends JobName>(name: N, handler: JobProcessor<N>): JobRegistry {
  class Handler {}
  const discovery = { getProviders: () => [{ instance: handler, metatype: Handler }] };
  const reflector = { get: () => name };
  const registry = new JobRegistry(discovery as never, reflector as never);
  try {
    registry.onApplicationBootstrap();
  } catch {
    /* the start-up check wants every job handled: here only this one is */
  }
  return registry;
}

/**
 * For unit tests: runs one handler the way a transport does (through JobRegistry.run, so its
 * givenUp is told on the last try). Returns a function of the payload and the attempt number.
 */
export function runnerOf<N extends JobName>(name: N, handler: JobProcessor<N>) {
  const registry = registryOf(name, handler);
  return (payload: JobPayloads[N], attempt: number) => registry.run(name, payload, { jobId: `${name}-1`, attempt });
}
