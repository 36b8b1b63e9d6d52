/** What the completion rule needs to know of a lesson. */
export interface RuleLesson {
  id: string;
  position: number;
  required: boolean;
}

/**
 * A course is complete when every required lesson is done. A course that marks no lesson
 * as required asks for all of them (an instructor who forgot the flags gets the strict rule).
 */
export function isCourseComplete(lessons: readonly RuleLesson[], completed: ReadonlySet<string>): boolean {
  if (lessons.length === 0) return false;
  const required = requiredLessons(lessons);
  return required.every((l) => completed.has(l.id));
}

/**
 * Lessons a learner may not open yet. In an ordered course a lesson opens once every
 * required lesson before it is done; optional lessons never block the way.
 */
export function lockedLessonIds(
  lessons: readonly RuleLesson[],
  completed: ReadonlySet<string>,
  inOrder: boolean,
): Set<string> {
  const locked = new Set<string>();
  if (!inOrder) return locked;
  const required = new Set(requiredLessons(lessons).map((l) => l.id));
  let blocked = false;
  for (const lesson of [...lessons].sort((a, b) => a.position - b.position)) {
    if (blocked) locked.add(lesson.id);
    if (required.has(lesson.id) && !completed.has(lesson.id)) blocked = true;
  }
  return locked;
}

/** The lessons the rule asks for: those marked required, or all when none is marked. */
export function requiredLessons<L extends RuleLesson>(lessons: readonly L[]): readonly L[] {
  const required = lessons.filter((l) => l.required);
  return required.length > 0 ? required : lessons;
}
