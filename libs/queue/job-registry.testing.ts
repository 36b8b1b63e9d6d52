// Test kit (jest globals): left out of the build by tsconfig.build.json, like specs.
import { Logger } from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { JOB_MAX_ATTEMPTS, JobName, JobPayloads, JobProcessor, PermanentJobError } from './jobs';

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

/** A run job whose runner is faked: how a test describes it to `itFailsTheRunWhenGivenUp`. */
export interface RunJobSpec<N extends JobName> {
  name: N;
  /** The job under test, built on the fake runner. */
  job: (runner: never) => JobProcessor<N>;
  payload: JobPayloads[N];
  /** The run's id in the payload, which the runner's fail method is given. */
  runId: string;
  /** The runner's method that marks the run failed with why. */
  failMethod: string;
  /** The reason kept once the tries ran out. */
  exhausted: string;
}

/**
 * The give-up rules every run job (an import, an assignment, a needs analysis...) keeps, as
 * `it` blocks: retried while tries are left, failed with why after the last, failed at once on a
 * PermanentJobError, and the job's own error kept when marking the run failed fails too.
 * Returns `given`, for a job's own further cases.
 */
export function itFailsTheRunWhenGivenUp<N extends JobName>(spec: RunJobSpec<N>) {
  // The give-up is logged; the tests look at what people see instead.
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const given = (error: Error) => {
    const fail = jest.fn().mockResolvedValue(undefined);
    const runner = { run: jest.fn().mockRejectedValue(error), [spec.failMethod]: fail };
    const run = runnerOf(spec.name, spec.job(runner as never));
    return { runner, fail, run: (attempt: number) => run(spec.payload, attempt) };
  };

  it('is retried as running, and ends as failed with why after the last try', async () => {
    const error = new Error('connection lost');
    const { fail, run } = given(error);
    for (let attempt = 1; attempt < JOB_MAX_ATTEMPTS; attempt++) await expect(run(attempt)).rejects.toBe(error);
    expect(fail).not.toHaveBeenCalled();
    await expect(run(JOB_MAX_ATTEMPTS)).rejects.toBe(error);
    expect(fail).toHaveBeenCalledWith(spec.runId, spec.exhausted);
  });

  it('ends as failed at once, with the reason, on a permanent error', async () => {
    const { fail, run } = given(new PermanentJobError('The data cannot be run'));
    await expect(run(1)).rejects.toBeInstanceOf(PermanentJobError);
    expect(fail).toHaveBeenCalledWith(spec.runId, 'The data cannot be run');
  });

  it('still fails with its own error when marking it failed fails too', async () => {
    const error = new Error('connection lost');
    const { fail, run } = given(error);
    fail.mockRejectedValue(new Error('still no connection'));
    await expect(run(JOB_MAX_ATTEMPTS)).rejects.toBe(error);
  });

  return given;
}
