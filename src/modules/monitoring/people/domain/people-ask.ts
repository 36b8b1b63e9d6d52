import type { FieldProblem } from '../../../../../libs/common';
import type { JpBucket, PeopleQuery } from '../../dashboard/domain/people-link';

/** What a people list asks for, once its parameters are checked against its metric. */
export type PeopleAsk =
  | { family: 'jp'; year: number; jp: { minTenths: number; maxTenths: number | null } | 'met' | 'not-met' }
  | { family: 'course'; courseId: string | null; assignmentKey?: string; which: CourseWhich }
  | { family: 'competency'; competencyCode: string; met: boolean }
  | { family: 'plan'; year: number; status: string };

/** active = in progress: learning and no deadline day passed (the dashboard's "sedang belajar"). */
export type CourseWhich = 'enrolled' | 'active' | 'completed' | 'overdue';

/** A people list's parameters besides the node. */
export type PeopleParams = Omit<PeopleQuery, 'node'>;

/**
 * Whole JP per bucket as jp_tenths ranges [min, max): the dashboards bucket floor(jp_tenths / 10),
 * so 0 JP is below 10 tenths and "20+" starts at 200.
 */
export const BUCKET_TENTHS: Record<JpBucket, { minTenths: number; maxTenths: number | null }> = {
  '0': { minTenths: 0, maxTenths: 10 },
  '1-9': { minTenths: 10, maxTenths: 100 },
  '10-19': { minTenths: 100, maxTenths: 200 },
  '20+': { minTenths: 200, maxTenths: null },
};

const missing = (field: string, metric: string): FieldProblem => ({
  field,
  rule: 'required',
  message: `${field} is required for metric ${metric}`,
});

/** The ask of these parameters, or the problems (each naming its field). `year` defaults to this year. */
export function peopleAskOf(p: PeopleParams, thisYear: number): PeopleAsk | FieldProblem[] {
  const year = p.year ?? thisYear;
  switch (p.metric) {
    case 'jp-bucket':
      return p.bucket ? { family: 'jp', year, jp: BUCKET_TENTHS[p.bucket] } : [missing('bucket', p.metric)];
    case 'jp-met':
      return { family: 'jp', year, jp: 'met' };
    case 'jp-not-met':
      return { family: 'jp', year, jp: 'not-met' };
    case 'course-enrolled':
    case 'course-active':
    case 'course-completed':
    case 'course-overdue':
      // Without a course: every course at the node (the headline numbers), one row per enrolment.
      if (!p.courseId && p.assignmentKey !== undefined) return [missing('courseId', p.metric)];
      return {
        family: 'course',
        courseId: p.courseId ?? null,
        ...(p.assignmentKey !== undefined ? { assignmentKey: p.assignmentKey } : {}),
        which: p.metric.slice('course-'.length) as CourseWhich,
      };
    case 'competency-met':
    case 'competency-not-met':
      return p.competencyCode
        ? { family: 'competency', competencyCode: p.competencyCode, met: p.metric === 'competency-met' }
        : [missing('competencyCode', p.metric)];
    case 'plan-status':
      return p.status ? { family: 'plan', year, status: p.status } : [missing('status', p.metric)];
  }
}

/** The figure a row of this family shows beside the person. */
export type Figure = 'jp' | 'course' | 'competency' | 'plan';
