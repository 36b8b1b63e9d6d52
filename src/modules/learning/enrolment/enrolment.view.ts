import { Enrolment } from '../entities';

export interface EnrolmentView {
  id: string;
  courseId: string;
  versionId: string;
  status: Enrolment['status'];
  source: Enrolment['source'];
  deadline: string | null;
  lastLessonId: string | null;
  enrolledAt: string;
  completedAt: string | null;
}

export function toEnrolmentView(e: Enrolment): EnrolmentView {
  return {
    id: e.id,
    courseId: e.courseId,
    versionId: e.versionId,
    status: e.status,
    source: e.source,
    deadline: e.deadline ? new Date(e.deadline).toISOString() : null,
    lastLessonId: e.lastLessonId,
    enrolledAt: new Date(e.enrolledAt).toISOString(),
    completedAt: e.completedAt ? new Date(e.completedAt).toISOString() : null,
  };
}
