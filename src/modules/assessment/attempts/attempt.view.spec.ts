import { FrozenQuestion } from '../domain/attempt-score';
import { QuizAttempt } from '../entities';
import { learnerAttemptView } from './attempt.view';

const shortQuestion: FrozenQuestion = {
  slot: 0,
  questionId: 'q1',
  type: 'short',
  stem: 'Siapa proklamator kemerdekaan?',
  points: 1,
  feedback: null,
  content: { type: 'short' },
  key: { type: 'short', answers: ['Soekarno*', 'Bung \\* Karno'], caseSensitive: false },
} as FrozenQuestion;

function gradedAttempt(): QuizAttempt {
  return {
    id: 'a1',
    quizId: 'z1',
    courseId: 'c1',
    number: 1,
    status: 'graded',
    startedAt: new Date('2026-12-01T01:00:00Z'),
    dueAt: null,
    submittedAt: new Date('2026-12-01T01:10:00Z'),
    closedBy: 'learner',
    revision: 2,
    responsesJson: JSON.stringify({ '0': 'Ir. Soekarno' }),
    marksJson: JSON.stringify({ '0': { scored: 0 } }),
    scoreHundredths: 0,
    maxHundredths: 100,
    percentHundredths: 0,
  } as unknown as QuizAttempt;
}

describe('learnerAttemptView', () => {
  it("shows a short answer's accepted answers as a person reads them, not as wildcard patterns", () => {
    const view = learnerAttemptView(gradedAttempt(), [shortQuestion], {
      now: new Date('2026-12-01T02:00:00Z'),
      policy: { showScore: 'after_grading', showAnswers: 'after_grading' },
      passPercent: 70,
      quizClosed: false,
    });
    expect(view.review?.[0].correctResponse).toEqual(['Soekarno', 'Bung * Karno']);
  });
});
