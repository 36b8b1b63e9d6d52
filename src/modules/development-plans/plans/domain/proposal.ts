import type { GapRow } from '../../needs/person-gaps';
import type { GoalPriority } from '../entities';

/** A published course and the level of one competency it develops (CatalogApi.coursesForCompetencies). */
export interface SuggestableCourse {
  courseId: string;
  title: string;
  jpTenths: number;
  competencyCode: string;
  level: number;
}

/** A form of development and its JP rule (the learning module's table). */
export interface SuggestableForm {
  code: string;
  name: string;
  category: 'klasikal' | 'nonklasikal';
  rule: 'programme' | 'per_day';
  jpPerDay: number | null;
  active: boolean;
}

export interface ProposalOptions {
  /** At most this many goals (the most urgent ones). */
  maxGoals: number;
  /** Which non-classical form suits which high-priority gap. */
  forms: { smallGap: string; largeGap: string; nextPosition: string };
  /** JP (tenths) planned for a form counted by its programme's JP (coaching, mentoring, ...). */
  programmeFormJpTenths: number;
  /** Days planned for a form counted per day (a seminar, a workshop). */
  perDayFormDays: number;
}

export const DEFAULT_PROPOSAL_OPTIONS: ProposalOptions = {
  maxGoals: 10,
  // Coaching for a one-level gap, mentoring by a senior for a wider one, job shadowing
  // (magang / praktik kerja) for what only the next position requires.
  forms: { smallGap: 'coaching', largeGap: 'mentoring', nextPosition: 'magang' },
  programmeFormJpTenths: 40,
  perDayFormDays: 1,
};

export interface ProposedGoal {
  competencyCode: string;
  competencyName: string;
  baselineLevel: number;
  targetLevel: number;
  priority: GoalPriority;
}

export interface ProposedActivity {
  /** The competency of the goal it serves. */
  goalCode: string;
  kind: 'course' | 'form';
  courseId: string | null;
  formCode: string | null;
  title: string;
  plannedJpTenths: number;
}

export interface Proposal {
  goals: ProposedGoal[];
  activities: ProposedActivity[];
  plannedJpTenths: number;
}

const PRIORITY_RANK: Record<GoalPriority, number> = { high: 0, medium: 1, low: 2 };

/**
 * The draft a plan starts from: a goal for every competency with a gap (current or next
 * position), most urgent first, each aiming at the level required; for each, the catalogue
 * course that reaches that level with the fewest JP (one already suggested counts nothing
 * extra), and for high-priority gaps a non-classical form besides.
 */
export function proposePlan(
  gaps: readonly GapRow[],
  courses: readonly SuggestableCourse[],
  forms: readonly SuggestableForm[],
  options: ProposalOptions = DEFAULT_PROPOSAL_OPTIONS,
): Proposal {
  const candidates = gaps
    .map((row) => ({ row, target: targetLevelOf(row) }))
    .filter((c): c is { row: GapRow; target: number } => c.target !== null)
    .sort(
      (a, b) =>
        PRIORITY_RANK[a.row.priority] - PRIORITY_RANK[b.row.priority] ||
        b.target - b.row.currentLevel - (a.target - a.row.currentLevel) ||
        Number(b.row.requested) - Number(a.row.requested) ||
        a.row.competencyCode.localeCompare(b.row.competencyCode),
    )
    .slice(0, options.maxGoals);

  const goals: ProposedGoal[] = [];
  const activities: ProposedActivity[] = [];
  const chosen: SuggestableCourse[] = [];
  for (const { row, target } of candidates) {
    goals.push({
      competencyCode: row.competencyCode,
      competencyName: row.competencyName,
      baselineLevel: row.currentLevel,
      targetLevel: target,
      priority: row.priority,
    });
    const reaches = (c: SuggestableCourse) => c.competencyCode === row.competencyCode && c.level >= target;
    const already = courses.some((c) => reaches(c) && chosen.some((k) => k.courseId === c.courseId));
    const course = already ? null : cheapest(courses.filter(reaches));
    if (course) {
      chosen.push(course);
      activities.push({
        goalCode: row.competencyCode,
        kind: 'course',
        courseId: course.courseId,
        formCode: null,
        title: course.title,
        plannedJpTenths: course.jpTenths,
      });
    }
    if (row.priority === 'high') {
      const form = formFor(row, target, forms, options);
      if (form) activities.push(form);
    }
  }
  return { goals, activities, plannedJpTenths: activities.reduce((sum, a) => sum + a.plannedJpTenths, 0) };
}

/** The level to aim at: the highest required level that is not met yet; null when none is missing. */
export function targetLevelOf(row: GapRow): number | null {
  const missing: number[] = [];
  if (row.requiredLevel !== null && row.requiredLevel > row.currentLevel) missing.push(row.requiredLevel);
  if (row.targetRequiredLevel !== null && row.targetRequiredLevel > row.currentLevel)
    missing.push(row.targetRequiredLevel);
  return missing.length ? Math.max(...missing) : null;
}

/** Fewest JP; then the higher level, the title and the id, so the choice never depends on input order. */
function cheapest(courses: SuggestableCourse[]): SuggestableCourse | null {
  const sorted = [...courses].sort(
    (a, b) =>
      a.jpTenths - b.jpTenths ||
      b.level - a.level ||
      a.title.localeCompare(b.title) ||
      a.courseId.localeCompare(b.courseId),
  );
  return sorted[0] ?? null;
}

function formFor(
  row: GapRow,
  target: number,
  forms: readonly SuggestableForm[],
  options: ProposalOptions,
): ProposedActivity | null {
  const onlyNext = !(row.requiredLevel !== null && row.requiredLevel > row.currentLevel);
  const wanted = onlyNext
    ? options.forms.nextPosition
    : target - row.currentLevel >= 2
      ? options.forms.largeGap
      : options.forms.smallGap;
  const order = [wanted, options.forms.smallGap, options.forms.largeGap, options.forms.nextPosition];
  const form = order.map((code) => forms.find((f) => f.code === code && f.active)).find((f) => f);
  if (!form) return null;
  const plannedJpTenths =
    form.rule === 'per_day' ? (form.jpPerDay ?? 0) * 10 * options.perDayFormDays : options.programmeFormJpTenths;
  return {
    goalCode: row.competencyCode,
    kind: 'form',
    courseId: null,
    formCode: form.code,
    title: `${form.name}: ${row.competencyName}`.slice(0, 200),
    plannedJpTenths,
  };
}
