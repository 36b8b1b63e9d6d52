import type { FieldProblem } from '../../../../../libs/common';

/** The self-assessed levels of the ASN competency standard. */
export const LEVELS = [1, 2, 3, 4, 5] as const;
export const MAX_CHOICES_LIMIT = 10;
export const NOTE_MAX = 1000;

/**
 * A due date is a WIB day: answers are accepted until it ends (midnight WIB, 17:00 UTC).
 * Without one the questionnaire stays open.
 */
export function closesAt(dueOn: string): Date {
  const start = new Date(`${dueOn}T00:00:00+07:00`);
  return new Date(start.getTime() + 24 * 60 * 60 * 1000);
}

export function isOpen(dueOn: string | null, now: Date): boolean {
  return dueOn === null || now.getTime() < closesAt(dueOn).getTime();
}

/** A due date must be a real day and not already past when the questionnaire is sent. */
export function dueDateProblem(dueOn: string, now: Date): string | null {
  const day = new Date(`${dueOn}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== dueOn)
    return 'dueDate must be a date YYYY-MM-DD';
  return isOpen(dueOn, now) ? null : 'dueDate has already passed';
}

/** Every competency offered gets one level 1-5; nothing else is accepted. */
export function selfAssessmentProblems(offered: string[], levels: Record<string, number>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const allowed = new Set(offered);
  for (const code of offered) {
    const level = levels[code];
    if (level === undefined)
      problems.push({ field: `levels.${code}`, rule: 'required', message: `choose a level for ${code}` });
    else if (!Number.isInteger(level) || level < 1 || level > 5)
      problems.push({ field: `levels.${code}`, rule: 'level', message: `the level of ${code} must be 1 to 5` });
  }
  for (const code of Object.keys(levels))
    if (!allowed.has(code))
      problems.push({ field: `levels.${code}`, rule: 'not_offered', message: `${code} is not in your questionnaire` });
  return problems;
}

/** One to maxChoices different competencies, in the order the person ranks them. */
export function trainingNeedsProblems(choices: string[], maxChoices: number, known: Set<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (choices.length === 0)
    problems.push({ field: 'choices', rule: 'required', message: 'choose at least one competency' });
  if (choices.length > maxChoices)
    problems.push({ field: 'choices', rule: 'max', message: `choose at most ${maxChoices} competencies` });
  if (new Set(choices).size !== choices.length)
    problems.push({ field: 'choices', rule: 'distinct', message: 'choose each competency once' });
  for (const code of choices)
    if (!known.has(code))
      problems.push({ field: 'choices', rule: 'known', message: `${code} is not a competency of the dictionary` });
  return problems;
}

/** Share of recipients who answered, in whole percent (0 when nobody was sent it). */
export function responseRate(answered: number, recipients: number): number {
  return recipients === 0 ? 0 : Math.round((answered * 100) / recipients);
}
