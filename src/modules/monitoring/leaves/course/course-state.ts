import type { EnrolmentCount, EnrolmentPlaceTotals } from '../../../learning/learning.api';
import { LeafContribution } from '../../rollups/leaf-kind';

/** A course's enrolments of one assignment in one unit, as the node tables count them. */
export interface CourseState {
  regionCode: string | null;
  requested: number;
  active: number;
  completed: number;
  /** Active enrolments per deadline day (WIB 'YYYY-MM-DD'). */
  openByDay: Record<string, number>;
}

/** The state from counts by status and deadline day; null when no enrolment counts (rejected only, or none). */
export function courseStateOf(counts: readonly EnrolmentCount[], regionCode: string | null): CourseState | null {
  const totals = { requested: 0, active: 0, completed: 0, activeByDay: {} as Record<string, number> };
  for (const c of counts) {
    if (c.status === 'requested') totals.requested += c.count;
    else if (c.status === 'completed') totals.completed += c.count;
    else if (c.status === 'active') {
      totals.active += c.count;
      if (c.deadlineDay) totals.activeByDay[c.deadlineDay] = (totals.activeByDay[c.deadlineDay] ?? 0) + c.count;
    }
  }
  return courseStateOfTotals(totals, regionCode);
}

/** The same from a place's totals (the rebuild reads them grouped). */
export function courseStateOfTotals(
  t: Pick<EnrolmentPlaceTotals, 'requested' | 'active' | 'completed' | 'activeByDay'>,
  regionCode: string | null,
): CourseState | null {
  if (t.requested + t.active + t.completed === 0) return null;
  return { regionCode, requested: t.requested, active: t.active, completed: t.completed, openByDay: t.activeByDay };
}

export function courseContribution(
  key: { courseId: string; assignmentKey: string; unitKey: string },
  s: CourseState,
): LeafContribution {
  const dims = { course_id: key.courseId, assignment_key: key.assignmentKey };
  return {
    regionCode: s.regionCode,
    unitId: key.unitKey || null,
    rows: [
      {
        table: 'mon_course_node',
        key: dims,
        counters: { requested: s.requested, active: s.active, completed: s.completed },
      },
      ...Object.entries(s.openByDay).map(([day, n]) => ({
        table: 'mon_course_deadline_node' as const,
        key: { ...dims, deadline_day: day },
        counters: { open_count: n },
      })),
    ],
  };
}
