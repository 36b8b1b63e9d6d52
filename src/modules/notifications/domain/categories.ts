/**
 * What a notification can be about. Producers name one; the category decides the
 * template, the default urgency and what a person can switch off. Append only: an
 * unsubscribe link names a category by its position in this list.
 */
export const NOTIFICATION_CATEGORIES = [
  'course-assigned',
  'deadline-approaching',
  'quiz-graded',
  'essay-awaiting-grading',
  'certificate-issued',
  'plan-awaiting-review',
  'plan-approved',
  'plan-returned',
  'follow-up-survey-due',
  'course-evaluation-due',
  'needs-questionnaire',
  'mentoring-session-logged',
  'monitoring-export-ready',
] as const;

export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export function isCategory(value: unknown): value is NotificationCategory {
  return typeof value === 'string' && (NOTIFICATION_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Urgent by default: the person has to act soon, so the e-mail goes out at once (quiet
 * hours still apply). Everything else waits for the daily digest unless the person
 * chose otherwise. A producer may mark one event urgent (a deadline tomorrow, while the
 * seven-day reminder of the same category is not).
 */
export const URGENT_BY_DEFAULT: Record<NotificationCategory, boolean> = {
  'course-assigned': false,
  'deadline-approaching': false,
  'quiz-graded': false,
  'essay-awaiting-grading': false,
  'certificate-issued': false,
  'plan-awaiting-review': false,
  'plan-approved': false,
  'plan-returned': true,
  'follow-up-survey-due': false,
  'course-evaluation-due': false,
  'needs-questionnaire': false,
  'mentoring-session-logged': false,
  'monitoring-export-ready': false,
};

export const CHANNELS = ['in_app', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** In-app: shown or not. */
export const IN_APP_MODES = ['on', 'off'] as const;
export type InAppMode = (typeof IN_APP_MODES)[number];

/** E-mail: 'auto' follows urgency (at once when urgent, otherwise in the daily digest). */
export const EMAIL_MODES = ['auto', 'immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export interface CategoryPreference {
  category: NotificationCategory;
  inApp: InAppMode;
  email: EmailMode;
}

/** What is stored for a category: only the channels the person chose. */
export interface StoredPreference {
  category: string;
  inApp?: InAppMode;
  email?: EmailMode;
}

/** A person's choices with the defaults filled in, in the order categories are listed. */
export function withDefaults(stored: StoredPreference[]): CategoryPreference[] {
  return NOTIFICATION_CATEGORIES.map((category) => {
    const own = stored.find((p) => p.category === category);
    return { category, inApp: own?.inApp ?? 'on', email: own?.email ?? 'auto' };
  });
}
