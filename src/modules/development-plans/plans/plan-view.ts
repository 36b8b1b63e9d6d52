import type { DoneSource, GoalPriority, PlanStatus } from './entities';
import type { JpShortfall } from './domain/jp-shortfall';
import type { PlanAction } from './domain/workflow';

export interface PlanGoalView {
  id: string;
  competencyCode: string;
  competencyName: string;
  baselineLevel: number;
  targetLevel: number;
  currentLevel: number;
  priority: GoalPriority;
  reached: boolean;
  reachedAt: Date | null;
}

export interface PlanActivityView {
  id: string;
  goalId: string | null;
  kind: 'course' | 'form';
  courseId: string | null;
  formCode: string | null;
  title: string;
  plannedJp: number;
  status: 'planned' | 'done';
  doneAt: Date | null;
  creditedJp: number;
  doneSource: DoneSource | null;
}

export interface PlanEventView {
  action: string;
  actorId: string | null;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  at: Date;
}

/** A plan as its owner, reviewer and unit admin see it, with what the caller may do now. */
export interface PlanView {
  id: string;
  userId: string;
  ownerName: string;
  ownerNip: string | null;
  year: number;
  status: PlanStatus;
  regionCode: string | null;
  supervisorId: string | null;
  supervisorName: string | null;
  version: number;
  jp: { target: number; planned: number; earned: number; shortfall: number; short: boolean };
  /** Not errors: the plan may be submitted anyway. */
  warnings: Array<{ code: 'JP_SHORTFALL'; message: string; shortfallJp: number }>;
  goals: PlanGoalView[];
  activities: PlanActivityView[];
  events: PlanEventView[];
  summary: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The workflow moves the caller may make now. */
  actions: PlanAction[];
  /** The caller may change goals and activities now. */
  editable: boolean;
}

/** One line of a list of plans. */
export interface PlanSummaryView {
  id: string;
  userId: string;
  ownerName: string;
  ownerNip: string | null;
  year: number;
  status: PlanStatus;
  regionCode: string | null;
  targetJp: number;
  plannedJp: number;
  earnedJp: number;
  submittedAt: Date | null;
  updatedAt: Date;
}

export const jpOf = (tenths: number) => tenths / 10;

export function shortfallWarnings(short: JpShortfall): PlanView['warnings'] {
  if (!short.short) return [];
  const missing = jpOf(short.shortfallTenths);
  return [
    {
      code: 'JP_SHORTFALL',
      message: `Planned JP fall ${missing} JP short of the yearly target of ${jpOf(short.targetTenths)} JP`,
      shortfallJp: missing,
    },
  ];
}
