import type { EnrolmentCount } from '../../../learning/learning.api';
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
  const state: CourseState = { regionCode, requested: 0, active: 0, completed: 0, openByDay: {} };
  for (const c of counts) {
    if (c.status === 'requested') state.requested += c.count;
    else if (c.status === 'completed') state.completed += c.count;
    else if (c.status === 'active') {
      state.active += c.count;
      if (c.deadlineDay) state.openByDay[c.deadlineDay] = (state.openByDay[c.deadlineDay] ?? 0) + c.count;
    }
  }
  return state.requested + state.active + state.completed === 0 ? null : state;
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
