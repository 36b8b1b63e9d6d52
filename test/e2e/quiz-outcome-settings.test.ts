import {
  asUser,
  createTestApp,
  givenDraftCourse,
  givenQuizCourse,
  givenInstructorOfUnit,
  GivenInstructorOfUnit,
  GivenUser,
  inAttempt,
  okBody,
  SAMPLE_QUESTIONS,
  SAMPLE_RIGHT,
  TestApp,
} from '../../libs/testing';
import { AssessmentApi } from '../../src/modules/assessment/assessment.api';
import { AttemptOutcome } from '../../src/modules/assessment/attempts/attempt-outcome';
import { PostTestGraded, PostTestSubscribers } from '../../src/modules/assessment/attempts/post-test-subscribers';
import { QuizAttempt } from '../../src/modules/assessment/entities';
import { LearningGainService } from '../../src/modules/assessment/grading/learning-gain.service';
import { LearningApi } from '../../src/modules/learning/learning.api';
import { JpLedgerEntry } from '../../src/modules/learning/entities';

/** Quiz outcomes follow the quiz's settings as they are now, and a pre-test never holds a course back. */
describe('assessment: quiz outcomes after settings change, pre-tests once taken', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let enrolled: GivenInstructorOfUnit['enrolled'];

  beforeAll(async () => {
    t = await createTestApp();
    ({ instructor, enrolled } = await givenInstructorOfUnit(t, '75.71'));
  });
  afterAll(() => t.close());

  const as = (who: GivenUser) => asUser(t, who);
  const lessonDone = async (learner: GivenUser, courseId: string, lessonId: string) => {
    const page = await as(learner).get(`/api/learning/courses/${courseId}`);
    const lessons = (page.body.modules as Array<{ lessons: Array<{ id: string; state: { completed: boolean } }> }>)
      .flatMap((m) => m.lessons)
      .find((l) => l.id === lessonId);
    return { lesson: lessons!.state.completed, course: page.body.enrolment.status as string };
  };
  /** The quiz as the instructor saved it, with some settings changed (PUT takes the whole quiz). */
  const changeQuiz = async (courseId: string, quizId: string, change: Record<string, unknown>) => {
    const url = `/api/assessment/courses/${courseId}/quizzes/${quizId}`;
    const quiz = okBody(await as(instructor).get(url), 'read quiz');
    const slots = (quiz.slots as Array<{ kind: string; questionId?: string }>).map((s) => ({
      questionId: s.questionId,
    }));
    const dto = Object.fromEntries(
      [
        'title',
        'attemptsAllowed',
        'gradingMethod',
        'passPercent',
        'showScore',
        'showAnswers',
        'shuffleQuestions',
        'shuffleOptions',
        'role',
      ].map((k) => [k, quiz[k]]),
    );
    return as(instructor).put(url, { ...dto, slots, ...change });
  };

  it('a pass mark lowered after the attempts completes the lesson, the course and its JP for those who now pass', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      title: 'Pelayanan Publik',
      jp: 3,
      textLessons: 0,
      questions: [...SAMPLE_QUESTIONS, { type: 'true_false', stem: 'ASN boleh berpolitik praktis.', correct: false }],
      quiz: { passPercent: 80, attemptsAllowed: 1 },
    });
    const learner = await enrolled(course.courseId);
    const started = okBody(await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`), 'start');
    // Three of four right: 75 %.
    await as(learner).post(`/api/assessment/attempts/${started.id as string}/submit`, {
      responses: inAttempt(started, { ...SAMPLE_RIGHT, '3': true }),
    });
    await t.drain();
    expect((await as(learner).get(`/api/assessment/attempts/${started.id as string}`)).body.result).toMatchObject({
      percent: 75,
      passed: false,
    });
    expect(await lessonDone(learner, course.courseId, course.quizLessonId)).toEqual({
      lesson: false,
      course: 'active',
    });

    // Only the title changes: nothing to work out again.
    okBody(await changeQuiz(course.courseId, course.quizId, { title: 'Kuis Akhir (revisi)' }), 'rename');
    await t.drain();
    expect((await lessonDone(learner, course.courseId, course.quizLessonId)).lesson).toBe(false);

    okBody(await changeQuiz(course.courseId, course.quizId, { passPercent: 70 }), 'lower the pass mark');
    await t.drain();
    expect(await lessonDone(learner, course.courseId, course.quizLessonId)).toEqual({
      lesson: true,
      course: 'completed',
    });
    const ledger = await t.dataSource.getRepository(JpLedgerEntry).findBy({ userId: learner.user.id });
    expect(ledger.map((e) => e.jpTenths)).toEqual([30]);
    const intro = await as(learner).get(`/api/assessment/quizzes/${course.quizId}`);
    expect(intro.body).toMatchObject({ grade: 75, passed: true });

    // Raising it again takes nothing back: the lesson, the course and the JP were earned.
    okBody(await changeQuiz(course.courseId, course.quizId, { passPercent: 90 }), 'raise the pass mark');
    await t.drain();
    expect(await lessonDone(learner, course.courseId, course.quizLessonId)).toEqual({
      lesson: true,
      course: 'completed',
    });
    expect(await t.dataSource.getRepository(JpLedgerEntry).countBy({ userId: learner.user.id })).toBe(1);
  });

  it('a pass mark lowered from 70 to 65 acts for the learner at 67 only, not for the one already passing at 90', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        { type: 'true_false', stem: 'Netralitas ASN wajib dijaga.', correct: true, points: 67 },
        { type: 'true_false', stem: 'SKP dinilai setiap tahun.', correct: true, points: 23 },
        { type: 'true_false', stem: 'ASN boleh berpolitik praktis.', correct: false, points: 10 },
      ],
      quiz: { passPercent: 70, attemptsAllowed: 1, role: 'post' },
    });
    const take = async (responses: Record<string, boolean>) => {
      const learner = await enrolled(course.courseId);
      const started = okBody(await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`), 'start');
      okBody(
        await as(learner).post(`/api/assessment/attempts/${started.id as string}/submit`, { responses }),
        'submit',
      );
      return learner;
    };
    const high = await take({ '0': true, '1': true, '2': true }); // 90 %
    const low = await take({ '0': true, '1': false, '2': true }); // 67 %
    await t.drain();
    const events: PostTestGraded[] = [];
    t.get(PostTestSubscribers).subscribe(async (_m, event) => {
      if (event.quizId === course.quizId) events.push(event);
    });
    const passed = jest.spyOn(t.get(LearningApi), 'quizPassed');
    try {
      okBody(await changeQuiz(course.courseId, course.quizId, { passPercent: 65 }), 'lower the pass mark');
      await t.drain();
      expect(events).toEqual([expect.objectContaining({ userId: low.user.id, percent: 67, passed: true })]);
      expect(passed.mock.calls.map(([userId]) => userId)).toEqual([low.user.id]);
      expect(await lessonDone(low, course.courseId, course.quizLessonId)).toMatchObject({ lesson: true });

      // A job queued before the settings travelled along acts on every learner, as it did.
      events.length = 0;
      await t.get(AttemptOutcome).reapply(course.quizId, [high.user.id, low.user.id]);
      expect(events.map((e) => e.userId)).toEqual([high.user.id, low.user.id]);
    } finally {
      passed.mockRestore();
    }
  });

  it('a pre-test with an essay counts as done once submitted: the lessons after it open before it is marked', async () => {
    const { courseId, sectionId } = await givenDraftCourse(t, instructor.auth, {
      title: 'Pra-uji Esai',
      inOrder: true,
    });
    const post = async (url: string, body: object, what: string) =>
      okBody(await as(instructor).post(url, body), what) as { id: string };
    const lessons = `/api/catalog/courses/${courseId}/modules/${sectionId}/lessons`;
    const preLesson = (await post(lessons, { title: 'Pre-test', kind: 'quiz' }, 'pre-test lesson')).id;
    const textLesson = (await post(lessons, { title: 'Materi', kind: 'text', bodyHtml: '<p>Isi</p>' }, 'text')).id;
    const essay = await post(
      `/api/assessment/courses/${courseId}/questions`,
      {
        type: 'essay',
        stem: 'Apa yang Anda ketahui tentang SKP?',
        points: 2,
        rubric: [{ criterion: 'Isi', points: 2 }],
      },
      'essay',
    );
    const quiz = await post(
      `/api/assessment/courses/${courseId}/quizzes`,
      { title: 'Pre-test', role: 'pre', slots: [{ questionId: essay.id }], passPercent: 70 },
      'pre-test',
    );
    await post(`/api/assessment/courses/${courseId}/quizzes/${quiz.id}/lesson`, { lessonId: preLesson }, 'attach');
    await post(`/api/catalog/courses/${courseId}/publish`, {}, 'publish');

    const learner = await enrolled(courseId);
    const locked = await as(learner).post(`/api/learning/courses/${courseId}/lessons/${textLesson}/completion`);
    expect(locked.body.code).toBe('LEARNING.LESSON_LOCKED');
    const started = okBody(await as(learner).post(`/api/assessment/quizzes/${quiz.id}/attempts`), 'start');
    await as(learner).post(`/api/assessment/attempts/${started.id as string}/submit`, {
      responses: { '0': 'SKP adalah sasaran kinerja pegawai.' },
    });
    await t.drain();
    const attempt = await t.dataSource.getRepository(QuizAttempt).findOneByOrFail({ id: started.id as string });
    expect(attempt.status).toBe('awaiting_manual');

    expect((await lessonDone(learner, courseId, preLesson)).lesson).toBe(true);
    const opened = await as(learner).post(`/api/learning/courses/${courseId}/lessons/${textLesson}/completion`);
    expect(opened.status).toBe(200);
  });

  it('with the "last" grading method, the grade waits while the newest attempt waits for its essay mark', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        { type: 'true_false', stem: 'Netralitas ASN wajib dijaga.', correct: true },
        { type: 'essay', stem: 'Jelaskan nilai BerAKHLAK.', points: 1, rubric: [{ criterion: 'Isi', points: 1 }] },
      ],
      quiz: { gradingMethod: 'last', attemptsAllowed: 2, showScore: 'after_grading', role: 'post' },
    });
    const learner = await enrolled(course.courseId);
    const take = async () => {
      const started = okBody(await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`), 'start');
      await as(learner).post(`/api/assessment/attempts/${started.id as string}/submit`, {
        responses: { '0': true, '1': 'Berorientasi pelayanan, akuntabel, kompeten.' },
      });
      await t.drain();
      return started.id as string;
    };
    const first = await take();
    okBody(
      await as(instructor).put(`/api/assessment/courses/${course.courseId}/attempts/${first}/slots/1/mark`, {
        points: 1,
        comment: 'Lengkap.',
      }),
      'mark',
    );
    await t.drain();
    const intro = () => as(learner).get(`/api/assessment/quizzes/${course.quizId}`);
    expect((await intro()).body).toMatchObject({ grade: 100, passed: true });
    // Plans, the plan calendar and the L2 report read the same grade as the quiz page.
    const postTests = () => t.get(AssessmentApi).postTestResults(learner.user.id);
    const gain = async () => (await t.get(LearningGainService).ofLearners(course.courseId, [learner.user.id]))[0];
    expect(await postTests()).toEqual([expect.objectContaining({ quizId: course.quizId, percent: 100, passed: true })]);
    expect(await gain()).toMatchObject({ post: 100 });

    await take();
    // The newest attempt is the "last" one: until it is marked there is no grade, not the first attempt's.
    expect((await intro()).body).toMatchObject({
      grade: null,
      passed: null,
      attempts: [
        expect.objectContaining({ number: 1, status: 'graded', percent: 100 }),
        expect.objectContaining({ number: 2, status: 'awaiting_manual', percent: null }),
      ],
    });
    expect(await postTests()).toEqual([]);
    expect(await gain()).toMatchObject({ post: null, gain: null });
  });
});
