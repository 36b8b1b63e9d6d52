import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JpCounters } from './domain/figures';

/*
 * The dashboards' only reads: rows of the node tables for one node (WHERE node = ?) or for
 * its children (WHERE parent = ?), each on the primary key or an index that starts with those
 * columns. Never the leaves, never the source tables: a national dashboard costs the same as
 * a unit's. mysql2 returns sums as strings, hence the Number() around every counter.
 */

export interface JpRow extends JpCounters {
  employeeType: string;
  golongan: string;
}

export interface ChildRow {
  node: string;
  kind: string;
}

export interface CourseRow {
  courseId: string;
  assignmentKey: string;
  requested: number;
  active: number;
  completed: number;
}

export interface CompetencyRow {
  code: string;
  required: number;
  met: number;
}

const JP_SUMS =
  'SUM(people) AS people, SUM(jp_0) AS jp0, SUM(jp_1_9) AS jp1to9, SUM(jp_10_19) AS jp10to19, ' +
  'SUM(jp_20_plus) AS jp20plus, SUM(met_target) AS metTarget, SUM(jp_tenths) AS jpTenths';

const jpCounters = (r: Record<string, unknown>): JpCounters => ({
  people: Number(r.people ?? 0),
  jp0: Number(r.jp0 ?? 0),
  jp1to9: Number(r.jp1to9 ?? 0),
  jp10to19: Number(r.jp10to19 ?? 0),
  jp20plus: Number(r.jp20plus ?? 0),
  metTarget: Number(r.metTarget ?? 0),
  jpTenths: Number(r.jpTenths ?? 0),
});

const courseRow = (r: Record<string, unknown>): CourseRow => ({
  courseId: String(r.courseId),
  assignmentKey: String(r.assignmentKey ?? ''),
  requested: Number(r.requested ?? 0),
  active: Number(r.active ?? 0),
  completed: Number(r.completed ?? 0),
});

/**
 * Increments leave a row at zero when the last thing it counted went away (a unit everyone
 * left); a rebuild does not write it. Skipping such rows keeps the pages the same either way.
 */
const LIVE_COURSE_ROW = 'AND (requested <> 0 OR active <> 0 OR completed <> 0)';

