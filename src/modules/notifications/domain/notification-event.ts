import { isCategory, NotificationCategory } from './categories';

/** What a producer tells the notifications module, inside its own transaction. */
export interface NotificationEvent {
  category: NotificationCategory;
  /**
   * Stable id of the happening, e.g. `quiz-graded:<attemptId>:<gradeVersion>`: notifying the
   * same key twice for a person is one notification (and at most one e-mail).
   */
  eventKey: string;
  /** User ids. */
  recipientIds: string[];
  /** What the template shows (course title, score, an ISO deadline…). */
  params: Record<string, string | number>;
  /** A path inside the platform, e.g. /kursus/<id>; null when there is nothing to open. */
  link: string | null;
  /** Overrides the category's default urgency (a deadline tomorrow is urgent, in a week it is not). */
  urgent?: boolean;
}

export const MAX_EVENT_KEY = 150;
const MAX_PARAM_TEXT = 500;

/**
 * What is wrong with an event, if anything. A wrong event is a bug in its producer, so
 * notify() refuses it loudly (and the producer's transaction rolls back with it).
 */
export function problemsOfEvent(event: NotificationEvent): string[] {
  const problems: string[] = [];
  if (!isCategory(event.category)) problems.push(`unknown category ${String(event.category)}`);
  if (!event.eventKey || event.eventKey.length > MAX_EVENT_KEY)
    problems.push(`eventKey must be 1-${MAX_EVENT_KEY} characters`);
  if (!Array.isArray(event.recipientIds) || event.recipientIds.some((id) => typeof id !== 'string' || id.length !== 36))
    problems.push('recipientIds must be user ids');
  if (event.link !== null && !/^\/(?![/\\])[^\s]{0,298}$/.test(event.link ?? ''))
    problems.push('link must be a path inside the platform (/kursus/…) or null');
  for (const [name, value] of Object.entries(event.params ?? {})) {
    if (
      typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string' || value.length > MAX_PARAM_TEXT
    )
      problems.push(`param ${name} must be a number or a text of at most ${MAX_PARAM_TEXT} characters`);
  }
  return problems;
}
