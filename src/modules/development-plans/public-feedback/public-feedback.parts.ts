import { AreaParts } from '../area-parts';
import { IkmResponse, IkmSetting } from './entities';
import { IkmSettingsService } from './ikm-settings.service';
import { IkmAdminController } from './report/ikm-admin.controller';
import { IkmAggregates } from './report/ikm-aggregates';
import { IkmReportService } from './report/ikm-report.service';
import { UnitTrainingReader } from './report/unit-training';
import { PublicSurveyController } from './survey/public-survey.controller';
import { PublicSurveyService } from './survey/public-survey.service';
import { SurveyKeys } from './survey/survey-keys';

/** The public satisfaction survey (Kirkpatrick L4, IKM): the public form and the admins' index report. */
export const PUBLIC_FEEDBACK_PARTS: AreaParts = {
  entities: [IkmResponse, IkmSetting],
  controllers: [PublicSurveyController, IkmAdminController],
  providers: [SurveyKeys, IkmSettingsService, PublicSurveyService, IkmAggregates, UnitTrainingReader, IkmReportService],
  exports: [PublicSurveyService, IkmReportService, IkmSettingsService],
};
