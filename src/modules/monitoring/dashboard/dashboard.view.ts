import type { CompletionFigures, JpFigures, TrendPoint } from './domain/figures';
import type { ChildRef, DashboardNode } from './node-names';

/** The statuses of a development plan in the order of its workflow (development-plans' PLAN_STATUSES). */
export const PLAN_STATUS_ORDER = [
  'draft',
  'submitted',
  'returned',
  'endorsed',
  'approved',
  'in_progress',
  'closed',
] as const;

export interface PlanCounts {
  total: number;
  statuses: Array<{ status: string; plans: number }>;
}

export interface EvaluationFigures {
  /** Mean L1 score (1-5), two decimals. */
  l1Average: number | null;
  l1Count: number;
  /** Mean L2 gain in percentage points (post minus pre). */
  l2AverageGain: number | null;
  l2Count: number;
  l3Applied: number;
  l3Answered: number;
  l3AppliedShare: number | null;
}

export interface CoverageFigures {
  required: number;
  met: number;
  notMet: number;
  share: number | null;
}

export interface OverviewSection {
  node: DashboardNode;
  year: number;
  rebuiltAt: Date | null;
  jp: JpFigures;
  completion: CompletionFigures;
  competency: { required: number; met: number; share: number | null; competencies: number };
  plans: PlanCounts;
  evaluation: EvaluationFigures;
  children: Array<{ child: ChildRef; jp: JpFigures }>;
}

export interface JpSection {
  node: DashboardNode;
  year: number;
  months: { from: number; to: number };
  totals: JpFigures;
  byEmployeeType: Array<{ employeeType: string } & JpFigures>;
  byGolongan: Array<{ employeeType: string; golongan: string } & JpFigures>;
  children: Array<{ child: ChildRef } & JpFigures>;
  trend: TrendPoint[];
}

export interface CourseFigures extends CompletionFigures {
  courseId: string;
  title: string;
  /** '' is self-enrolment; otherwise the assignment id. */
  assignments: Array<{ assignmentKey: string } & CompletionFigures>;
}

export interface CompletionSection {
  node: DashboardNode;
  courseId: string | null;
  /** The WIB day overdue is counted against. */
  today: string;
  totals: CompletionFigures;
  courses: CourseFigures[];
  /** Per child, for the one course filtered on (empty without a course filter). */
  children: Array<{ child: ChildRef } & CompletionFigures>;
}

export interface CompetencySection {
  node: DashboardNode;
  competencyCode: string | null;
  totals: CoverageFigures;
  competencies: Array<{ code: string; name: string } & CoverageFigures>;
  /** Children × competency. */
  heatmap: { columns: string[]; rows: Array<{ child: ChildRef; cells: Record<string, CoverageFigures> }> };
}

export interface PlanSection {
  node: DashboardNode;
  year: number;
  plans: PlanCounts;
  evaluation: EvaluationFigures;
  children: Array<{ child: ChildRef } & PlanCounts>;
}
