import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Clock, startOfWibDay, wibDay } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { DevelopmentPlansApi } from '../../development-plans/development-plans.api';
import { CourseEnrolmentQuery, LearningApi } from '../../learning/learning.api';
import { VisibleNode } from '../dashboard/node-scope';
import { MonCompetencyPerson, MonCourseLeaf, MonJpPerson, MonPlanLeaf } from '../entities';
import { CourseWhich, PeopleAsk } from './domain/people-ask';

/** One person behind a number, before names: who, where, and the figure that put them there. */
export interface PersonFigure {
  userId: string;
  unitId: string | null;
  jpTenths?: number;
  targetJp?: number;
  status?: string;
  deadline?: Date | null;
  completedAt?: Date | null;
  requiredLevel?: number | null;
  reachedLevel?: number | null;
}

/**
 * Which rows of a list to read: a page by offset (a page picked by number), the rows after a
 * cursor (`after`: null for the first) in the list's order, which pages going on and exports
 * walk so that the millionth row costs what the first did, or the rows just before a cursor
 * (`before`: the page before a page).
 */
export interface Window {
  offset: number;
  limit: number;
  after?: string | null;
  before?: string;
}

export interface PeopleRead {
  items: PersonFigure[];
  /** Where the next rows start (the last row's place in the order); null after the last. */
  next: string | null;
  /** Where the rows before end (the first row's place); null on the first page. */
  previous: string | null;
}

/** The instant today (WIB) began: an active enrolment whose deadline is before it is overdue. */
export function startOfWibToday(now: Date): Date {
  return startOfWibDay(wibDay(now));
}

const COURSE_STATUSES: Record<CourseWhich, Array<'active' | 'completed'>> = {
  enrolled: ['active', 'completed'],
  active: ['active'],
  completed: ['completed'],
  overdue: ['active'],
};

/**
 * Reads the people behind a dashboard number from the same rows the number sums: the JP,
 * competency and plan leaves (placed by region and unit at write time, on their indexes),
 * and a course's enrolments through the learning facade. A node is the nation (no filter),
 * a region (its subtree) or a unit. Only applied leaves count, as in the node rows.
 */
