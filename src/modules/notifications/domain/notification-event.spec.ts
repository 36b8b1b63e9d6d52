import { NotificationEvent, problemsOfEvent } from './notification-event';

const good: NotificationEvent = {
  category: 'quiz-graded',
  eventKey: 'quiz-graded:attempt-1:1',
  recipientIds: ['0b6f3c1e-8a4d-4c1b-9f1e-2d3c4b5a6978'],
  params: { quiz: 'Kuis 1', percent: 80 },
  link: '/kuis/1',
};

describe('a notification event', () => {
  it('is accepted when well formed', () => {
    expect(problemsOfEvent(good)).toEqual([]);
    expect(problemsOfEvent({ ...good, link: null })).toEqual([]);
  });

  it.each([
    ['an unknown category', { category: 'party' }, 'category'],
    ['an empty key', { eventKey: '' }, 'eventKey'],
    ['a key too long', { eventKey: 'x'.repeat(151) }, 'eventKey'],
    ['a recipient that is not an id', { recipientIds: ['bob'] }, 'recipientIds'],
    ['a link to another site', { link: 'https://evil.example/x' }, 'link'],
    ['a protocol-relative link', { link: '//evil.example/x' }, 'link'],
    ['a param that is an object', { params: { course: { a: 1 } } }, 'param course'],
    ['a param that is not finite', { params: { percent: Number.NaN } }, 'param percent'],
  ])('is refused with %s', (_name, change, problem) => {
    const problems = problemsOfEvent({ ...good, ...(change as object) } as NotificationEvent);
    expect(problems.join('; ')).toContain(problem);
  });
});
