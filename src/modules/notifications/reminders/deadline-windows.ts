import { startOfWibDay } from '../domain/wib';

/** Reminders go out 7 days before a deadline and the day before (WIB calendar days). */
export const REMINDER_DAYS = [7, 1] as const;

export interface ReminderWindow {
  days: (typeof REMINDER_DAYS)[number];
  /** Deadlines from here (inclusive)… */
  from: Date;
  /** …to here (exclusive): the whole WIB day `days` after the scan's day. */
  to: Date;
}

/** The deadline windows a scan on a WIB day looks at: one day each, so each reminder falls on one scan only. */
export function reminderWindows(day: string): ReminderWindow[] {
  return REMINDER_DAYS.map((days) => ({ days, from: startOfWibDay(day, days), to: startOfWibDay(day, days + 1) }));
}

/**
 * The idempotency key of a reminder: per course, deadline and distance. People sharing a
 * deadline (one assignment) share one event; a moved deadline is a new reminder.
 */
export function reminderEventKey(courseId: string, deadline: Date, days: number): string {
  return `deadline-approaching:${courseId}:${deadline.toISOString()}:${days}`;
}
