import type { DataSource } from 'typeorm';
import { gradedAttemptsOf } from '../../src/modules/assessment/attempts/graded-event';
import type { QuestionInput } from '../../src/modules/assessment/domain/questions';
import { GradedAttempts, OutboxMessage } from '../queue';
import { asUser } from './as-user';
import { givenDraftCourse, okBody } from './courses';
import { givenRegions, givenUnit, givenUser, GivenUser } from './factories';
import { TestApp } from './test-app';

export interface QuizCourseSpec {
  title?: string;
  jp?: number;
  /** Text lessons before the quiz lesson. */
  textLessons?: number;
  questions?: QuestionInput[];
  /** Quiz settings (QuizDto); slots default to every question, fixed. */
  quiz?: Record<string, unknown>;
}

export interface GivenQuizCourse {
  courseId: string;
  versionId: string;
  textLessonIds: string[];
  quizLessonId: string;
  quizId: string;
  questionIds: string[];
}

/** Three questions whose right answers the tests know: option `a`, true, and "Pancasila". */
export const SAMPLE_QUESTIONS: QuestionInput[] = [
  {
    type: 'single',
    stem: 'Apa kepanjangan ASN?',
    options: [
      { text: 'Aparatur Sipil Negara', correct: true, feedback: 'Benar.' },
      { text: 'Aparat Sipil Nasional' },
      { text: 'Anggota Sipil Negara' },
    ],
  },
  { type: 'true_false', stem: 'PNS wajib mengikuti pengembangan kompetensi 20 JP per tahun.', correct: true },
  { type: 'short', stem: 'Dasar negara Indonesia adalah …', answers: ['Pancasila'] },
];

/**
 * The responses that answer SAMPLE_QUESTIONS rightly, by slot, for a quiz with shuffling off.
 * Options are named by their place in the bank (a = first); an attempt shows them under ids
 * of its own, so pass these through `inAttempt` before sending them.
 */
export const SAMPLE_RIGHT = { '0': 'a', '1': true, '2': ' pancasila ' };
export const SAMPLE_WRONG = { '0': 'b', '1': false, '2': 'UUD 1945' };

interface ShownQuestion {
  slot: number;
  options?: Array<{ id: string }>;
}

/**
 * Responses that name options by place (a = the first shown, b = the second…) in the ids
 * this attempt gave its options. Only for quizzes that do not shuffle options, where the
 * place shown is the place in the bank.
 */
export function inAttempt(attempt: object, responses: Record<string, unknown>): Record<string, unknown> {
  const questions = (attempt as { questions?: ShownQuestion[] }).questions;
  if (!Array.isArray(questions)) throw new Error('inAttempt needs a started attempt (with its questions)');
  const bySlot = new Map(questions.map((q) => [String(q.slot), q]));
  const idOf = (q: ShownQuestion, letter: unknown) => {
    if (typeof letter !== 'string' || !/^[a-z]$/.test(letter)) return letter;
    return q.options![letter.charCodeAt(0) - 97]?.id ?? letter;
  };
  return Object.fromEntries(
    Object.entries(responses).map(([slot, response]) => {
      const q = bySlot.get(slot);
      if (!q?.options) return [slot, response];
      return [slot, Array.isArray(response) ? response.map((r) => idOf(q, r)) : idOf(q, response)];
    }),
  );
}

/** A published course whose last lesson is a quiz, built through the API as an instructor would. */
export async function givenQuizCourse(
  t: TestApp,
  instructorAuth: string,
  spec: QuizCourseSpec = {},
): Promise<GivenQuizCourse> {
  const ok = okBody;
  const post = (url: string, body?: object) => t.http().post(url).set('authorization', instructorAuth).send(body);
  const { courseId, sectionId } = await givenDraftCourse(t, instructorAuth, {
    title: spec.title ?? 'Kursus Berkuis',
    jp: spec.jp ?? 2,
  });
  const lessonsUrl = `/api/catalog/courses/${courseId}/modules/${sectionId}/lessons`;
  const textLessonIds: string[] = [];
  for (let i = 0; i < (spec.textLessons ?? 1); i++) {
    const lesson = ok(
      await post(lessonsUrl, { title: `Materi ${i + 1}`, kind: 'text', bodyHtml: `<p>Materi ${i + 1}</p>` }),
      'add lesson',
    );
    textLessonIds.push(lesson.id as string);
  }
  const quizLesson = ok(await post(lessonsUrl, { title: 'Kuis Akhir', kind: 'quiz' }), 'add quiz lesson');
  const questionIds: string[] = [];
  for (const q of spec.questions ?? SAMPLE_QUESTIONS) {
    questionIds.push(ok(await post(`/api/assessment/courses/${courseId}/questions`, q), 'add question').id as string);
  }
  const quiz = ok(
    await post(`/api/assessment/courses/${courseId}/quizzes`, {
      title: 'Kuis Akhir',
      slots: questionIds.map((questionId) => ({ questionId })),
      shuffleOptions: false,
      passPercent: 60,
      showAnswers: 'after_grading',
      ...spec.quiz,
    }),
    'create quiz',
  );
  ok(
    await post(`/api/assessment/courses/${courseId}/quizzes/${quiz.id as string}/lesson`, { lessonId: quizLesson.id }),
    'attach quiz',
  );
  const published = ok(await post(`/api/catalog/courses/${courseId}/publish`), 'publish');
  return {
    courseId,
    versionId: published.versionId as string,
    textLessonIds,
    quizLessonId: quizLesson.id as string,
    quizId: quiz.id as string,
    questionIds,
  };
}

