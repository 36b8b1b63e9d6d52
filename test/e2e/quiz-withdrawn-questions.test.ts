import {
  asUser,
  createTestApp,
  givenQuizCourse,
  givenInstructorOfUnit,
  GivenInstructorOfUnit,
  GivenUser,
  okBody,
  SAMPLE_QUESTIONS,
  TestApp,
} from '../../libs/testing';
import { QUIZ_BEING_FIXED } from '../../src/modules/assessment/attempts/attempts.service';
import { QUESTION_IN_USE } from '../../src/modules/assessment/bank/question-bank.service';
import { Question } from '../../src/modules/assessment/entities';

/**
 * A question a quiz needs is not withdrawn: the bank refuses, naming the quizzes and slots. One
 * withdrawn anyway (before the bank checked) is never served: the start is refused.
 */
describe('assessment: a quiz whose fixed question was retired', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let enrolled: GivenInstructorOfUnit['enrolled'];

  beforeAll(async () => {
    t = await createTestApp();
    ({ instructor, enrolled } = await givenInstructorOfUnit(t, '12.71'));
  });
  afterAll(() => t.close());

  const as = (who: GivenUser) => asUser(t, who);
  const extra = [
    { type: 'true_false' as const, stem: 'SKP dinilai setiap tahun.', correct: true },
    { type: 'true_false' as const, stem: 'JP adalah jam pelajaran.', correct: true },
  ];

  const retire = (courseId: string, questionId: string) =>
    as(instructor).del(`/api/assessment/courses/${courseId}/questions/${questionId}`);

  it('refuses to withdraw a question a quiz needs, naming the quizzes and slots; a question no quiz needs goes', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { questions: [...SAMPLE_QUESTIONS, ...extra] });
    const ids = course.questionIds;
    const quizzes = `/api/assessment/courses/${course.courseId}/quizzes`;
    // Two fixed questions, then a draw of two from the other three.
    okBody(
      await as(instructor).put(`${quizzes}/${course.quizId}`, {
        title: 'Kuis Akhir',
        slots: [{ questionId: ids[0] }, { questionId: ids[1] }, { count: 2 }],
        passPercent: 60,
      }),
      'quiz slots',
    );
    const pre = okBody(
      await as(instructor).post(quizzes, {
        title: 'Pre-test',
        role: 'pre',
        slots: [{ questionId: ids[1] }],
        passPercent: 70,
      }),
      'second quiz',
    );

    const held = await retire(course.courseId, ids[1]);
    expect(held.status).toBe(409);
    expect(held.body).toMatchObject({
      code: 'ASSESSMENT.QUESTION_IN_USE',
      message: QUESTION_IN_USE,
      details: {
        fields: [
          { field: 'quiz "Kuis Akhir" slot 2', rule: 'holds_question', message: 'the slot holds this question' },
          { field: 'quiz "Pre-test" slot 1', rule: 'holds_question', message: 'the slot holds this question' },
        ],
        quizzes: [
          { id: course.quizId, title: 'Kuis Akhir', slots: [2] },
          { id: pre.id, title: 'Pre-test', slots: [1] },
        ],
      },
    });

    // The draw can spare one of its three questions, not two.
    expect((await retire(course.courseId, ids[3])).status).toBe(204);
    const short = await retire(course.courseId, ids[4]);
    expect(short.status).toBe(409);
    expect(short.body.details.fields).toEqual([
      {
        field: 'quiz "Kuis Akhir" slot 3',
        rule: 'enough_questions',
        message: 'the slot draws 2, the bank would have 1 matching question(s) left for it',
      },
    ]);
    const bank = `/api/assessment/courses/${course.courseId}/questions`;
    expect(okBody(await as(instructor).get(`${bank}/${ids[1]}`), 'question').retired).toBe(false);
    expect(okBody(await as(instructor).get(`${bank}/${ids[4]}`), 'question').retired).toBe(false);
    expect(okBody(await as(instructor).get(`${quizzes}/${course.quizId}`), 'quiz').problems).toEqual([]);

    // Once the quiz no longer holds it, the question goes.
    okBody(
      await as(instructor).put(`${quizzes}/${pre.id as string}`, {
        title: 'Pre-test',
        role: 'pre',
        slots: [{ questionId: ids[0] }],
        passPercent: 70,
      }),
      'pre-test without it',
    );
    okBody(
      await as(instructor).put(`${quizzes}/${course.quizId}`, {
        title: 'Kuis Akhir',
        slots: [{ questionId: ids[0] }, { count: 2 }],
        passPercent: 60,
      }),
      'quiz without it',
    );
    expect((await retire(course.courseId, ids[1])).status).toBe(204);
  });

  it.each([
    ['fixed slots only', (ids: string[]) => ids.slice(0, 3).map((questionId) => ({ questionId }))],
    [
      'fixed slots beside a draw',
      (ids: string[]) =>
        [{ questionId: ids[0] }, { questionId: ids[1] }, { count: 2 }] as Array<Record<string, unknown>>,
    ],
  ])('with %s: the learner is told it is being fixed, the instructor sees the slot', async (_, slotsOf) => {
    const course = await givenQuizCourse(t, instructor.auth, { questions: [...SAMPLE_QUESTIONS, ...extra] });
    const quizUrl = `/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}`;
    okBody(
      await as(instructor).put(quizUrl, {
        title: 'Kuis Akhir',
        slots: slotsOf(course.questionIds),
        shuffleOptions: false,
        passPercent: 60,
      }),
      'quiz slots',
    );
    expect(okBody(await as(instructor).get(quizUrl), 'quiz').problems).toEqual([]);
    const learner = await enrolled(course.courseId);

    expect((await retire(course.courseId, course.questionIds[1])).status).toBe(409);
    // Withdrawn before the bank checked quizzes (or beside a quiz saved at the same moment).
    await t.dataSource.getRepository(Question).update({ id: course.questionIds[1] }, { retiredAt: new Date() });

    const start = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    expect(start.status).toBe(422);
    expect(start.body).toMatchObject({ code: 'ASSESSMENT.NOT_ENOUGH_QUESTIONS', message: QUIZ_BEING_FIXED });
    const quiz = okBody(await as(instructor).get(quizUrl), 'quiz');
    expect(quiz.problems).toEqual([expect.objectContaining({ slot: 2, rule: 'withdrawn' })]);
    const list = okBody(await as(instructor).get(`/api/assessment/courses/${course.courseId}/quizzes`), 'quizzes');
    expect((list as unknown as Array<{ problems: unknown[] }>)[0].problems).toHaveLength(1);

    // The instructor takes the slot out: learners can start again, with every question the intro counts.
    okBody(
      await as(instructor).put(quizUrl, {
        title: 'Kuis Akhir',
        slots: slotsOf(course.questionIds).filter((s) => s.questionId !== course.questionIds[1]),
        shuffleOptions: false,
        passPercent: 60,
      }),
      'fixed quiz',
    );
    const intro = okBody(await as(learner).get(`/api/assessment/quizzes/${course.quizId}`), 'intro');
    const started = okBody(await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`), 'start');
    expect((started.questions as unknown[]).length).toBe(intro.questionCount);
  });
});
