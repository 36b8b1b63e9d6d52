import { Injectable } from '@nestjs/common';
import { Clock, DomainException, validationFailed } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { readBehaviour, readReaction } from '../domain/answers';
import { CourseEvaluation, FollowUpSurvey } from '../entities';
import { EvaluationError } from '../evaluation.errors';
import { wibYear as wibYearOf } from '../../../../../libs/common';
import { EvaluationRecorded } from '../evaluation-recorded';

/**
 * Answers to the questionnaires, each by its own respondent and once: the answer is one
 * conditional update (still unanswered → answered with every field), so a second answer,
 * or two at once, leaves the first untouched and reports a conflict.
 */
@Injectable()
export class SurveyAnswersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly recorded: EvaluationRecorded,
  ) {}

  async answerCourse(userId: string, evaluationId: string, input: Record<string, unknown>): Promise<void> {
    const answer = readReaction(input);
    await this.tx.run(async (m) => {
      const row = await m.findOneBy(CourseEvaluation, { id: evaluationId, userId });
      if (!row) throw new DomainException(EvaluationError.EVALUATION_NOT_FOUND, 'No such course evaluation');
      if (row.answeredAt) throw answered();
      if (Array.isArray(answer)) throw validationFailed(answer);
      const now = this.clock.now();
      const answerYear = wibYearOf(now);
      const result = await m
        .createQueryBuilder()
        .update(CourseEvaluation)
        .set({ ...answer, answeredAt: now, answerYear })
        .where('id = :id AND answered_at IS NULL', { id: evaluationId })
        .execute();
      if (!result.affected) throw answered();
      await this.recorded.notify(m, [{ unitKey: row.unitId ?? '', year: answerYear }]);
    });
  }

  async answerFollowUp(userId: string, surveyId: string, input: Record<string, unknown>): Promise<void> {
    const answer = readBehaviour(input);
    await this.tx.run(async (m) => {
      const row = await m.findOneBy(FollowUpSurvey, { id: surveyId, respondentId: userId });
      // Not sent yet: as far as the respondent knows, there is nothing to answer.
      if (!row || row.status === 'scheduled')
        throw new DomainException(EvaluationError.FOLLOW_UP_NOT_FOUND, 'No such follow-up survey');
      if (row.status === 'answered') throw followUpAnswered();
      if (row.status === 'expired')
        throw new DomainException(EvaluationError.FOLLOW_UP_EXPIRED, 'This follow-up survey has expired');
      if (Array.isArray(answer)) throw validationFailed(answer);
      const now = this.clock.now();
      const answerYear = wibYearOf(now);
      const result = await m
        .createQueryBuilder()
        .update(FollowUpSurvey)
        .set({ ...answer, status: 'answered', answeredAt: now, answerYear })
        .where('id = :id AND status = :sent', { id: surveyId, sent: 'sent' })
        .execute();
      if (!result.affected) throw followUpAnswered();
      await this.recorded.notify(m, [{ unitKey: row.unitId ?? '', year: answerYear }]);
    });
  }
}

const answered = () =>
  new DomainException(EvaluationError.EVALUATION_ANSWERED, 'This course evaluation has already been answered');
const followUpAnswered = () =>
  new DomainException(EvaluationError.FOLLOW_UP_ANSWERED, 'This follow-up survey has already been answered');
