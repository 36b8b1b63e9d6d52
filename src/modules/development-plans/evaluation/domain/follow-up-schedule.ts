import { startOfWibDay, wibDay } from '../../../../../libs/common';
import type { FollowUpStatus } from '../entities/follow-up-survey.entity';

// The platform's calendar is WIB (UTC+7, no daylight saving); stored times stay UTC.
export { startOfWibDay, wibDay };

/** Days from completion to the behaviour follow-up (Kirkpatrick L3); a setting, this is its default. */
export const DEFAULT_FOLLOW_UP_DAYS = 90;
/** The setting's bounds: sooner than a month shows no change at work; later than a year is forgotten. */
export const MIN_FOLLOW_UP_DAYS = 30;
export const MAX_FOLLOW_UP_DAYS = 365;
/** An unanswered follow-up is sent again every 7 days: a weekly nudge, not a daily nag. */
export const REMINDER_INTERVAL_DAYS = 7;
/** 30 days after it was first sent an unanswered follow-up expires: later answers say little. */
export const EXPIRE_AFTER_DAYS = 30;

const DAY_MS = 24 * 3600_000;
/** Whole calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** When the follow-up of a completion is due: `days` after the completion instant. */
export function followUpDueAt(completedAt: Date, days: number): Date {
  return new Date(completedAt.getTime() + days * DAY_MS);
}

/** The last moment an answer counts: EXPIRE_AFTER_DAYS after the first send. */
export function answerByAt(firstSentAt: Date): Date {
  return new Date(firstSentAt.getTime() + EXPIRE_AFTER_DAYS * DAY_MS);
}

export interface FollowUpState {
  status: FollowUpStatus;
  dueAt: Date;
  firstSentAt: Date | null;
  lastSentAt: Date | null;
  reminders: number;
}

export type FollowUpStep =
  { kind: 'wait' } | { kind: 'send' } | { kind: 'remind'; reminder: number } | { kind: 'expire' };

/**
 * What the scan of a WIB day does with one follow-up. Days count by the WIB calendar, so
 * a follow-up due at any hour of day 90 goes out in that day's scan, and a scan that runs
 * twice in a day (or late) finds nothing more to do the second time.
 */
export function nextFollowUpStep(state: FollowUpState, today: string): FollowUpStep {
  if (state.status === 'scheduled') return wibDay(state.dueAt) <= today ? { kind: 'send' } : { kind: 'wait' };
  if (state.status !== 'sent' || !state.firstSentAt) return { kind: 'wait' };
  if (daysBetween(wibDay(state.firstSentAt), today) >= EXPIRE_AFTER_DAYS) return { kind: 'expire' };
  const since = daysBetween(wibDay(state.lastSentAt ?? state.firstSentAt), today);
  return since >= REMINDER_INTERVAL_DAYS ? { kind: 'remind', reminder: state.reminders + 1 } : { kind: 'wait' };
}

/** The notification's idempotency key: one per survey and send (0 the first, then each reminder). */
export function followUpEventKey(surveyId: string, reminder: number): string {
  return `follow-up-survey:${surveyId}:${reminder}`;
}
