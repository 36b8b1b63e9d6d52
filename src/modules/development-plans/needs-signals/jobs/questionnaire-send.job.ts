import { Injectable, Logger } from '@nestjs/common';
import { givenUpReason, JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';
import { QuestionnaireSender } from '../questionnaires/questionnaire-sender';

/** Sends a questionnaire to its population; a retry resumes after the last committed batch. */
@Injectable()
@JobHandler('development-plans.questionnaire-send')
export class QuestionnaireSendJob implements JobProcessor<'development-plans.questionnaire-send'> {
  private readonly logger = new Logger(QuestionnaireSendJob.name);

  constructor(private readonly sender: QuestionnaireSender) {}

  handle({ questionnaireId }: JobPayloads['development-plans.questionnaire-send']): Promise<void> {
    return this.sender.run(questionnaireId);
  }

  /**
   * No try is left: the sending ends as failed, with why, so that it can be sent again. A
   * sending that finished meanwhile (its worker completed it, then stalled) stays as it is.
   */
  async givenUp(
    { questionnaireId }: JobPayloads['development-plans.questionnaire-send'],
    error: unknown,
  ): Promise<void> {
    const marked = await this.sender.fail(
      questionnaireId,
      givenUpReason(error, 'Stopped after repeated errors; send it again'),
    );
    this.logger.warn(
      { err: error, questionnaireId, marked },
      marked ? 'Sending failed for good' : 'Sending given up; it had finished already',
    );
  }
}
