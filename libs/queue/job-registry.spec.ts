import { Logger } from '@nestjs/common';
import { assertOneHandlerEach, JobRegistry } from './job-registry';
import { registryOf } from './job-registry.testing';
import { JOB_MAX_ATTEMPTS, JOB_NAMES, JobProcessor, PermanentJobError } from './jobs';

const everyJobOnce = () => new Map(JOB_NAMES.map((name) => [name as string, [`${name}-handler`]]));

describe('the start-up check of job handlers', () => {
  it('passes when every declared job has exactly one handler', () => {
    expect(() => assertOneHandlerEach(everyJobOnce())).not.toThrow();
  });

  it('names a job without a handler', () => {
    const found = everyJobOnce();
    found.delete('identity.import-run');
    expect(() => assertOneHandlerEach(found)).toThrow(/identity\.import-run has no handler/);
  });

  it('names a job with two handlers', () => {
    const found = everyJobOnce();
    found.set('platform.housekeeping', ['A', 'B']);
    expect(() => assertOneHandlerEach(found)).toThrow(/platform\.housekeeping has 2 handlers \(A, B\)/);
  });

  it('names a handler for a job nobody declared', () => {
    const found = everyJobOnce();
    found.set('made.up', ['X']);
    expect(() => assertOneHandlerEach(found)).toThrow(/made\.up is handled but not declared/);
  });
});

describe('a job given up for good', () => {
  const given = (handler: JobProcessor<'assessment.grade-attempt'>) => {
    class GradeHandler {}
    const discovery = { getProviders: () => [{ instance: handler, metatype: GradeHandler }] };
    const reflector = { get: () => 'assessment.grade-attempt' };
    const registry = new JobRegistry(discovery as never, reflector as never);
    // Only this job has a handler here: the start-up check is another test's.
    try {
      registry.onApplicationBootstrap();
    } catch {
      /* the other jobs have no handler in this test */
    }
    return (attempt: number) => registry.run('assessment.grade-attempt', { attemptId: 'a1' }, { jobId: 'j1', attempt });
  };
  const failing = (error: Error) => {
    const givenUp = jest.fn(async () => undefined);
    const handler = { handle: jest.fn(async () => Promise.reject(error)), givenUp };
    return { handler, givenUp };
  };

  it('is told to the handler after the last try fails, and the failure still reaches the queue', async () => {
    const error = new Error('Deadlock found when trying to get lock');
    const { handler, givenUp } = failing(error);
    const run = given(handler);
    for (let attempt = 1; attempt < JOB_MAX_ATTEMPTS; attempt++) await expect(run(attempt)).rejects.toBe(error);
    expect(givenUp).not.toHaveBeenCalled();
    await expect(run(JOB_MAX_ATTEMPTS)).rejects.toBe(error);
    expect(givenUp).toHaveBeenCalledTimes(1);
    expect(givenUp).toHaveBeenCalledWith({ attemptId: 'a1' }, error, { jobId: 'j1', attempt: JOB_MAX_ATTEMPTS });
  });

  it('is told at once for a permanent error, which no retry can help', async () => {
    const error = new PermanentJobError('the snapshot cannot be read');
    const { handler, givenUp } = failing(error);
    await expect(given(handler)(1)).rejects.toBe(error);
    expect(givenUp).toHaveBeenCalledWith({ attemptId: 'a1' }, error, { jobId: 'j1', attempt: 1 });
  });

  it('keeps the job failing with its own error when recording the give-up fails too', async () => {
    const error = new Error('connection lost');
    const handler = {
      handle: async () => Promise.reject(error),
      givenUp: async () => Promise.reject(new Error('still no connection')),
    };
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await expect(given(handler)(JOB_MAX_ATTEMPTS)).rejects.toBe(error);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.objectContaining({ message: 'still no connection' }) }),
      expect.stringContaining('given up'),
    );
    logged.mockRestore();
  });

  it('is not told when the job succeeds, or when the handler has no hook', async () => {
    const givenUp = jest.fn(async () => undefined);
    await expect(given({ handle: async () => undefined, givenUp })(JOB_MAX_ATTEMPTS)).resolves.toBeUndefined();
    expect(givenUp).not.toHaveBeenCalled();
    const error = new Error('boom');
    await expect(given({ handle: async () => Promise.reject(error) })(JOB_MAX_ATTEMPTS)).rejects.toBe(error);
  });

  it("givenUp delegates to the handler's hook and never throws", async () => {
    // A transport calls it for a give-up the handler never saw fail (BullMQ failing a stalled job).
    const stalled = new Error('job stalled more than allowable limit');
    const context = { jobId: 'j1', attempt: 1 };
    const givenUp = jest.fn(async () => undefined);
    const told = registryOf('assessment.grade-attempt', { handle: async () => undefined, givenUp });
    await told.givenUp('assessment.grade-attempt', { attemptId: 'a1' }, stalled, context);
    expect(givenUp).toHaveBeenCalledTimes(1);
    expect(givenUp).toHaveBeenCalledWith({ attemptId: 'a1' }, stalled, context);

    // A hook that throws (even before returning a promise) is logged, not thrown at the transport.
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const throwing = registryOf('assessment.grade-attempt', {
      handle: async () => undefined,
      givenUp: () => {
        throw new Error('no connection');
      },
    });
    await expect(
      throwing.givenUp('assessment.grade-attempt', { attemptId: 'a1' }, stalled, context),
    ).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.objectContaining({ message: 'no connection' }), jobId: 'j1' }),
      expect.stringContaining('given up'),
    );
    logged.mockRestore();

    // A job without a handler, or a handler without the hook: nothing to tell, nothing thrown.
    await expect(
      told.givenUp('platform.housekeeping', { olderThanHours: 1 }, stalled, context),
    ).resolves.toBeUndefined();
    const hookless = registryOf('assessment.grade-attempt', { handle: async () => undefined });
    await expect(
      hookless.givenUp('assessment.grade-attempt', { attemptId: 'a1' }, stalled, context),
    ).resolves.toBeUndefined();
  });
});
