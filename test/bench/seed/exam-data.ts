import type { QuestionInput } from '../../../src/modules/assessment/domain/questions';
import { demoLogins } from '../../../src/demo/demo-seeder';
import { BENCH_PASSWORD } from '../bina-app';

/** One question of the exam with the answers a learner gives to get it right or wrong (by slot, shuffling off). */
interface ExamQuestion {
  input: QuestionInput;
  right: unknown;
  wrong: unknown;
}

const single = (n: number, correct: number): ExamQuestion => ({
  input: {
    type: 'single',
    stem: `Soal pilihan tunggal ${n}: manakah yang benar?`,
    options: ['Pertama', 'Kedua', 'Ketiga', 'Keempat'].map((text, i) => ({
      text: `${text} ${n}`,
      correct: i === correct,
    })),
  },
  right: String.fromCharCode(97 + correct),
  wrong: String.fromCharCode(97 + ((correct + 1) % 4)),
});
const multiple = (n: number): ExamQuestion => ({
  input: {
    type: 'multiple',
    stem: `Soal pilihan ganda ${n}: pilih semua yang benar.`,
    options: ['Satu', 'Dua', 'Tiga', 'Empat'].map((text, i) => ({ text: `${text} ${n}`, correct: i % 2 === 0 })),
    scoring: n % 2 ? 'partial' : 'all_or_nothing',
  },
  right: ['a', 'c'],
  wrong: ['b'],
});
const trueFalse = (n: number, correct: boolean): ExamQuestion => ({
  input: { type: 'true_false', stem: `Pernyataan ${n} tentang ASN.`, correct },
  right: correct,
  wrong: !correct,
});
const short = (n: number): ExamQuestion => ({
  input: { type: 'short', stem: `Isian singkat ${n}: dasar negara Indonesia adalah …`, answers: ['Pancasila'] },
  right: ' pancasila ',
  wrong: 'UUD 1945',
});
const numeric = (n: number): ExamQuestion => ({
  input: { type: 'numeric', stem: `Angka ${n}: berapa JP minimal per tahun?`, answer: 20, tolerance: n % 2 ? 0.5 : 0 },
  right: n % 2 ? '20,4' : '20',
  wrong: '21',
});

/** 20 questions of one point each, four of every auto-graded type the exam uses. */
export const EXAM_QUESTIONS: ExamQuestion[] = [
  single(1, 0),
  multiple(2),
  trueFalse(3, true),
  short(4),
  numeric(5),
  single(6, 2),
  multiple(7),
  trueFalse(8, false),
  short(9),
  numeric(10),
  single(11, 1),
  multiple(12),
  trueFalse(13, true),
  short(14),
  numeric(15),
  single(16, 3),
  multiple(17),
  trueFalse(18, false),
  short(19),
  numeric(20),
];

export const EXAM_PASS_PERCENT = 60;

/** How many answers learner `i` gets wrong: 0 to 10, so that some fail the 60% pass mark. */
export const wrongAnswersOf = (i: number) => i % 11;

/** The option ids an attempt shows, by slot (options carry ids of the attempt's own; shuffling is off). */
export type ShownOptions = Record<string, string[]>;

/** What a started attempt's answer says of its options. */
export function shownOptionsOf(startAnswer: string): ShownOptions {
  const attempt = JSON.parse(startAnswer) as { questions: Array<{ slot: number; options?: Array<{ id: string }> }> };
  return Object.fromEntries(
    attempt.questions.filter((q) => q.options).map((q) => [String(q.slot), q.options!.map((o) => o.id)]),
  );
}

/**
 * Learner `i`'s answers to every slot, and the score (in hundredths) grading must give them.
 * Options are named by place (a = the first shown) and given in `shown`'s ids when it is known.
 */
export function examResponses(
  i: number,
  shown?: ShownOptions,
): { responses: Record<string, unknown>; expectedHundredths: number } {
  const wrong = wrongAnswersOf(i);
  const responses: Record<string, unknown> = {};
  EXAM_QUESTIONS.forEach((q, slot) => {
    const answer = (slot + i) % EXAM_QUESTIONS.length < wrong ? q.wrong : q.right;
    const ids = shown?.[String(slot)];
    const idOf = (letter: unknown) => (typeof letter === 'string' && ids ? ids[letter.charCodeAt(0) - 97] : letter);
    responses[String(slot)] = ids ? (Array.isArray(answer) ? answer.map(idOf) : idOf(answer)) : answer;
  });
  return { responses, expectedHundredths: (EXAM_QUESTIONS.length - wrong) * 100 };
}

export interface ExamQuiz {
  courseId: string;
  versionId: string;
  quizId: string;
}

/**
 * A published course whose one lesson is a timed 20-question quiz (one attempt, no
 * shuffling), built through the authoring API by the demo instructor, as in
 * libs/testing/quizzes.ts. About 25 requests: the API validates what the bench relies on.
 */
export async function buildExamQuiz(baseUrl: string): Promise<ExamQuiz> {
  const instructor = demoLogins().find((l) => l.role === 'instructor');
  if (!instructor) throw new Error('the demo data has no instructor');
  const call = async (method: string, path: string, body?: object, auth?: string) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(auth ? { authorization: auth } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  const login = await call('POST', '/api/auth/login', { username: instructor.username, password: BENCH_PASSWORD });
  const auth = `Bearer ${login.accessToken as string}`;
  const post = (path: string, body?: object) => call('POST', path, body, auth);

  const course = await post('/api/catalog/courses', {
    title: 'Ujian Serentak Bench',
    summary: 'Ujian akhir serentak untuk seluruh peserta.',
    jp: 2,
    competencies: [{ code: 'M.05', level: 2 }],
    audience: { everyone: true },
    enrolmentMode: 'self',
    inOrder: false,
    deadline: null,
  });
  const courseId = course.courseId as string;
  const section = await post(`/api/catalog/courses/${courseId}/modules`, { title: 'Ujian' });
  const lesson = await post(`/api/catalog/courses/${courseId}/modules/${section.id as string}/lessons`, {
    title: 'Ujian Akhir',
    kind: 'quiz',
  });
  const questionIds: string[] = [];
  for (const q of EXAM_QUESTIONS) {
    questionIds.push((await post(`/api/assessment/courses/${courseId}/questions`, q.input)).id as string);
  }
  const quiz = await post(`/api/assessment/courses/${courseId}/quizzes`, {
    title: 'Ujian Akhir',
    slots: questionIds.map((questionId) => ({ questionId })),
    timeLimitMinutes: 90,
    attemptsAllowed: 1,
    shuffleQuestions: false,
    shuffleOptions: false,
    passPercent: EXAM_PASS_PERCENT,
    showScore: 'after_grading',
    showAnswers: 'after_close',
  });
  await post(`/api/assessment/courses/${courseId}/quizzes/${quiz.id as string}/lesson`, { lessonId: lesson.id });
  const published = await post(`/api/catalog/courses/${courseId}/publish`);
  return { courseId, versionId: published.versionId as string, quizId: quiz.id as string };
}
