import { DomainException, wibDeadlinePassed } from '../../../../libs/common';
import { LearningError } from '../learning.errors';

/**
 * Whether enrolment in a course has closed by its enrolment deadline (the course as offered
 * now; no deadline, never closed). The deadline is a WIB day and holds through its last
 * minute. Enrolling, approving a request and the course page all go by this one rule.
 */
export function enrolmentDeadlinePassed(deadline: Date | null | undefined, now: Date): boolean {
  return deadline != null && wibDeadlinePassed(deadline, now);
}

/** Refuses to enrol (or approve a request) once the course's enrolment deadline has passed. */
export function assertEnrolmentOpen(deadline: Date | null | undefined, now: Date): void {
  if (enrolmentDeadlinePassed(deadline, now)) {
    throw new DomainException(LearningError.DEADLINE_PASSED, 'The enrolment deadline of this course has passed');
  }
}