@Injectable()
export class PeopleSources {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly learning: LearningApi,
    private readonly plans: DevelopmentPlansApi,
    private readonly clock: Clock,
  ) {}

  async read(node: VisibleNode, ask: PeopleAsk, w: Window): Promise<PeopleRead> {
    switch (ask.family) {
      case 'jp':
        return this.tx.run((m) => this.jp(m, node, ask, w));
      case 'competency':
        return this.tx.run((m) => this.competency(m, node, ask, w));
      case 'plan':
        return this.plan(node, ask, w);
      case 'course':
        return this.course(node, ask, w);
    }
  }

  private async jp(
    m: EntityManager,
    node: VisibleNode,
    ask: Extract<PeopleAsk, { family: 'jp' }>,
    w: Window,
  ): Promise<PeopleRead> {
    const qb = placed(m.createQueryBuilder(MonJpPerson, 'p'), node)
      .andWhere('p.year = :year', { year: ask.year })
      .andWhere('p.applied = :applied', { applied: true });
    // Met = reached the target in some month (the leaf's own definition of met_target).
    if (ask.jp === 'met') qb.andWhere('p.attained_month IS NOT NULL');
    else if (ask.jp === 'not-met') qb.andWhere('p.attained_month IS NULL');
    else {
      qb.andWhere('p.jp_tenths >= :minTenths', { minTenths: ask.jp.minTenths });
      if (ask.jp.maxTenths !== null) qb.andWhere('p.jp_tenths < :maxTenths', { maxTenths: ask.jp.maxTenths });
    }
    // The list's order is JP then user id, both descending; backwards, both ascending.
    const cursor = w.after ?? w.before;
    if (cursor) {
      const [tenths, userId] = splitCursor(cursor);
      const beyond = w.before !== undefined ? '>' : '<';
      qb.andWhere(
        `(p.jp_tenths ${beyond} :cursorTenths OR (p.jp_tenths = :cursorTenths AND p.user_id ${beyond} :cursorUser))`,
        { cursorTenths: Number(tenths), cursorUser: userId },
      );
    }
    const order = w.before !== undefined ? 'ASC' : 'DESC';
    const { rows, next, previous } = cut(
      await windowed(qb.select(['p.userId', 'p.unitId', 'p.jpTenths', 'p.targetJp']).orderBy('p.jpTenths', order), w)
        .addOrderBy('p.userId', order)
        .getMany(),
      w,
      (r) => `${r.jpTenths}:${r.userId}`,
    );
    return {
      items: rows.map((r) => ({ userId: r.userId, unitId: r.unitId, jpTenths: r.jpTenths, targetJp: r.targetJp })),
      next,
      previous,
    };
  }

  /**
   * People whose position requires the competency (its code is a key of `levels`, JSON
   * {"code": [required, reached]}) and who reach the level or not. json_extract reads the
   * same in SQLite and MariaDB; `+ 0` turns MariaDB's JSON text into a number.
   */
  private async competency(
    m: EntityManager,
    node: VisibleNode,
    ask: Extract<PeopleAsk, { family: 'competency' }>,
    w: Window,
  ): Promise<PeopleRead> {
    const required = 'json_extract(p.levels, :requiredPath) + 0';
    const reached = 'COALESCE(json_extract(p.levels, :reachedPath) + 0, 0)';
    const path = `$."${ask.competencyCode}"`;
    const qb = placed(m.createQueryBuilder(MonCompetencyPerson, 'p'), node)
      .andWhere('p.applied = :applied', { applied: true })
      .andWhere('p.levels LIKE :mentions', { mentions: `%"${ask.competencyCode}"%` })
      .andWhere(`${required} IS NOT NULL`)
      .andWhere(ask.met ? `${reached} >= ${required}` : `${reached} < ${required}`)
      .setParameters({ requiredPath: `${path}[0]`, reachedPath: `${path}[1]` });
    byId(qb, 'p.user_id', w);
    const { rows, next, previous } = cut(
      await windowed(qb.select(['p.userId', 'p.unitId', 'p.levels']).orderBy('p.userId', idOrder(w)), w).getMany(),
      w,
      (r) => r.userId,
    );
    return {
      next,
      previous,
      items: rows.map((r) => {
        const levels = JSON.parse(r.levels ?? '{}') as Record<string, [number, number | null]>;
        const [requiredLevel, reachedLevel] = levels[ask.competencyCode] ?? [null, null];
        return { userId: r.userId, unitId: r.unitId, requiredLevel, reachedLevel: reachedLevel ?? 0 };
      }),
    };
  }

  private async plan(node: VisibleNode, ask: Extract<PeopleAsk, { family: 'plan' }>, w: Window): Promise<PeopleRead> {
    const { rows, next, previous } = await this.tx.run(async (m) => {
      const qb = placed(m.createQueryBuilder(MonPlanLeaf, 'p'), node)
        .andWhere('p.applied = :applied', { applied: true })
        .andWhere('p.year = :year', { year: ask.year })
        .andWhere('p.status = :status', { status: ask.status });
      byId(qb, 'p.plan_id', w);
      const page = await windowed(
        qb.select(['p.planId', 'p.unitId', 'p.status']).orderBy('p.planId', idOrder(w)),
        w,
      ).getMany();
      return cut(page, w, (r) => r.planId);
    });
    const owners = await this.plans.ownersOf(rows.map((r) => r.planId));
    return {
      next,
      previous,
      items: rows
        .filter((r) => owners.has(r.planId))
        .map((r) => ({ userId: owners.get(r.planId)!, unitId: r.unitId, status: r.status })),
    };
  }

  private async course(
    node: VisibleNode,
    ask: Extract<PeopleAsk, { family: 'course' }>,
    w: Window,
  ): Promise<PeopleRead> {
    const unitIds =
      node.kind === 'U' ? [node.node] : node.kind === 'R' ? await this.courseUnitsIn(node.node, ask) : null;
    if (unitIds && unitIds.length === 0) return { items: [], next: null, previous: null };
    const query: CourseEnrolmentQuery = {
      courseId: ask.courseId,
      unitIds,
      ...(ask.assignmentKey !== undefined ? { assignmentKey: ask.assignmentKey } : {}),
      statuses: COURSE_STATUSES[ask.which],
      ...(ask.which === 'overdue' ? { deadlineBefore: startOfWibToday(this.clock.now()) } : {}),
      ...(ask.which === 'active' ? { deadlineFrom: startOfWibToday(this.clock.now()) } : {}),
      ...(w.before !== undefined
        ? { beforeId: w.before }
        : w.after !== undefined
          ? { afterId: w.after }
          : { offset: w.offset }),
      limit: w.limit + 1,
    };
    const read = await this.learning.courseEnrolments(query);
    const { rows: items, next, previous } = cut(read.items, w, (e) => e.id);
    return {
      next,
      previous,
      items: items.map((e) => ({
        userId: e.userId,
        unitId: e.unitId,
        status: e.status,
        deadline: e.deadline,
        completedAt: e.completedAt,
      })),
    };
  }

  /**
   * The units whose enrolments in the course count at a region: its course leaves in the
   * subtree (a leaf is placed by its unit's region; learners without a unit count only at
   * the nation). One leaf per unit and assignment, so the list is short.
   */
  private async courseUnitsIn(regionCode: string, ask: Extract<PeopleAsk, { family: 'course' }>): Promise<string[]> {
    const rows = await this.tx.run((m) => {
      const qb = placed(m.createQueryBuilder(MonCourseLeaf, 'p'), { kind: 'R', node: regionCode } as VisibleNode)
        .select('DISTINCT p.unit_key', 'unitKey')
        .andWhere('p.applied = :applied', { applied: true })
        .andWhere("p.unit_key <> ''");
      if (ask.courseId) qb.andWhere('p.course_id = :courseId', { courseId: ask.courseId });
      if (ask.assignmentKey !== undefined) qb.andWhere('p.assignment_key = :key', { key: ask.assignmentKey });
      return qb.getRawMany<{ unitKey: string }>();
    });
    return rows.map((r) => r.unitKey);
  }
}

