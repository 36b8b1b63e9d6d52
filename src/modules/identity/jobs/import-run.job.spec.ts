import { Logger } from '@nestjs/common';
import { DomainException } from '../../../../libs/common';
import { JOB_MAX_ATTEMPTS, PermanentJobError } from '../../../../libs/queue';
import { runnerOf } from '../../../../libs/queue/job-registry.testing';
import { IdentityError } from '../identity.errors';
import { ImportRunner } from '../import/import-runner';
import { ImportRunJob } from './import-run.job';

describe('an ASN import run that keeps failing', () => {
  // The give-up is logged; the tests look at what people see instead.
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const given = (error: Error) => {
    const runner = { run: jest.fn().mockRejectedValue(error), markFailed: jest.fn().mockResolvedValue(undefined) };
    const run = runnerOf('identity.import-run', new ImportRunJob(runner as unknown as ImportRunner));
    return { runner, run: (attempt: number) => run({ importId: 'imp1' }, attempt) };
  };

  it('is retried as running, and ends as failed with why after the last try', async () => {
    const error = new Error('connection lost');
    const { runner, run } = given(error);
    for (let attempt = 1; attempt < JOB_MAX_ATTEMPTS; attempt++) await expect(run(attempt)).rejects.toBe(error);
    expect(runner.markFailed).not.toHaveBeenCalled();
    await expect(run(JOB_MAX_ATTEMPTS)).rejects.toBe(error);
    expect(runner.markFailed).toHaveBeenCalledWith(
      'imp1',
      'The import stopped after repeated errors; the rows so far are kept',
    );
  });

  it('ends as failed at once, with the reason, on a permanent error', async () => {
    const { runner, run } = given(new PermanentJobError('The stored file is gone'));
    await expect(run(1)).rejects.toBeInstanceOf(PermanentJobError);
    expect(runner.markFailed).toHaveBeenCalledWith('imp1', 'The stored file is gone');
  });

  it('still fails with its own error when marking it failed fails too', async () => {
    const error = new Error('connection lost');
    const { runner, run } = given(error);
    runner.markFailed.mockRejectedValue(new Error('still no connection'));
    await expect(run(JOB_MAX_ATTEMPTS)).rejects.toBe(error);
  });

  it('fails an unreadable file at once with its problem, and the job itself succeeds', async () => {
    const problem = new DomainException(IdentityError.IMPORT_FILE_INVALID, 'The file is not a CSV');
    const { runner, run } = given(problem);
    await expect(run(1)).resolves.toBeUndefined();
    expect(runner.markFailed).toHaveBeenCalledTimes(1);
    expect(runner.markFailed).toHaveBeenCalledWith('imp1', 'The file is not a CSV');
  });
});
