import type { EntityManager } from 'typeorm';
import type { PostTestGraded, PostTestListener } from '../../../assessment/attempts/post-test-subscribers';
import { PlanTriggers } from './plan-triggers';

describe('PlanTriggers', () => {
  /** The refresh causes a post-test event asks for (a cause is the refresh job's dedupe key). */
  function postTestCauses(events: PostTestGraded[]): Promise<string[]> {
    let listener: PostTestListener | undefined;
    const causes: string[] = [];
    const triggers = new PlanTriggers(
      { onCourseCompleted: () => undefined, onExternalVerified: () => undefined } as never,
      { onPostTestGraded: (l: PostTestListener) => (listener = l) } as never,
      { request: async (_m: EntityManager, _user: string, cause: string) => void causes.push(cause) } as never,
      {} as never,
    );
    triggers.onModuleInit();
    return events
      .reduce((done, e) => done.then(() => listener!({} as EntityManager, e)), Promise.resolve())
      .then(() => causes);
  }

  const graded: PostTestGraded = {
    attemptId: 'a1',
    gradeVersion: 2,
    userId: 'u1',
    courseId: 'c1',
    quizId: 'q1',
    percent: 75,
    passed: false,
  };

  it('refreshes the plans again when a grade is sent again after the pass mark changed', async () => {
    const causes = await postTestCauses([graded, { ...graded, passed: true, resentFor: 'settings:1765000000000' }]);
    expect(causes).toHaveLength(2);
    expect(new Set(causes).size).toBe(2);
  });

  it('asks once for a grade version delivered twice', async () => {
    const causes = await postTestCauses([graded, graded]);
    expect(new Set(causes).size).toBe(1);
  });
});
