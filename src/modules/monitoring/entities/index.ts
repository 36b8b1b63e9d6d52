import { MonCompetencyPerson } from './competency-person.entity';
import { MonCourseLeaf } from './course-leaf.entity';
import { MonEvaluationLeaf } from './evaluation-leaf.entity';
import { MonExport } from './export.entity';
import { MonJpPerson } from './jp-person.entity';
import {
  MonCompetencyNode,
  MonCourseDeadlineNode,
  MonCourseNode,
  MonEvaluationNode,
  MonJpMonthNode,
  MonJpNode,
  MonPlanNode,
} from './node-tables.entity';
import { MonPlanLeaf } from './plan-leaf.entity';
import { MonRebuild, MonState } from './rollup-state.entity';

export {
  MonCompetencyNode,
  MonCompetencyPerson,
  MonCourseDeadlineNode,
  MonCourseLeaf,
  MonCourseNode,
  MonEvaluationLeaf,
  MonEvaluationNode,
  MonExport,
  MonJpMonthNode,
  MonJpNode,
  MonJpPerson,
  MonPlanLeaf,
  MonPlanNode,
  MonRebuild,
  MonState,
};
export type { ExportStatus } from './export.entity';

export const MONITORING_ENTITIES = [
  MonState,
  MonRebuild,
  MonJpPerson,
  MonCourseLeaf,
  MonCompetencyPerson,
  MonPlanLeaf,
  MonEvaluationLeaf,
  MonJpNode,
  MonJpMonthNode,
  MonCourseNode,
  MonCourseDeadlineNode,
  MonCompetencyNode,
  MonPlanNode,
  MonEvaluationNode,
  MonExport,
];