export interface GivenPrePostCourse {
  courseId: string;
  /** The pre-test and post-test quiz ids. */
  pre: string;
  post: string;
  textLesson: string;
}

/**
 * A published course of a pre-test, a text lesson and a post-test (the sample questions,
 * fixed, 70 % to pass): what learning-gain (L2) tests need.
 */
export async function givenPrePostCourse(
  t: TestApp,
  auth: string,
  spec: { title?: string; competencies?: Array<{ code: string; level: number }> } = {},
): Promise<GivenPrePostCourse> {
  const post = async (url: string, body: object, what: string) =>
    okBody(await t.http().post(url).set('Authorization', auth).send(body), what) as { id: string };
  const draft = await givenDraftCourse(t, auth, { title: spec.title ?? 'Manajemen Risiko', ...spec });
  const lessons = `/api/catalog/courses/${draft.courseId}/modules/${draft.sectionId}/lessons`;
  const preLesson = (await post(lessons, { title: 'Pre-test', kind: 'quiz' }, 'pre-test lesson')).id;
  const textLesson = (await post(lessons, { title: 'Materi', kind: 'text', bodyHtml: '<p>Isi</p>' }, 'text lesson')).id;
  const postLesson = (await post(lessons, { title: 'Post-test', kind: 'quiz' }, 'post-test lesson')).id;
  const questionIds: string[] = [];
  for (const question of SAMPLE_QUESTIONS)
    questionIds.push((await post(`/api/assessment/courses/${draft.courseId}/questions`, question, 'question')).id);
  const quiz = async (title: string, role: string, lessonId: string) => {
    const { id } = await post(
      `/api/assessment/courses/${draft.courseId}/quizzes`,
      { title, role, slots: questionIds.map((questionId) => ({ questionId })), shuffleOptions: false, passPercent: 70 },
      title,
    );
    await post(`/api/assessment/courses/${draft.courseId}/quizzes/${id}/lesson`, { lessonId }, `${title} lesson`);
    return id;
  };
  const pre = await quiz('Pre-test', 'pre', preLesson);
  const postTest = await quiz('Post-test', 'post', postLesson);
  await post(`/api/catalog/courses/${draft.courseId}/publish`, {}, 'publish');
  return { courseId: draft.courseId, pre, post: postTest, textLesson };
}

export interface GivenInstructorOfUnit {
  unitId: string;
  instructor: GivenUser;
  /** A new learner of the unit, enrolled on the course; throws, naming the answer, if enrolment is refused. */
  enrolled: (courseId: string) => Promise<GivenUser>;
}

/**
 * The usual cast of a quiz test: the demo regions, a unit in one of them, an instructor of
 * that unit, and a way to make its learners enrolled on a course. The enrolment must be 200
 * and a refusal throws with its status and body, so a set-up that fails says why rather than
 * surfacing later as an unexplained 403 on the quiz.
 */
export async function givenInstructorOfUnit(t: TestApp, regionCode = '36.74'): Promise<GivenInstructorOfUnit> {
  await givenRegions(t);
  const unitId = (await givenUnit(t, regionCode)).id;
  const instructor = await givenUser(t, { role: 'instructor', unitId });
  const enrolled = async (courseId: string) => {
    const learner = await givenUser(t, { unitId });
    const res = await asUser(t, learner).post(`/api/learning/courses/${courseId}/enrolment`);
    if (res.status !== 200) throw new Error(`enrol on ${courseId} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return learner;
  };
  return { unitId, instructor, enrolled };
}

/**
 * The `assessment.attempt-graded` outbox rows, by the attempt they are about: an event carries
 * every attempt graded in one transaction, so an attempt's events are found by payload.
 */
export async function gradedEventsByAttempt(db: DataSource): Promise<Map<string, OutboxMessage[]>> {
  const rows = await db.getRepository(OutboxMessage).findBy({ jobName: 'assessment.attempt-graded' });
  const byAttempt = new Map<string, OutboxMessage[]>();
  for (const row of rows) {
    for (const { attemptId } of gradedAttemptsOf(JSON.parse(row.payload) as GradedAttempts)) {
      byAttempt.set(attemptId, [...(byAttempt.get(attemptId) ?? []), row]);
    }
  }
  return byAttempt;
}

/** The graded events that name this attempt, with the grade version each is about, oldest first. */
export async function gradedEventsOf(
  db: DataSource,
  attemptId: string,
): Promise<Array<{ row: OutboxMessage; gradeVersion: number }>> {
  const rows = (await gradedEventsByAttempt(db)).get(attemptId) ?? [];
  return rows
    .map((row) => ({
      row,
      gradeVersion: gradedAttemptsOf(JSON.parse(row.payload) as GradedAttempts).find((a) => a.attemptId === attemptId)!
        .gradeVersion,
    }))
    .sort((a, b) => a.gradeVersion - b.gradeVersion);
}
