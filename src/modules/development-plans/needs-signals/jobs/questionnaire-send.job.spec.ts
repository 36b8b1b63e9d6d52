import { itFailsTheRunWhenGivenUp } from '../../../../../libs/queue/job-registry.testing';
import { QuestionnaireSender } from '../questionnaires/questionnaire-sender';
import { QuestionnaireSendJob } from './questionnaire-send.job';

describe('a questionnaire sending that keeps failing', () => {
  itFailsTheRunWhenGivenUp({
    name: 'development-plans.questionnaire-send',
    job: (runner: QuestionnaireSender) => new QuestionnaireSendJob(runner),
    payload: { questionnaireId: 'q1' },
    runId: 'q1',
    failMethod: 'fail',
    exhausted: 'Stopped after repeated errors; send it again',
  });
});