@Injectable()
export class DashboardQueries {
  /** A node's JP rows of a year, one per employee type and golongan (primary key prefix). */
  async jpRows(m: EntityManager, year: number, node: string): Promise<JpRow[]> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT employee_type AS employeeType, golongan, people, jp_0 AS jp0, jp_1_9 AS jp1to9, jp_10_19 AS jp10to19,
              jp_20_plus AS jp20plus, met_target AS metTarget, jp_tenths AS jpTenths
         FROM mon_jp_node WHERE year = ? AND node = ? AND people <> 0`,
      [year, node],
    );
    return rows.map((r) => ({ employeeType: String(r.employeeType), golongan: String(r.golongan), ...jpCounters(r) }));
  }

  /** The JP of each child of a node (index on year, parent). */
  async jpChildren(m: EntityManager, year: number, parent: string): Promise<Array<ChildRow & JpCounters>> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT node, node_kind AS kind, ${JP_SUMS} FROM mon_jp_node
        WHERE year = ? AND parent = ? GROUP BY node, node_kind HAVING SUM(people) <> 0`,
      [year, parent],
    );
    return rows.map((r) => ({ node: String(r.node), kind: String(r.kind), ...jpCounters(r) }));
  }

  /** People who reached their target in each month of the year (primary key prefix). */
  async jpMonths(m: EntityManager, year: number, node: string): Promise<Map<number, number>> {
    const rows: Array<Record<string, unknown>> = await m.query(
      'SELECT month, attained FROM mon_jp_month_node WHERE year = ? AND node = ?',
      [year, node],
    );
    return new Map(rows.map((r) => [Number(r.month), Number(r.attained)]));
  }

  /** A node's enrolment counters per course and assignment (index on node, course). */
  async courseRows(m: EntityManager, node: string, courseId: string | null): Promise<CourseRow[]> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT course_id AS courseId, assignment_key AS assignmentKey, requested, active, completed
         FROM mon_course_node WHERE node = ?${courseId ? ' AND course_id = ?' : ''} ${LIVE_COURSE_ROW}`,
      courseId ? [node, courseId] : [node],
    );
    return rows.map(courseRow);
  }

  /** A node's enrolment counters summed over every course (the headline). */
  async courseTotals(m: EntityManager, node: string): Promise<Omit<CourseRow, 'courseId' | 'assignmentKey'>> {
    const [r]: Array<Record<string, unknown>> = await m.query(
      `SELECT SUM(requested) AS requested, SUM(active) AS active, SUM(completed) AS completed
         FROM mon_course_node WHERE node = ?`,
      [node],
    );
    return {
      requested: Number(r?.requested ?? 0),
      active: Number(r?.active ?? 0),
      completed: Number(r?.completed ?? 0),
    };
  }

  /** Active enrolments past their deadline day, per course and assignment (index on node, deadline day). */
  async overdueRows(
    m: EntityManager,
    node: string,
    today: string,
    courseId: string | null,
  ): Promise<Array<{ courseId: string; assignmentKey: string; overdue: number }>> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT course_id AS courseId, assignment_key AS assignmentKey, SUM(open_count) AS overdue
         FROM mon_course_deadline_node WHERE node = ? AND deadline_day < ?${courseId ? ' AND course_id = ?' : ''}
        GROUP BY course_id, assignment_key`,
      courseId ? [node, today, courseId] : [node, today],
    );
    return rows.map((r) => ({
      courseId: String(r.courseId),
      assignmentKey: String(r.assignmentKey ?? ''),
      overdue: Number(r.overdue ?? 0),
    }));
  }

  /** Each child's counters for one course (index on parent, course). */
  async courseChildren(m: EntityManager, parent: string, courseId: string): Promise<Array<ChildRow & CourseRow>> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT node, node_kind AS kind, course_id AS courseId, assignment_key AS assignmentKey, requested, active, completed
         FROM mon_course_node WHERE parent = ? AND course_id = ? ${LIVE_COURSE_ROW}`,
      [parent, courseId],
    );
    return rows.map((r) => ({ node: String(r.node), kind: String(r.kind), ...courseRow(r) }));
  }

  /**
   * Overdue enrolments of one course at the given nodes: the primary key (course, assignment,
   * node, day) is walked for exactly these assignments and nodes, days before today.
   */
  async overdueAt(
    m: EntityManager,
    courseId: string,
    assignmentKeys: string[],
    nodes: string[],
    today: string,
  ): Promise<Map<string, number>> {
    if (assignmentKeys.length === 0 || nodes.length === 0) return new Map();
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT node, SUM(open_count) AS overdue FROM mon_course_deadline_node
        WHERE course_id = ? AND assignment_key IN (${assignmentKeys.map(() => '?').join(', ')})
          AND node IN (${nodes.map(() => '?').join(', ')}) AND deadline_day < ?
        GROUP BY node`,
      [courseId, ...assignmentKeys, ...nodes, today],
    );
    return new Map(rows.map((r) => [String(r.node), Number(r.overdue ?? 0)]));
  }

  /** The headline: every active enrolment past its deadline day below a node. */
  async overdueTotal(m: EntityManager, node: string, today: string): Promise<number> {
    const [r]: Array<Record<string, unknown>> = await m.query(
      'SELECT SUM(open_count) AS overdue FROM mon_course_deadline_node WHERE node = ? AND deadline_day < ?',
      [node, today],
    );
    return Number(r?.overdue ?? 0);
  }

  /**
   * A node's coverage per competency (primary key prefix). Rows at zero (nobody there requires
   * it any more: increments leave them, a rebuild does not) are no competency of the node.
   */
  async competencyRows(m: EntityManager, node: string, code: string | null): Promise<CompetencyRow[]> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT competency_code AS code, required, met FROM mon_competency_node
        WHERE node = ?${code ? ' AND competency_code = ?' : ''} AND required <> 0`,
      code ? [node, code] : [node],
    );
    return rows.map((r) => ({ code: String(r.code), required: Number(r.required), met: Number(r.met) }));
  }

  /** Each child's coverage per competency: the heatmap (index on parent); no cells for rows at zero. */
  async competencyChildren(
    m: EntityManager,
    parent: string,
    code: string | null,
  ): Promise<Array<ChildRow & CompetencyRow>> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT node, node_kind AS kind, competency_code AS code, required, met FROM mon_competency_node
        WHERE parent = ?${code ? ' AND competency_code = ?' : ''} AND required <> 0`,
      code ? [parent, code] : [parent],
    );
    return rows.map((r) => ({
      node: String(r.node),
      kind: String(r.kind),
      code: String(r.code),
      required: Number(r.required),
      met: Number(r.met),
    }));
  }

  /** A node's plans of a year per status (primary key prefix). */
  async planRows(m: EntityManager, year: number, node: string): Promise<Map<string, number>> {
    const rows: Array<Record<string, unknown>> = await m.query(
      'SELECT status, plans FROM mon_plan_node WHERE year = ? AND node = ? AND plans <> 0',
      [year, node],
    );
    return new Map(rows.map((r) => [String(r.status), Number(r.plans)]));
  }

  /** Each child's plans of a year per status (index on year, parent). */
  async planChildren(
    m: EntityManager,
    year: number,
    parent: string,
  ): Promise<Array<ChildRow & { status: string; plans: number }>> {
    const rows: Array<Record<string, unknown>> = await m.query(
      'SELECT node, node_kind AS kind, status, plans FROM mon_plan_node WHERE year = ? AND parent = ? AND plans <> 0',
      [year, parent],
    );
    return rows.map((r) => ({
      node: String(r.node),
      kind: String(r.kind),
      status: String(r.status),
      plans: Number(r.plans),
    }));
  }

  /** A node's evaluation sums of a year (primary key). */
  async evaluationRow(m: EntityManager, year: number, node: string): Promise<EvaluationSums> {
    const [r]: Array<Record<string, unknown>> = await m.query(
      `SELECT l1_sum AS l1Sum, l1_count AS l1Count, l2_gain_sum AS l2GainSum, l2_count AS l2Count,
              l3_applied AS l3Applied, l3_answered AS l3Answered
         FROM mon_evaluation_node WHERE year = ? AND node = ?`,
      [year, node],
    );
    return {
      l1Sum: Number(r?.l1Sum ?? 0),
      l1Count: Number(r?.l1Count ?? 0),
      l2GainSum: Number(r?.l2GainSum ?? 0),
      l2Count: Number(r?.l2Count ?? 0),
      l3Applied: Number(r?.l3Applied ?? 0),
      l3Answered: Number(r?.l3Answered ?? 0),
    };
  }
}

export interface EvaluationSums {
  l1Sum: number;
  l1Count: number;
  l2GainSum: number;
  l2Count: number;
  l3Applied: number;
  l3Answered: number;
}
