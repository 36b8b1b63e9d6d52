import request from 'supertest';
import { asUser } from './as-user';
import { givenDraftCourse } from './courses';
import { givenUser, GivenUser } from './factories';
import { TestApp } from './test-app';

/** The CSRF token of the first form on a page. */
export const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export type BrowserAgent = ReturnType<typeof request.agent>;

/** A cookie-keeping client, as a browser would be. */
export const browserAgent = (t: TestApp): BrowserAgent => request.agent(t.app.getHttpServer());

/** Signs in through the sign-in form (CSRF token included); returns the form post's response. */
export async function signInThroughPages(agent: BrowserAgent, username: string, password: string, next = '') {
  const form = await agent.get(`/masuk${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  return agent
    .post('/masuk')
    .type('form')
    .send({ _csrf: csrfOf(form.text), username, password, next: next || '/beranda' });
}

/** A learner of `unitId` enrolled on a course and signed in through the pages, with their browser. */
export async function enrolledLearnerOnPages(
  t: TestApp,
  courseId: string,
  unitId: string,
): Promise<{ learner: GivenUser; agent: BrowserAgent }> {
  const learner = await givenUser(t, { unitId });
  await asUser(t, learner).post(`/api/learning/courses/${courseId}/enrolment`);
  const agent = browserAgent(t);
  await signInThroughPages(agent, learner.username, learner.password);
  return { learner, agent };
}

/**
 * A draft course whose bank holds the GIFT pasted on its quiz page, with the instructor signed
 * in there: their browser, and the page as first shown (its form token serves later posts).
 */
export async function draftBankOnQuizPage(
  t: TestApp,
  instructor: GivenUser,
  title: string,
  gift: string,
): Promise<{ courseId: string; agent: BrowserAgent; page: { text: string } }> {
  const { courseId } = await givenDraftCourse(t, instructor.auth, { title });
  const agent = browserAgent(t);
  await signInThroughPages(agent, instructor.username, instructor.password);
  const page = await agent.get(`/pengajar/kursus/${courseId}/kuis`);
  const pasted = await agent
    .post(`/pengajar/kursus/${courseId}/kuis/soal`)
    .type('form')
    .send({ _csrf: csrfOf(page.text), gift });
  if (pasted.status !== 303)
    throw new Error(`Pasting the GIFT answered ${pasted.status}: ${pasted.text.slice(0, 300)}`);
  return { courseId, agent, page };
}
