import { DomainException, FieldProblem } from '../../../../libs/common';
import { AssessmentError } from '../assessment.errors';
import { Response, responseProblem } from '../domain/grading';
import { QuizAttempt } from '../entities';
import { shapesBySlot } from './attempt-store';
import { AttemptView } from './attempt.view';

/** The answer to a submit (202): small, since the grade follows from a job; GET the attempt for the rest. */
export interface SubmitReceipt {
  id: string;
  status: AttemptView['status'];
  submittedAt: string | null;
  closedBy: QuizAttempt['closedBy'];
  revision: number;
}

export function receiptOf(a: QuizAttempt): SubmitReceipt {
  return {
    id: a.id,
    status: a.status === 'failed' ? 'submitted' : a.status,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    closedBy: a.closedBy,
    revision: a.revision,
  };
}

/** The saved answers with the given ones on top; 422 naming each answer that does not fit its question. */
export function mergeResponses(attempt: QuizAttempt, given: Record<string, unknown>): Record<string, Response> {
  const shapes = shapesBySlot(attempt);
  const problems: FieldProblem[] = [];
  const merged = JSON.parse(attempt.responsesJson) as Record<string, Response>;
  for (const [slot, value] of Object.entries(given)) {
    const shape = shapes.get(slot);
    if (!shape) {
      problems.push({ field: `responses.${slot}`, rule: 'slot', message: 'there is no question in this slot' });
      continue;
    }
    if (value === null) {
      delete merged[slot];
      continue;
    }
    const problem = responseProblem(shape, value);
    if (problem)
      problems.push({ field: `responses.${slot}`, rule: 'response_shape', message: `the answer ${problem}` });
    else merged[slot] = value as Response;
  }
  if (problems.length) {
    throw new DomainException(AssessmentError.RESPONSE_INVALID, 'Some answers do not fit their question', {
      fields: problems,
    });
  }
  return merged;
}
