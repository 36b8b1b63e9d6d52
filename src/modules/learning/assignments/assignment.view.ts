import { CourseAssignment } from '../entities';

export interface AssignmentView {
  id: string;
  courseId: string;
  status: CourseAssignment['status'];
  deadline: string | null;
  filter: Record<string, string> | null;
  nipCount: number | null;
  enrolled: number;
  alreadyEnrolled: number;
  outOfScope: number;
  notFound: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export function toAssignmentView(a: CourseAssignment): AssignmentView {
  return {
    id: a.id,
    courseId: a.courseId,
    status: a.status,
    deadline: a.deadline ? new Date(a.deadline).toISOString() : null,
    filter: a.filterJson ? (JSON.parse(a.filterJson) as Record<string, string>) : null,
    nipCount: a.nips ? a.nips.split('\n').length : null,
    enrolled: a.enrolled,
    alreadyEnrolled: a.alreadyEnrolled,
    outOfScope: a.outOfScope,
    notFound: a.notFound,
    error: a.error,
    createdAt: new Date(a.createdAt).toISOString(),
    finishedAt: a.finishedAt ? new Date(a.finishedAt).toISOString() : null,
  };
}
