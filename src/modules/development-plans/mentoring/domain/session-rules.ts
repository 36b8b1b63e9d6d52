/**
 * The rules of a mentoring session, kept pure: how many JP it earns, which days may be
 * logged, and who answers it.
 */

/** The JP rule of the 'mentoring' development form, as the learning module keeps it. */
export interface SessionJpRule {
  rule: 'programme' | 'per_day';
  jpPerDay: number | null;
}

export const DEFAULT_MINUTES_PER_JP = 45;
export const SESSION_MINUTES = { min: 10, max: 480 } as const;
/** One pair cannot meet for more than a working day (8 hours) on one day, however it splits it. */
export const DAY_MINUTES_MAX = 480;
/** Sessions waiting for the other side's answer, per pairing: more waits for the backlog to be answered. */
export const PENDING_SESSIONS_MAX = 10;

/**
 * JP (in tenths) a confirmed session credits to the mentee. A programme rule counts the
 * session's own length (minutes / minutes-per-JP, one decimal, no bonus: a session is
 * domestic); a per-day rule counts the session as one day of attendance; without a form
 * (missing or switched off) the plain LAN default applies: 45 minutes make 1 JP.
 */
export function sessionJpTenths(form: SessionJpRule | null, minutes: number, minutesPerJp: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  if (form?.rule === 'per_day') return Math.max(0, Math.round((form.jpPerDay ?? 0) * 10));
  const perJp = Number.isFinite(minutesPerJp) && minutesPerJp > 0 ? minutesPerJp : DEFAULT_MINUTES_PER_JP;
  return Math.round((minutes * 10) / perJp);
}

const wibDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) of an instant in WIB, where the sessions take place. */
export function wibDay(moment: Date): string {
  return wibDayFormat.format(moment);
}

/** Noon WIB of a day: the instant a session's credit is dated (its year is the day's year). */
export function noonWib(day: string): Date {
  return new Date(`${day}T12:00:00+07:00`);
}

export type SessionDateProblem = 'invalid' | 'future' | 'before_pairing';

/** A session may be logged for a real day between the pairing's first day and today (WIB). */
export function sessionDateProblem(heldOn: string, today: string, pairingStart: string): SessionDateProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn)) return 'invalid';
  const parsed = new Date(`${heldOn}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== heldOn) return 'invalid';
  if (heldOn > today) return 'future';
  if (heldOn < pairingStart) return 'before_pairing';
  return null;
}

export type SessionRole = 'logger' | 'answerer' | 'outsider';

/** The side that did not log a session answers it (confirm or dispute); the logger cannot. */
export function sessionRole(
  pairing: { mentorId: string; menteeId: string },
  loggedBy: string,
  userId: string,
): SessionRole {
  if (userId !== pairing.mentorId && userId !== pairing.menteeId) return 'outsider';
  return userId === loggedBy ? 'logger' : 'answerer';
}

/** True when a new session would take the pair's logged (not disputed) minutes of that day past the limit. */
export function exceedsDayLimit(loggedMinutesThatDay: number, minutes: number): boolean {
  return loggedMinutesThatDay + minutes > DAY_MINUTES_MAX;
}
