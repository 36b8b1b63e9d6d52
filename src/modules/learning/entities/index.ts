import { CompetencyEvidence } from './competency-evidence.entity';
import { CourseAssignment } from './course-assignment.entity';
import { DevelopmentForm } from './development-form.entity';
import { Enrolment } from './enrolment.entity';
import { ExternalActivity } from './external-activity.entity';
import { JpLedgerEntry } from './jp-ledger-entry.entity';
import { JpTarget } from './jp-target.entity';
import { LearningSetting } from './learning-setting.entity';
import { LessonProgress } from './lesson-progress.entity';

export * from './competency-evidence.entity';
export * from './course-assignment.entity';
export * from './enrolment.entity';
export * from './external-activity.entity';
export * from './jp-ledger-entry.entity';
export * from './lesson-progress.entity';
export { DevelopmentForm, JpTarget, LearningSetting };
export const LEARNING_ENTITIES = [
  JpTarget,
  LearningSetting,
  DevelopmentForm,
  Enrolment,
  LessonProgress,
  JpLedgerEntry,
  CompetencyEvidence,
  CourseAssignment,
  ExternalActivity,
];
