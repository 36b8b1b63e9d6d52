import { newId } from '../../../../libs/common';
import { Enrolment } from '../entities';

/** A fresh enrolment row on the version a learner starts on. */
export function newEnrolment(
  fields: Pick<Enrolment, 'userId' | 'courseId' | 'versionId' | 'regionCode' | 'status' | 'source' | 'deadline'> & {
    assignmentId?: string | null;
    unitId?: string | null;
  },
  now: Date,
): Enrolment {
  return {
    id: newId(),
    assignmentId: null,
    unitId: null,
    lastLessonId: null,
    completedAt: null,
    ...fields,
    enrolledAt: now,
    updatedAt: now,
  };
}
