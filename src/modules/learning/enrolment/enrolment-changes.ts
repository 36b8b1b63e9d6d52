import { Injectable } from '@nestjs/common';
import { InTxListeners } from '../../../../libs/queue';
import { Enrolment } from '../entities';

/** Where an enrolment counts: its course, assignment ('' = self-enrolled) and unit ('' = none). */
export interface EnrolmentPlace {
  courseId: string;
  assignmentKey: string;
  unitKey: string;
}

export function placeOf(e: Pick<Enrolment, 'courseId' | 'assignmentId' | 'unitId'>): EnrolmentPlace {
  return { courseId: e.courseId, assignmentKey: e.assignmentId ?? '', unitKey: e.unitId ?? '' };
}

/**
 * Called inside the producer's transaction whenever enrolments are inserted or their status,
 * assignment or deadline change, with the places they counted in before and after.
 */
@Injectable()
export class EnrolmentChanges extends InTxListeners<EnrolmentPlace[]> {}
