import { AreaParts } from './area-parts';
import { EVALUATION_PARTS } from './evaluation/evaluation.parts';
import { MENTORING_PARTS } from './mentoring/mentoring.parts';
import { NEEDS_SIGNALS_PARTS } from './needs-signals/needs-signals.parts';
import { NEEDS_PARTS } from './needs/needs.parts';
import { PLANS_PARTS } from './plans/plans.parts';
import { PUBLIC_FEEDBACK_PARTS } from './public-feedback/public-feedback.parts';
import { REWARDS_PARTS } from './rewards/rewards.parts';

export const AREAS: AreaParts[] = [
  NEEDS_PARTS,
  NEEDS_SIGNALS_PARTS,
  PLANS_PARTS,
  MENTORING_PARTS,
  EVALUATION_PARTS,
  PUBLIC_FEEDBACK_PARTS,
  REWARDS_PARTS,
];

/** Every entity of the development-plans module (for the data source). */
export const DEVELOPMENT_PLAN_ENTITIES = AREAS.flatMap((a) => a.entities);
