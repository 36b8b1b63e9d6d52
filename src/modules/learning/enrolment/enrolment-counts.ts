import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { EnrolmentStatus } from '../entities';

/** Enrolments of one place with one status and deadline (what monitoring sums). */
export interface EnrolmentCount {
  status: EnrolmentStatus;
  /** The deadline's day in WIB ('YYYY-MM-DD'), null without one. */
  deadlineDay: string | null;
  count: number;
}

/** The counts of a group of (course, unit, assignment), for monitoring's rebuild. */
export interface EnrolmentGroupCount extends EnrolmentCount {
  courseId: string;
  unitId: string | null;
  assignmentId: string | null;
}

type Raw = Record<string, string | number | Date | null>;

/**
 * Counts of enrolments that read only the covering index IDX_enrolment_course_unit
 * (course_id, unit_id, assignment_id, status, deadline): no table rows are touched.
 */
@Injectable()
export class EnrolmentCounts {
  constructor(private readonly tx: TransactionRunner) {}

  /** One course, assignment ('' = self) and unit ('' = none), grouped by status and deadline. */
  of(courseId: string, assignmentKey: string, unitKey: string): Promise<EnrolmentCount[]> {
    return this.tx.run(async (m) => {
      const rows: Raw[] = await m.query(
        `SELECT status, deadline, COUNT(*) AS n FROM enrolment
         WHERE course_id = ? AND ${nullable('unit_id', unitKey)} AND ${nullable('assignment_id', assignmentKey)}
         GROUP BY status, deadline`,
        [courseId, ...(unitKey ? [unitKey] : []), ...(assignmentKey ? [assignmentKey] : [])],
      );
      return rows.map((r) => toCount(r));
    });
  }

  /**
   * The groups of the next `courses` courses after `afterCourseId` (in id order), with one
   * GROUP BY over the index range; `lastCourseId` is null when no course is left.
   */
  groupsAfter(
    afterCourseId: string | null,
    courses: number,
  ): Promise<{ groups: EnrolmentGroupCount[]; lastCourseId: string | null }> {
    return this.tx.run(async (m) => {
      const ids: Array<{ id: string }> = await m.query(
        `SELECT DISTINCT course_id AS id FROM enrolment WHERE course_id > ? ORDER BY course_id LIMIT ${Number(courses)}`,
        [afterCourseId ?? ''],
      );
      if (ids.length === 0) return { groups: [], lastCourseId: null };
      const last = ids[ids.length - 1].id;
      const rows: Raw[] = await m.query(
        `SELECT course_id, unit_id, assignment_id, status, deadline, COUNT(*) AS n FROM enrolment
         WHERE course_id > ? AND course_id <= ?
         GROUP BY course_id, unit_id, assignment_id, status, deadline`,
        [afterCourseId ?? '', last],
      );
      const groups = rows.map((r) => ({
        ...toCount(r),
        courseId: String(r.course_id),
        unitId: (r.unit_id as string | null) ?? null,
        assignmentId: (r.assignment_id as string | null) ?? null,
      }));
      return { groups, lastCourseId: last };
    });
  }
}

function nullable(column: string, key: string): string {
  return key ? `${column} = ?` : `${column} IS NULL`;
}

function toCount(r: Raw): EnrolmentCount {
  return { status: r.status as EnrolmentStatus, deadlineDay: wibDayOf(r.deadline), count: Number(r.n) };
}

const WIB_OFFSET_MS = 7 * 3_600_000;

/** A raw datetime as the driver returns it (MySQL: a Date; SQLite: 'YYYY-MM-DD HH:MM:SS.SSS' in UTC). */
function wibDayOf(value: string | number | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const at = value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}
