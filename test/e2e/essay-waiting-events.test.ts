import {
  asUser,
  createTestApp,
  givenQuizCourse,
  givenInstructorOfUnit,
  GivenInstructorOfUnit,
  GivenUser,
  okBody,
  TestApp,
  gradedEventsOf,
} from '../../libs/testing';

/**
 * An attempt whose essay waits for a person has an outcome to tell only when its quiz is a
 * pre-test (done once taken). Any other quiz waits for the mark: at the end of an exam with
 * an essay, an event per attempt would be a job, a relay and two reads each, for nothing.
 */
describe('assessment: events of attempts waiting for an essay mark', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let enrolled: GivenInstructorOfUnit['enrolled'];

  beforeAll(async () => {
    t = await createTestApp();
    ({ instructor, enrolled } = await givenInstructorOfUnit(t));
  });
  afterAll(() => t.close());

  /** The graded events written for one learner's essay attempt on a quiz of this role. */
  const eventsForEssayAttempt = async (role: 'pre' | 'none') => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        { type: 'essay', stem: 'Jelaskan nilai BerAKHLAK.', points: 1, rubric: [{ criterion: 'Isi', points: 1 }] },
      ],
      quiz: { role },
    });
    const learner = await enrolled(course.courseId);
    const as = asUser(t, learner);
    const started = okBody(await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`), 'start');
    await as.post(`/api/assessment/attempts/${started.id as string}/submit`, {
      responses: { '0': 'Berorientasi pelayanan, akuntabel, kompeten.' },
    });
    await t.drain();
    return (await gradedEventsOf(t.dataSource, started.id as string)).length;
  };

  it('writes none for a quiz that is not a pre-test', async () => {
    expect(await eventsForEssayAttempt('none')).toBe(0);
  });

  it('writes one for a pre-test, whose lesson is done once taken', async () => {
    expect(await eventsForEssayAttempt('pre')).toBe(1);
  });
});
