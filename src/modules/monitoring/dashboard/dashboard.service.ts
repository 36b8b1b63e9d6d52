import { Inject, Injectable } from '@nestjs/common';
import { AccessScope } from '../../../../libs/auth';
import { Clock, TtlCache, validationFailed } from '../../../../libs/common';
import { APP_CONFIG, AppConfig } from '../../../../libs/config';
import { TransactionRunner } from '../../../../libs/database';
import { CatalogApi } from '../../catalog/catalog.api';
import { CompetenciesApi } from '../../competencies/competencies.api';
import { MonState } from '../entities';
import { ROLLUP_STATE_ID } from '../rollups/rollup-lock';
import { CompetencyRow, DashboardQueries } from './dashboard.queries';
import {
  CompetencySection,
  CompletionSection,
  CourseFigures,
  JpSection,
  OverviewSection,
  PLAN_STATUS_ORDER,
  PlanSection,
} from './dashboard.view';
import {
  addJp,
  attainmentTrend,
  gradeOrder,
  averageOfHundredths,
  completionFigures,
  jpFigures,
  NO_JP,
  share,
  sumBy,
  wibDay,
  wibYear,
} from './domain/figures';
import { byPlace, NodeNames } from './node-names';

export interface DashboardAsk {
  node?: string;
  year?: number;
  courseId?: string;
  competencyCode?: string;
  fromMonth?: number;
  toMonth?: number;
}

