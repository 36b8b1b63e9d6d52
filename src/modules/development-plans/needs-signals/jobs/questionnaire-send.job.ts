import { Injectable, Logger } from '@nestjs/common';
import { JOB_MAX_ATTEMPTS, JobContext, JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';
import { QuestionnaireSender } from '../questionnaires/questionnaire-sender';

/** Sends a questionnaire to its population; a retry resumes after the last committed batch. */
@Injectable()
@JobHandler('development-plans.questionnaire-send')
export class QuestionnaireSendJob implements JobProcessor<'development-plans.questionnaire-send'> {
  private readonly logger = new Logger(QuestionnaireSendJob.name);

  constructor(private readonly sender: QuestionnaireSender) {}

  async handle(
    { questionnaireId }: JobPayloads['development-plans.questionnaire-send'],
    context?: JobContext,
  ): Promise<void> {
    try {
      await this.sender.run(questionnaireId);
    } catch (err) {
      const last = (context?.attempt ?? 1) >= JOB_MAX_ATTEMPTS;
      this.logger.warn({ err, questionnaireId }, last ? 'Sending failed for good' : 'Sending failed; retrying');
      if (last) await this.sender.fail(questionnaireId, 'Stopped after repeated errors; send it again');
      throw err;
    }
  }
}
