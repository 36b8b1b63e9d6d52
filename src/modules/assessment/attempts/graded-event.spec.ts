import type { EntityManager } from 'typeorm';
import type { OutboxService } from '../../../../libs/queue';
import { AttemptGradedJob } from '../jobs/attempt-graded.job';
import type { AttemptOutcome } from './attempt-outcome';
import { gradedAttemptsOf, queueGradedEvent } from './graded-event';

describe('the attempt-graded event of a grading batch', () => {
  async function queued(attempts: Array<{ attemptId: string; gradeVersion: number }>) {
    const enqueue = jest.fn(async () => undefined);
    await queueGradedEvent({ enqueue } as unknown as OutboxService, {} as EntityManager, attempts);
    return enqueue.mock.calls as unknown as Array<[unknown, string, unknown, { jobId: string }]>;
  }

  it('is one outbox row for the whole batch, naming each attempt with its grade version', async () => {
    const calls = await queued([
      { attemptId: 'c', gradeVersion: 1 },
      { attemptId: 'a', gradeVersion: 2 },
      { attemptId: 'b', gradeVersion: 1 },
    ]);
    expect(calls).toHaveLength(1);
    const [, name, payload, options] = calls[0];
    expect(name).toBe('assessment.attempt-graded');
    expect(payload).toEqual({
      attempts: [
        { attemptId: 'a', gradeVersion: 2 },
        { attemptId: 'b', gradeVersion: 1 },
        { attemptId: 'c', gradeVersion: 1 },
      ],
    });
    // Keyed by the first attempt's grade version, which only this batch can have written.
    expect(options.jobId).toBe('a:2+2');
  });

  it('keeps the id a lone attempt always had', async () => {
    const [[, , , options]] = await queued([{ attemptId: 'a', gradeVersion: 3 }]);
    expect(options.jobId).toBe('a:3');
  });

  it('writes nothing for a batch with no final grade', async () => {
    expect(await queued([])).toEqual([]);
  });

  it('reads an event queued by an earlier build, which named one attempt', () => {
    expect(gradedAttemptsOf({ attemptId: 'a', gradeVersion: 1 })).toEqual([{ attemptId: 'a', gradeVersion: 1 }]);
  });
});

describe('AttemptGradedJob', () => {
  it("applies every attempt's outcome even when one fails, then fails so that the retry gets that one", async () => {
    const applied: string[] = [];
    const apply = jest.fn(async (id: string) => {
      if (id === 'b') throw new Error('Deadlock found when trying to get lock');
      applied.push(id);
    });
    const job = new AttemptGradedJob({ apply } as unknown as AttemptOutcome);
    const payload = {
      attempts: ['a', 'b', 'c'].map((attemptId) => ({ attemptId, gradeVersion: 1 })),
    };
    await expect(job.handle(payload)).rejects.toThrow('Deadlock');
    expect(applied).toEqual(['a', 'c']);
  });

  it('applies an event of an earlier build', async () => {
    const apply = jest.fn(async () => undefined);
    await new AttemptGradedJob({ apply } as unknown as AttemptOutcome).handle({ attemptId: 'a', gradeVersion: 1 });
    expect(apply).toHaveBeenCalledWith('a');
  });
});
