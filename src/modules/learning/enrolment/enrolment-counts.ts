import { Injectable } from '@nestjs/common';
import { wibDay } from '../../../../libs/common';
import { instantFromDriver, TransactionRunner } from '../../../../libs/database';
import { EnrolmentStatus } from '../entities';

/** Enrolments of one place with one status and deadline (what monitoring sums). */
export interface EnrolmentCount {
  status: EnrolmentStatus;
  /** The deadline's day in WIB ('YYYY-MM-DD'), null without one. */
  deadlineDay: string | null;
  count: number;
}

/** The enrolments of one (course, unit, assignment) by status, for monitoring's rebuild. */
export interface EnrolmentPlaceTotals {
  courseId: string;
  unitId: string | null;
  assignmentId: string | null;
  requested: number;
  active: number;
  completed: number;
  /** Active enrolments per deadline day in WIB ('YYYY-MM-DD'); {} when none has a deadline. */
  activeByDay: Record<string, number>;
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
   * The places of the next `courses` courses after `afterCourseId` (in id order), each with
   * its totals: one GROUP BY over the index range for the statuses and one for the active
   * enrolments with a deadline (a few percent). Plain rows, one per place, not one per status
   * and deadline: the rebuild's time went into handling those in Node. `lastCourseId` is null
   * when no course is left.
   */
  placesAfter(
    afterCourseId: string | null,
    courses: number,
  ): Promise<{ places: EnrolmentPlaceTotals[]; lastCourseId: string | null }> {
    return this.tx.run(async (m) => {
      const ids: Array<{ id: string }> = await m.query(
        `SELECT DISTINCT course_id AS id FROM enrolment WHERE course_id > ? ORDER BY course_id LIMIT ${Number(courses)}`,
        [afterCourseId ?? ''],
      );
      if (ids.length === 0) return { places: [], lastCourseId: null };
      const range = [afterCourseId ?? '', ids[ids.length - 1].id];
      const byDay: Raw[] = await m.query(
        `SELECT course_id, unit_id, assignment_id, deadline, COUNT(*) AS n FROM enrolment
         WHERE course_id > ? AND course_id <= ? AND status = 'active' AND deadline IS NOT NULL
         GROUP BY course_id, unit_id, assignment_id, deadline`,
        range,
      );
      const days = new Map<string, Record<string, number>>();
      for (const r of byDay) {
        const place = placeKey(r);
        const open = days.get(place) ?? {};
        const day = wibDayOf(r.deadline)!;
        open[day] = (open[day] ?? 0) + Number(r.n);
        days.set(place, open);
      }
      const rows: Raw[] = await m.query(
        `SELECT course_id, unit_id, assignment_id, COUNT(CASE WHEN status = 'requested' THEN 1 END) AS requested,
           COUNT(CASE WHEN status = 'active' THEN 1 END) AS active,
           COUNT(CASE WHEN status = 'completed' THEN 1 END) AS completed
         FROM enrolment WHERE course_id > ? AND course_id <= ? GROUP BY course_id, unit_id, assignment_id`,
        range,
      );
      const places = rows.map((r): EnrolmentPlaceTotals => ({
        courseId: r.course_id as string,
        unitId: r.unit_id as string | null,
        assignmentId: r.assignment_id as string | null,
        requested: Number(r.requested),
        active: Number(r.active),
        completed: Number(r.completed),
        activeByDay: days.get(placeKey(r)) ?? {},
      }));
      return { places, lastCourseId: range[1] };
    });
  }
}

function placeKey(r: Raw): string {
  return `${String(r.course_id)}|${String(r.unit_id ?? '')}|${String(r.assignment_id ?? '')}`;
}

function nullable(column: string, key: string): string {
  return key ? `${column} = ?` : `${column} IS NULL`;
}

function toCount(r: Raw): EnrolmentCount {
  return { status: r.status as EnrolmentStatus, deadlineDay: wibDayOf(r.deadline), count: Number(r.n) };
}

/** The WIB day of a raw datetime (null stays null). */
function wibDayOf(value: string | number | Date | null | undefined): string | null {
  return value === null || value === undefined ? null : wibDay(instantFromDriver(value));
}
