import request from 'supertest';
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