/**
 * The monitoring dashboards: every figure comes from the node rows of the node asked for
 * and of its children (see DashboardQueries), within what NodeScope lets the caller see.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly queries: DashboardQueries,
    private readonly names: NodeNames,
    private readonly catalog: CatalogApi,
    private readonly competencies: CompetenciesApi,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.overviews = new TtlCache(config.monitoringCacheSeconds * 1000, () => this.clock.now().getTime());
  }

  /**
   * The overview is what every admin opens first, often many at once on the same node: it is
   * served from memory for a few seconds (MONITORING_CACHE_SECONDS) once the caller's scope has
   * been checked. The rollups themselves trail the events by seconds, so nothing is lost.
   */
  private readonly overviews: TtlCache<Omit<OverviewSection, 'node'>>;

  /** Headline numbers of the four sections and the JP of each child: what the national page opens with. */
  async overview(scope: AccessScope, ask: DashboardAsk): Promise<OverviewSection> {
    const node = await this.names.visible(scope, ask.node);
    const year = ask.year ?? wibYear(this.clock.now());
    const today = wibDay(this.clock.now());
    // The figures of a node are the same for every caller who may see it; the breadcrumb is not.
    const figures = await this.overviews.getOrCompute(`${node.node}|${year}|${today}`, () =>
      this.readOverview(node.node, year, today),
    );
    return { node, ...figures };
  }

  private async readOverview(node: string, year: number, today: string): Promise<Omit<OverviewSection, 'node'>> {
    const q = this.queries;
    const [jpRows, children, course, overdue, competencies, plans, evaluation, state] = await this.tx.run((m) =>
      Promise.all([
        q.jpRows(m, year, node),
        q.jpChildren(m, year, node),
        q.courseTotals(m, node),
        q.overdueTotal(m, node, today),
        q.competencyRows(m, node, null),
        q.planRows(m, year, node),
        q.evaluationRow(m, year, node),
        m.findOneBy(MonState, { id: ROLLUP_STATE_ID }),
      ]),
    );
    const names = await this.names.children(children);
    const coverage = competencies.reduce((s, r) => ({ required: s.required + r.required, met: s.met + r.met }), {
      required: 0,
      met: 0,
    });
    return {
      year,
      rebuiltAt: state?.rebuiltAt ?? null,
      jp: jpFigures(jpRows.reduce((s, r) => addJp(s, r), NO_JP)),
      completion: completionFigures(course, overdue),
      competency: { ...coverage, share: share(coverage.met, coverage.required), competencies: competencies.length },
      plans: this.planCounts(plans),
      evaluation: evaluationFigures(evaluation),
      children: byPlace(children.map((c) => ({ child: names.get(c.node)!, jp: jpFigures(c) }))),
    };
  }

  async jp(scope: AccessScope, ask: DashboardAsk): Promise<JpSection> {
    const node = await this.names.visible(scope, ask.node);
    const now = this.clock.now();
    const year = ask.year ?? wibYear(now);
    const lastMonth = year === wibYear(now) ? Number(wibDay(now).slice(5, 7)) : 12;
    const range = { from: ask.fromMonth ?? 1, to: ask.toMonth ?? lastMonth };
    if (range.from > range.to) {
      throw validationFailed([{ field: 'fromMonth', rule: 'range', message: 'fromMonth must not come after toMonth' }]);
    }
    const [rows, children, months] = await this.tx.run((m) =>
      Promise.all([
        this.queries.jpRows(m, year, node.node),
        this.queries.jpChildren(m, year, node.node),
        this.queries.jpMonths(m, year, node.node),
      ]),
    );
    const names = await this.names.children(children);
    const totals = jpFigures(rows.reduce((s, r) => addJp(s, r), NO_JP));
    const byType = sumBy(
      rows,
      (r) => r.employeeType,
      (r) => addJp(NO_JP, r),
    );
    const byGrade = sumBy(
      rows,
      (r) => `${r.employeeType}\u0000${r.golongan}`,
      (r) => addJp(NO_JP, r),
    );
    return {
      node,
      year,
      months: range,
      totals,
      byEmployeeType: [...byType]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([employeeType, c]) => ({ employeeType, ...jpFigures(c) })),
      byGolongan: [...byGrade]
        .map(([key, c]) => {
          const [employeeType, golongan] = key.split('\u0000');
          return { employeeType, golongan, ...jpFigures(c) };
        })
        .sort((a, b) => a.employeeType.localeCompare(b.employeeType) || gradeOrder(a.golongan, b.golongan)),
      children: byPlace(children.map((c) => ({ child: names.get(c.node)!, ...jpFigures(c) }))),
      trend: attainmentTrend(months, totals.people, range),
    };
  }

  async completion(scope: AccessScope, ask: DashboardAsk): Promise<CompletionSection> {
    const node = await this.names.visible(scope, ask.node);
    const today = wibDay(this.clock.now());
    const courseId = ask.courseId ?? null;
    const { rows, overdue, children, childOverdue } = await this.tx.run(async (m) => {
      const [rows, overdue, children] = await Promise.all([
        this.queries.courseRows(m, node.node, courseId),
        this.queries.overdueRows(m, node.node, today, courseId),
        courseId ? this.queries.courseChildren(m, node.node, courseId) : Promise.resolve([]),
      ]);
      const childOverdue = courseId
        ? await this.queries.overdueAt(
            m,
            courseId,
            [...new Set(children.map((c) => c.assignmentKey))],
            [...new Set(children.map((c) => c.node))],
            today,
          )
        : new Map<string, number>();
      return { rows, overdue, children, childOverdue };
    });
    const late = new Map(overdue.map((o) => [`${o.courseId}\u0000${o.assignmentKey}`, o.overdue]));
    const titles = await this.catalog.courseTitles([...new Set(rows.map((r) => r.courseId))]);
    const courses = new Map<string, CourseFigures>();
    for (const r of rows) {
      const assignment = {
        assignmentKey: r.assignmentKey,
        ...completionFigures(r, late.get(`${r.courseId}\u0000${r.assignmentKey}`) ?? 0),
      };
      const course = courses.get(r.courseId);
      const assignments = [...(course?.assignments ?? []), assignment];
      courses.set(r.courseId, {
        courseId: r.courseId,
        title: titles.get(r.courseId) ?? '',
        ...sumCompletion(assignments),
        assignments: assignments.sort((a, b) => a.assignmentKey.localeCompare(b.assignmentKey)),
      });
    }
    const list = [...courses.values()].sort((a, b) => b.enrolled - a.enrolled || a.title.localeCompare(b.title));
    const perChild = new Map<string, { requested: number; active: number; completed: number }>();
    for (const c of children) {
      const s = perChild.get(c.node) ?? { requested: 0, active: 0, completed: 0 };
      perChild.set(c.node, {
        requested: s.requested + c.requested,
        active: s.active + c.active,
        completed: s.completed + c.completed,
      });
    }
    const names = await this.names.children(children);
    return {
      node,
      courseId,
      today,
      totals: sumCompletion(list),
      courses: list,
      children: byPlace(
        [...perChild].map(([child, counts]) => ({
          child: names.get(child)!,
          ...completionFigures(counts, childOverdue.get(child) ?? 0),
        })),
      ),
    };
  }

  async competencyCoverage(scope: AccessScope, ask: DashboardAsk): Promise<CompetencySection> {
    const node = await this.names.visible(scope, ask.node);
    const code = ask.competencyCode ?? null;
    const [rows, cells] = await this.tx.run((m) =>
      Promise.all([
        this.queries.competencyRows(m, node.node, code),
        this.queries.competencyChildren(m, node.node, code),
      ]),
    );
    const summaries = await this.competencies.summaries([...new Set(rows.map((r) => r.code))]);
    const nameOf = new Map(summaries.map((s) => [s.code, s.name]));
    const figures = (r: Pick<CompetencyRow, 'required' | 'met'>) => ({
      required: r.required,
      met: r.met,
      notMet: r.required - r.met,
      share: share(r.met, r.required),
    });
    const competencies = rows
      .map((r) => ({ code: r.code, name: nameOf.get(r.code) ?? r.code, ...figures(r) }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const names = await this.names.children(cells);
    const byChild = new Map<string, Record<string, ReturnType<typeof figures>>>();
    for (const c of cells) byChild.set(c.node, { ...(byChild.get(c.node) ?? {}), [c.code]: figures(c) });
    return {
      node,
      competencyCode: code,
      totals: figures(
        rows.reduce((s, r) => ({ required: s.required + r.required, met: s.met + r.met }), { required: 0, met: 0 }),
      ),
      competencies,
      heatmap: {
        columns: competencies.map((c) => c.code),
        rows: byPlace([...byChild].map(([child, cellsOf]) => ({ child: names.get(child)!, cells: cellsOf }))),
      },
    };
  }

  async plans(scope: AccessScope, ask: DashboardAsk): Promise<PlanSection> {
    const node = await this.names.visible(scope, ask.node);
    const year = ask.year ?? wibYear(this.clock.now());
    const [rows, children, evaluation] = await this.tx.run((m) =>
      Promise.all([
        this.queries.planRows(m, year, node.node),
        this.queries.planChildren(m, year, node.node),
        this.queries.evaluationRow(m, year, node.node),
      ]),
    );
    const names = await this.names.children(children);
    const perChild = new Map<string, Map<string, number>>();
    for (const c of children) perChild.set(c.node, (perChild.get(c.node) ?? new Map()).set(c.status, c.plans));
    return {
      node,
      year,
      plans: this.planCounts(rows),
      evaluation: evaluationFigures(evaluation),
      children: byPlace(
        [...perChild].map(([child, statuses]) => ({ child: names.get(child)!, ...this.planCounts(statuses) })),
      ),
    };
  }

  private planCounts(byStatus: Map<string, number>) {
    const statuses = PLAN_STATUS_ORDER.map((status) => ({ status, plans: byStatus.get(status) ?? 0 }));
    return { total: statuses.reduce((s, r) => s + r.plans, 0), statuses };
  }
}

function sumCompletion(rows: ReturnType<typeof completionFigures>[]) {
  const s = rows.reduce(
    (acc, r) => ({
      requested: acc.requested + r.requested,
      active: acc.active + r.active,
      completed: acc.completed + r.completed,
      overdue: acc.overdue + r.overdue,
    }),
    { requested: 0, active: 0, completed: 0, overdue: 0 },
  );
  return completionFigures(s, s.overdue);
}

function evaluationFigures(e: Awaited<ReturnType<DashboardQueries['evaluationRow']>>) {
  return {
    l1Average: averageOfHundredths(e.l1Sum, e.l1Count),
    l1Count: e.l1Count,
    l2AverageGain: averageOfHundredths(e.l2GainSum, e.l2Count),
    l2Count: e.l2Count,
    l3Applied: e.l3Applied,
    l3Answered: e.l3Answered,
    l3AppliedShare: share(e.l3Applied, e.l3Answered),
  };
}
