import { CompetencyAssessment } from './competency-assessment.entity';
import { NeedsGap } from './needs-gap.entity';
import { NeedsRun } from './needs-run.entity';
import { SkpRatingRecord } from './skp-rating.entity';
import { TargetPosition } from './target-position.entity';

export * from './competency-assessment.entity';
export * from './needs-gap.entity';
export * from './needs-run.entity';
export * from './skp-rating.entity';
export * from './target-position.entity';
export const NEEDS_ENTITIES = [CompetencyAssessment, SkpRatingRecord, TargetPosition, NeedsRun, NeedsGap];
