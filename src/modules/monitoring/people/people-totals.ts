import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, wibDay } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { DashboardQueries } from '../dashboard/dashboard.queries';
import { completionFigures, JpCounters } from '../dashboard/domain/figures';
import { VisibleNode } from '../dashboard/node-scope';
import { CourseWhich, PeopleAsk } from './domain/people-ask';

/** The JP bucket column of a people list's range (BUCKET_TENTHS: keyed by its lower bound). */
const BUCKET_COLUMN: Record<number, keyof JpCounters> = { 0: 'jp0', 10: 'jp1to9', 100: 'jp10to19', 200: 'jp20plus' };

const COURSE_FIGURE: Record<CourseWhich, 'enrolled' | 'inProgress' | 'completed' | 'overdue'> = {
  enrolled: 'enrolled',
  active: 'inProgress',
  completed: 'completed',
  overdue: 'overdue',
};

/**
 * How many people a list holds, read where the dashboard read the number the list was opened
 * from: the node rows (a few rows per node, whatever the list's length), not a COUNT over the
 * list's rows, which at national size reads millions of them on every page. Node rows and
 * leaves change in the same transaction, so the two agree.
 */
@Injectable()
export class PeopleTotals {
  constructor(
    private readonly queries: DashboardQueries,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  of(node: VisibleNode, ask: PeopleAsk): Promise<number> {
    return this.tx.run((m) => {
      switch (ask.family) {
        case 'jp':
          return this.jp(m, node.node, ask);
        case 'competency':
          return this.competency(m, node.node, ask);
        case 'plan':
          return this.queries.planRows(m, ask.year, node.node).then((plans) => plans.get(ask.status) ?? 0);
        case 'course':
          return this.course(m, node.node, ask);
      }
    });
  }

  private async jp(m: EntityManager, node: string, ask: Extract<PeopleAsk, { family: 'jp' }>): Promise<number> {
    const rows = await this.queries.jpRows(m, ask.year, node);
    const sum = (counter: keyof JpCounters) => rows.reduce((total, r) => total + r[counter], 0);
    if (ask.jp === 'met') return sum('metTarget');
    if (ask.jp === 'not-met') return sum('people') - sum('metTarget');
    return sum(BUCKET_COLUMN[ask.jp.minTenths]);
  }

  private async competency(
    m: EntityManager,
    node: string,
    ask: Extract<PeopleAsk, { family: 'competency' }>,
  ): Promise<number> {
    const [row] = await this.queries.competencyRows(m, node, ask.competencyCode);
    if (!row) return 0;
    return ask.met ? row.met : row.required - row.met;
  }

  /** As the completion dashboard: per course and assignment, overdue within the active ones. */
  private async course(m: EntityManager, node: string, ask: Extract<PeopleAsk, { family: 'course' }>): Promise<number> {
    const today = wibDay(this.clock.now());
    const wanted = (r: { assignmentKey: string }) =>
      ask.assignmentKey === undefined || r.assignmentKey === ask.assignmentKey;
    const [rows, overdue] = await Promise.all([
      this.queries.courseRows(m, node, ask.courseId),
      this.queries.overdueRows(m, node, today, ask.courseId),
    ]);
    const late = new Map(overdue.filter(wanted).map((o) => [`${o.courseId}\u0000${o.assignmentKey}`, o.overdue]));
    const figure = COURSE_FIGURE[ask.which];
    return rows
      .filter(wanted)
      .reduce(
        (total, r) => total + completionFigures(r, late.get(`${r.courseId}\u0000${r.assignmentKey}`) ?? 0)[figure],
        0,
      );
  }
}
