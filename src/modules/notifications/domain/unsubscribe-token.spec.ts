import { createHmac } from 'node:crypto';
import { NOTIFICATION_CATEGORIES } from './categories';
import { signUnsubscribe, unsubscribeKey, verifyUnsubscribe } from './unsubscribe-token';

const key = unsubscribeKey('a-platform-secret-of-at-least-32-characters!');
const userId = '0b6f3c1e-8a4d-4c1b-9f1e-2d3c4b5a6978';

describe('unsubscribe tokens', () => {
  it('carries who and which categories, verifies, and stays short enough for a URL path segment', () => {
    const token = signUnsubscribe({ userId, categories: ['quiz-graded', 'course-assigned'] }, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(verifyUnsubscribe(token, key)).toEqual({ userId, categories: ['course-assigned', 'quiz-graded'] });
    const everything = signUnsubscribe({ userId, categories: [...NOTIFICATION_CATEGORIES] }, key);
    expect(everything.length).toBeLessThanOrEqual(100);
  });

  it('refuses a token signed with another key', () => {
    const other = unsubscribeKey('another-platform-secret-of-32-characters!!');
    expect(verifyUnsubscribe(signUnsubscribe({ userId, categories: ['quiz-graded'] }, other), key)).toBeNull();
  });

  it('refuses any change to the body or the signature', () => {
    const token = signUnsubscribe({ userId, categories: ['quiz-graded'] }, key);
    const [body, mac] = token.split('.');
    const widened = signUnsubscribe({ userId, categories: ['quiz-graded', 'plan-returned'] }, key).split('.')[0];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    for (const tampered of [
      `${widened}.${mac}`,
      `${flip(body, 3)}.${mac}`,
      `${body}.${flip(mac, 10)}`,
      `${body}.${mac.slice(0, -1)}`,
      `${body}`,
      `${body}.${mac}.x`,
      '',
    ]) {
      expect(verifyUnsubscribe(tampered, key)).toBeNull();
    }
  });

  it('refuses a well-signed body of another version or naming no known category', () => {
    const sign = (bytes: number[]) => {
      const body = Buffer.from(bytes).toString('base64url');
      return `${body}.${createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url')}`;
    };
    const id = [...Buffer.from(userId.replace(/-/g, ''), 'hex')];
    expect(verifyUnsubscribe(sign([1, ...id, 2]), key)).toEqual({ userId, categories: ['quiz-graded'] });
    expect(verifyUnsubscribe(sign([2, ...id, 2]), key)).toBeNull();
    expect(verifyUnsubscribe(sign([1, ...id, 99]), key)).toBeNull();
    expect(verifyUnsubscribe(sign([1, ...id]), key)).toBeNull();
  });

  it('will not sign a grant for nobody or for nothing', () => {
    expect(() => signUnsubscribe({ userId: 'bob', categories: ['quiz-graded'] }, key)).toThrow();
    expect(() => signUnsubscribe({ userId, categories: [] }, key)).toThrow();
  });
});
