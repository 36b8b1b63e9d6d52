import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { AttemptOutcome } from '../attempts/attempt-outcome';

/** A chunk of a quiz's learners, whose outcome is worked out again after its settings changed. */
@Injectable()
@JobHandler('assessment.quiz-outcomes')
export class QuizOutcomesJob implements JobProcessor<'assessment.quiz-outcomes'> {
  constructor(private readonly outcome: AttemptOutcome) {}

  handle(payload: JobPayloads['assessment.quiz-outcomes']): Promise<void> {
    return this.outcome.reapply(payload.quizId, payload.userIds, payload.before);
  }
}
