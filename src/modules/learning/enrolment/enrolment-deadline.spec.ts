import { DomainException } from '../../../../libs/common';
import { LearningError } from '../learning.errors';
import { assertEnrolmentOpen, enrolmentDeadlinePassed } from './enrolment-deadline';

describe('the enrolment deadline', () => {
  it.each([
    // The deadline day holds until its last minute in WIB (UTC+7).
    [new Date('2026-06-30T00:00:00Z'), new Date('2026-06-30T16:59:59Z'), false],
    [new Date('2026-06-30T00:00:00Z'), new Date('2026-06-30T17:00:00Z'), true],
    [new Date('2020-06-30T00:00:00Z'), new Date('2026-01-01T00:00:00Z'), true],
    [null, new Date('2026-01-01T00:00:00Z'), false],
    [undefined, new Date('2026-01-01T00:00:00Z'), false],
  ])('deadline %p at %p: passed %p', (deadline, now, passed) => {
    expect(enrolmentDeadlinePassed(deadline, now)).toBe(passed);
  });

  it('refuses enrolment once passed, as a deadline error', () => {
    const now = new Date('2026-07-01T00:00:00Z');
    expect(() => assertEnrolmentOpen(null, now)).not.toThrow();
    expect(() => assertEnrolmentOpen(new Date('2026-07-01T00:00:00Z'), now)).not.toThrow();
    let thrown: unknown;
    try {
      assertEnrolmentOpen(new Date('2026-06-29T00:00:00Z'), now);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DomainException);
    expect((thrown as DomainException).code).toBe(LearningError.DEADLINE_PASSED.code);
  });
});
