import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../../libs/database';
import { Quiz, QuizAttempt } from '../entities';
import { LearningGainService } from './learning-gain.service';

/**
 * The report reads every graded attempt of a course once: grouping them by learner must look
 * at each attempt a fixed number of times, not once per learner (50,000 learners × 100,000
 * attempts took ~80 s of a blocked event loop). Counted, not timed, so a slow machine cannot
 * make it flaky.
 */
describe('LearningGainService', () => {
  const quizzes = [
    { id: 'pre', courseId: 'c', role: 'pre', gradingMethod: 'highest', passPercent: 70 },
    { id: 'post', courseId: 'c', role: 'post', gradingMethod: 'highest', passPercent: 70 },
  ] as Quiz[];

  /** Attempts whose learner is read through a counter. */
  function attemptsOf(learners: number) {
    const reads = { userId: 0 };
    const attempts: QuizAttempt[] = [];
    for (let i = 0; i < learners; i++) {
      for (const [quizId, percent] of [
        ['pre', 40],
        ['post', 40 + (i % 60)],
      ] as const) {
        const attempt = { quizId, number: 1, status: 'graded', percentHundredths: percent * 100 } as QuizAttempt;
        Object.defineProperty(attempt, 'userId', {
          get: () => {
            reads.userId++;
            return `u${i}`;
          },
        });
        attempts.push(attempt);
      }
    }
    return { attempts, reads };
  }

  function serviceOver(attempts: QuizAttempt[]) {
    const manager = {
      findBy: () => Promise.resolve(quizzes),
      find: () => Promise.resolve(attempts),
    } as unknown as EntityManager;
    const tx = { run: <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as TransactionRunner;
    return new LearningGainService(tx);
  }

  it('groups the attempts by learner in one pass, however many learners there are', async () => {
    const { attempts, reads } = attemptsOf(2_000);
    const gains = await serviceOver(attempts).ofLearners('c');
    expect(gains).toHaveLength(2_000);
    expect(gains[7]).toEqual({ userId: 'u7', pre: 40, post: 47, gain: 7 });
    // Each attempt's learner is read once to group it (the old way: once per learner, 8 million).
    expect(reads.userId).toBeLessThanOrEqual(2 * attempts.length);
  });

  it('averages the gain of a course', async () => {
    const { attempts } = attemptsOf(60);
    expect(await serviceOver(attempts).ofCourse('c')).toEqual({
      courseId: 'c',
      learners: 60,
      preMean: 40,
      postMean: 69.5,
      gainMean: 29.5,
      normalisedGainMean: 0.4917,
    });
  });
});
