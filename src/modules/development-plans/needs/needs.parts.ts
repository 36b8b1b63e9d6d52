import { AreaParts } from '../area-parts';
import { AgencyNeedsService } from './analysis/agency-needs.service';
import { GapInputsLoader } from './analysis/gap-inputs.loader';
import { GapRowsWriter } from './analysis/gap-rows.writer';
import { NeedsAnalysisController } from './analysis/needs-analysis.controller';
import { NeedsRunner } from './analysis/needs-runner';
import { NeedsRunsService } from './analysis/needs-runs.service';
import { Populations } from './analysis/population';
import { NEEDS_ENTITIES } from './entities';
import { GapService } from './gap.service';
import { NeedsRunJob } from './jobs/needs-run.job';
import { AssessmentsService } from './records/assessments.service';
import { NeedsRecordsController } from './records/needs-records.controller';
import { PeopleInScope } from './records/people-in-scope';
import { RecordsFollowPeople } from './records/records-follow-people';
import { RecordsFollowPeopleJob } from './records/records-follow-people.job';
import { RecordsRegion } from './records/records-region';
import { SkpRatingsService } from './records/skp-ratings.service';
import { TargetPositionsService } from './records/target-positions.service';

/** Needs analysis: gap tables, the records they rest on, analysis runs and the agency view. */
export const NEEDS_PARTS: AreaParts = {
  entities: NEEDS_ENTITIES,
  controllers: [NeedsAnalysisController, NeedsRecordsController],
  providers: [
    GapInputsLoader,
    GapService,
    PeopleInScope,
    RecordsRegion,
    RecordsFollowPeople,
    RecordsFollowPeopleJob,
    AssessmentsService,
    SkpRatingsService,
    TargetPositionsService,
    Populations,
    GapRowsWriter,
    NeedsRunner,
    NeedsRunsService,
    AgencyNeedsService,
    NeedsRunJob,
  ],
  exports: [
    GapService,
    AssessmentsService,
    SkpRatingsService,
    TargetPositionsService,
    NeedsRunsService,
    AgencyNeedsService,
    PeopleInScope,
  ],
};