/**
 * The window's rows, and one more: beside the cursor (added by the caller) or from the offset.
 * The extra row only tells whether more lie that way (see `cut`).
 */
function windowed<T extends object>(qb: SelectQueryBuilder<T>, w: Window): SelectQueryBuilder<T> {
  qb.take(w.limit + 1);
  return w.after === undefined && w.before === undefined ? qb.skip(w.offset) : qb;
}

/** Lists ordered by one id: the rows after or before the cursor id. */
function byId<T extends object>(qb: SelectQueryBuilder<T>, column: string, w: Window): void {
  if (w.after) qb.andWhere(`${column} > :cursorId`, { cursorId: w.after });
  else if (w.before !== undefined) qb.andWhere(`${column} < :cursorId`, { cursorId: w.before });
}

/** Ascending ids, read backwards for the page before a cursor. */
const idOrder = (w: Window): 'ASC' | 'DESC' => (w.before !== undefined ? 'DESC' : 'ASC');

/**
 * The window's rows in the list's order (a backwards read turned round), and the cursors on
 * either side where rows lie beyond: the last row's when more follow, the first row's when
 * some come before (after a cursor or past the first offset there always are).
 */
function cut<T>(
  read: T[],
  w: Window,
  cursorOf: (row: T) => string,
): { rows: T[]; next: string | null; previous: string | null } {
  const more = read.length > w.limit;
  const rows = read.slice(0, w.limit);
  if (w.before !== undefined) rows.reverse();
  if (rows.length === 0) return { rows, next: null, previous: null };
  const first = cursorOf(rows[0]);
  const last = cursorOf(rows[rows.length - 1]);
  if (w.before !== undefined) return { rows, next: last, previous: more ? first : null };
  const earlier = typeof w.after === 'string' || (w.after === undefined && w.offset > 0);
  return { rows, next: more ? last : null, previous: earlier ? first : null };
}

/** A JP cursor: '<tenths>:<user id>'. */
function splitCursor(cursor: string): [string, string] {
  const cut = cursor.indexOf(':');
  return [cursor.slice(0, cut), cursor.slice(cut + 1)];
}

/** The rows of a leaf table below a node: all (nation), a region's subtree, or one unit. */
function placed<T extends object>(qb: SelectQueryBuilder<T>, node: VisibleNode): SelectQueryBuilder<T> {
  if (node.kind === 'U') return qb.where('p.unit_id = :placeUnit', { placeUnit: node.node });
  if (node.kind === 'R') {
    return qb.where('(p.region_code = :placeRegion OR p.region_code LIKE :placePrefix)', {
      placeRegion: node.node,
      placePrefix: `${node.node}.%`,
    });
  }
  return qb.where('1 = 1');
}
