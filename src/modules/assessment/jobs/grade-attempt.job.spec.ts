import { Logger } from '@nestjs/common';
import { JobAbandonedError, PermanentJobError } from '../../../../libs/queue';
import { Grader } from '../attempts/grader';
import { GradingFailure } from '../attempts/grading-failure';
import { GradeAttemptJob } from './grade-attempt.job';

describe('GradeAttemptJob.givenUp', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  /** The reason the attempt is marked failed with, for the error the queue gave up on. */
  async function reasonFor(error: unknown): Promise<string> {
    const markFailed = jest.fn(async () => true);
    const job = new GradeAttemptJob({ markFailed } as unknown as Grader);
    await job.givenUp({ attemptId: 'a1' }, error, { jobId: 'assessment.grade-attempt:a1', attempt: 5 });
    expect(markFailed).toHaveBeenCalledWith('a1', expect.any(String));
    return (markFailed.mock.calls[0] as unknown as [string, string])[1];
  }

  it('says the tries ran out when each try failed', async () => {
    expect(await reasonFor(new Error('Deadlock found when trying to get lock'))).toBe(GradingFailure.gaveUp);
  });

  it('says the attempt cannot be graded when retrying cannot help', async () => {
    expect(await reasonFor(new PermanentJobError('unreadable'))).toBe(GradingFailure.permanent);
  });

  it('says the grading process stopped when the queue gave up a job its workers kept dying on', async () => {
    expect(await reasonFor(new JobAbandonedError('job stalled more than allowable limit'))).toBe(
      GradingFailure.abandoned,
    );
  });
});
