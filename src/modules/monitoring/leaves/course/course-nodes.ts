import { NodeSource } from '../../rollups/node-sources';

const leaves = { from: 'mon_course_leaf', where: 'applied = 1', unit: 'unit_key' };

/** The course node tables as courseContribution counts a leaf. */
export const COURSE_NODE_SOURCES: readonly NodeSource[] = [
  {
    table: 'mon_course_node',
    ...leaves,
    keys: { course_id: 'course_id', assignment_key: 'assignment_key' },
    counters: { requested: 'requested', active: 'active', completed: 'completed' },
    oneLeafPerRow: true,
    batchBy: 'course_id',
  },
  {
    table: 'mon_course_deadline_node',
    ...leaves,
    // Open enrolments per day are JSON; only leaves with active ones have any (a few percent).
    where: "applied = 1 AND active > 0 AND open_by_day IS NOT NULL AND open_by_day <> '{}'",
    columns: ['course_id', 'assignment_key', 'open_by_day'],
    parts: (leaf) =>
      Object.entries(JSON.parse(String(leaf.open_by_day)) as Record<string, number>).map(([day, n]) => ({
        key: { course_id: String(leaf.course_id), assignment_key: String(leaf.assignment_key), deadline_day: day },
        counters: { open_count: n },
      })),
  },
];
