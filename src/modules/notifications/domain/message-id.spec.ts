import { createHash } from 'node:crypto';
import { domainOfAddress, messageIdFor } from './message-id';

describe('Message-ID derivation', () => {
  const userId = '0b6f3c1e-8a4d-4c1b-9f1e-2d3c4b5a6978';

  it('is the same for the same event, recipient and channel (a retry reuses it)', () => {
    const first = messageIdFor('quiz-graded:a1:1', userId, 'email', 'bina.go.id');
    expect(first).toBe(messageIdFor('quiz-graded:a1:1', userId, 'email', 'bina.go.id'));
    const hex = createHash('sha256').update(`quiz-graded:a1:1\u0000${userId}\u0000email`).digest('hex');
    expect(first).toBe(`<${hex}@bina.go.id>`);
  });

  it('differs when any part differs, and cannot be confused by joining parts differently', () => {
    const ids = new Set([
      messageIdFor('quiz-graded:a1:1', userId, 'email', 'bina.go.id'),
      messageIdFor('quiz-graded:a1:2', userId, 'email', 'bina.go.id'),
      messageIdFor('quiz-graded:a1:1', userId.replace('0b', '0c'), 'email', 'bina.go.id'),
      messageIdFor('quiz-graded:a1:1', userId, 'in_app', 'bina.go.id'),
      messageIdFor('a:b', 'c', 'email', 'x'),
      messageIdFor('a', 'b:c', 'email', 'x'),
    ]);
    expect(ids.size).toBe(6);
  });

  it.each([
    ['Bina <no-reply@bina.go.id>', 'bina.go.id'],
    ['no-reply@BKPSDM.Example.go.id', 'bkpsdm.example.go.id'],
    ['nonsense', 'bina.local'],
  ])('takes the domain of %s', (from, domain) => {
    expect(domainOfAddress(from)).toBe(domain);
  });
});
