import { AreaParts } from '../area-parts';
import { ComplaintThemesService } from './complaints/complaint-themes.service';
import { ComplaintsController } from './complaints/complaints.controller';
import { ComplaintsService } from './complaints/complaints.service';
import { NEEDS_SIGNALS_ENTITIES } from './entities';
import { QuestionnaireSendJob } from './jobs/questionnaire-send.job';
import { NeedsSignals } from './needs-signals.service';
import { QuestionnaireAnswersService } from './questionnaires/questionnaire-answers.service';
import { QuestionnaireSender } from './questionnaires/questionnaire-sender';
import { QuestionnairesController } from './questionnaires/questionnaires.controller';
import { QuestionnairesService } from './questionnaires/questionnaires.service';

/** Questionnaires (self-assessment, training needs) and public complaints: the needs analysis's signals. */
export const NEEDS_SIGNALS_PARTS: AreaParts = {
  entities: NEEDS_SIGNALS_ENTITIES,
  controllers: [QuestionnairesController, ComplaintsController],
  providers: [
    NeedsSignals,
    QuestionnairesService,
    QuestionnaireAnswersService,
    QuestionnaireSender,
    QuestionnaireSendJob,
    ComplaintsService,
    ComplaintThemesService,
  ],
  exports: [
    NeedsSignals,
    QuestionnairesService,
    QuestionnaireAnswersService,
    ComplaintsService,
    ComplaintThemesService,
  ],
};
