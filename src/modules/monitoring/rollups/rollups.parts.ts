import { Provider } from '@nestjs/common';
import { MonitoringDailyJob } from '../jobs/daily.job';
import { JpTargetsJob } from '../jobs/jp-targets.job';
import { MonitoringDailyScheduler } from '../jobs/daily.scheduler';
import { PeopleTriggers } from './triggers/people-triggers';
import { RebuildJob } from '../jobs/rebuild.job';
import { SourceTriggers } from './triggers/source-triggers';
import { RefreshJob } from '../jobs/refresh.job';
import { CompetencyLeaves } from '../leaves/competency-leaves';
import { CourseLeaves } from '../leaves/course-leaves';
import { EvaluationLeaves } from '../leaves/evaluation-leaves';
import { JpLeaves } from '../leaves/jp-leaves';
import { PlanLeaves } from '../leaves/plan-leaves';
import { LeafRefresher } from './leaf-refresher';
import { LEAF_KINDS, LeafKindMap } from './leaf-kinds';
import { MonitoringSignals } from './monitoring-signals';
import { REBUILDABLE_LEAVES } from './rebuildable';
import { RollupRebuilder } from './rollup-rebuilder';

const LEAF_CLASSES = [JpLeaves, CourseLeaves, CompetencyLeaves, PlanLeaves, EvaluationLeaves];

/** The rollup engine, the leaf kinds and their jobs. */
export const ROLLUP_PROVIDERS: Provider[] = [
  ...LEAF_CLASSES,
  {
    provide: LEAF_KINDS,
    inject: LEAF_CLASSES,
    useFactory: (
      jp: JpLeaves,
      course: CourseLeaves,
      competency: CompetencyLeaves,
      plan: PlanLeaves,
      evaluation: EvaluationLeaves,
    ): LeafKindMap => ({ jp, course, competency, plan, evaluation }) as unknown as LeafKindMap,
  },
  {
    provide: REBUILDABLE_LEAVES,
    inject: LEAF_CLASSES,
    useFactory: (...kinds: unknown[]) => kinds,
  },
  LeafRefresher,
  RollupRebuilder,
  MonitoringSignals,
  SourceTriggers,
  RefreshJob,
  RebuildJob,
  MonitoringDailyJob,
  JpTargetsJob,
  MonitoringDailyScheduler,
  PeopleTriggers,
];
