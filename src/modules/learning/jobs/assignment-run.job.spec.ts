import { Logger } from '@nestjs/common';
import { JOB_MAX_ATTEMPTS, PermanentJobError } from '../../../../libs/queue';
import { runnerOf } from '../../../../libs/queue/job-registry.testing';
import { AssignmentRunner } from '../assignments/assignment-runner';
import { AssignmentRunJob } from './assignment-run.job';

describe('an assignment run that keeps failing', () => {
  // The give-up is logged; the tests look at what people see instead.
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const given = (error: Error) => {
    const runner = { run: jest.fn().mockRejectedValue(error), fail: jest.fn().mockResolvedValue(undefined) };
    const run = runnerOf('learning.assignment-run', new AssignmentRunJob(runner as unknown as AssignmentRunner));
    return { runner, run: (attempt: number) => run({ assignmentId: 'as1' }, attempt) };
  };

  it('is retried as running, and ends as failed with why after the last try', async () => {
    const error = new Error('connection lost');
    const { runner, run } = given(error);
    for (let attempt = 1; attempt < JOB_MAX_ATTEMPTS; attempt++) await expect(run(attempt)).rejects.toBe(error);
    expect(runner.fail).not.toHaveBeenCalled();
    await expect(run(JOB_MAX_ATTEMPTS)).rejects.toBe(error);
    expect(runner.fail).toHaveBeenCalledWith('as1', 'Stopped after repeated errors; run it again to finish the rest');
  });

  it('ends as failed at once, with the reason, on a permanent error', async () => {
    const { runner, run } = given(new PermanentJobError('The course has no version to enrol in'));
    await expect(run(1)).rejects.toBeInstanceOf(PermanentJobError);
    expect(runner.fail).toHaveBeenCalledWith('as1', 'The course has no version to enrol in');
  });

  it('still fails with its own error when marking it failed fails too', async () => {
    const error = new Error('connection lost');
    const { runner, run } = given(error);
    runner.fail.mockRejectedValue(new Error('still no connection'));
    await expect(run(JOB_MAX_ATTEMPTS)).rejects.toBe(error);
  });
});
