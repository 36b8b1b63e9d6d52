import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { Clock, FieldProblem, validationFailed } from '../../../libs/common';
import { DashboardAsk, DashboardService } from '../monitoring/dashboard/dashboard.service';
import { wibYear } from '../monitoring/dashboard/domain/figures';
import { JP_BUCKETS } from '../monitoring/dashboard/domain/people-link';
import {
  COMPETENCY_CODE_PATTERN,
  MAX_YEAR,
  MIN_YEAR,
  NODE_PATTERN,
} from '../monitoring/dashboard/dto/dashboard-query.dto';
import { PLAN_STATUS_ORDER } from '../monitoring/dashboard/dashboard.view';
import { formatters } from './format';
import { trendChartSvg } from './monitoring-charts';
import {
  DASHBOARD_SECTIONS,
  DashboardSectionName,
  dashboardLink,
  heatLevel,
  monitoringFormat,
  peopleLinker,
} from './monitoring-format';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The monitoring dashboard pages: the caller's region (the nation for a national admin),
 * one section at a time, drilled down by ?node= to a sub-region or unit and back by the
 * breadcrumb. Every number links to the people behind it; charts are inline SVG.
 */
@ApiExcludeController()
@Controller('pemantauan')
@UseFilters(PageExceptionFilter)
export class MonitoringPagesController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('unit_admin', 'national_admin')
  async dashboard(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const query = req.query as Record<string, unknown>;
    const section = (DASHBOARD_SECTIONS as readonly string[]).includes(String(query.bagian))
      ? (query.bagian as DashboardSectionName)
      : 'ringkasan';
    const ask = pageAsk(query);
    const scope = scopeOf(user);
    const year = ask.year ?? wibYear(this.clock.now());
    const data =
      section === 'jp'
        ? await this.dashboards.jp(scope, { ...ask, year })
        : section === 'penyelesaian'
          ? await this.dashboards.completion(scope, ask)
          : section === 'kompetensi'
            ? await this.dashboards.competencyCoverage(scope, ask)
            : section === 'rencana'
              ? await this.dashboards.plans(scope, { ...ask, year })
              : await this.dashboards.overview(scope, { ...ask, year });
    const ctx = pageContext(req, reply, user);
    const fmt = monitoringFormat(ctx.locale);
    const node = data.node.node;
    // Completion and coverage are not per year: their people lists take none.
    const yearOfLinks = section === 'penyelesaian' || section === 'kompetensi' ? undefined : year;
    const trend =
      'trend' in data
        ? trendChartSvg(
            'tren-jp',
            ctx.t('mon.jp.trend'),
            ctx.t('mon.jp.trendDesc', { year }),
            data.trend.map((p) => ({ label: fmt.shortMonth(p.month), share: p.share, display: fmt.percent(p.share) })),
          )
        : '';
    await render(reply, 'monitoring/dashboard.eta', {
      ...ctx,
      title: ctx.t('mon.titleOf', { name: data.node.name }),
      fmt: { ...formatters(ctx.locale), ...fmt },
      section,
      sections: DASHBOARD_SECTIONS,
      data,
      year,
      ask,
      buckets: JP_BUCKETS,
      planStatuses: PLAN_STATUS_ORDER,
      trendSvg: trend,
      heatLevel,
      tableParams: tableParams(node, section, year, ask),
      people: peopleLinker(node, yearOfLinks),
      peopleAt: (child: string, q: Parameters<ReturnType<typeof peopleLinker>>[0]) =>
        peopleLinker(child, yearOfLinks)(q),
      here: (params: {
        node?: string;
        section?: DashboardSectionName;
        courseId?: string | null;
        competencyCode?: string | null;
      }) =>
        dashboardLink({
          node: params.node ?? node,
          section: params.section ?? section,
          year: ask.year,
          courseId: params.courseId === undefined ? ask.courseId : params.courseId,
          competencyCode: params.competencyCode === undefined ? ask.competencyCode : params.competencyCode,
        }),
    });
  }
}

/** The filters an export of one of the page's tables is asked with: what the page shows. */
function tableParams(node: string, section: DashboardSectionName, year: number, ask: DashboardAsk) {
  const params: Record<string, string> = { node };
  if (section !== 'penyelesaian' && section !== 'kompetensi') params.year = String(year);
  if (section === 'jp') {
    if (ask.fromMonth !== undefined) params.fromMonth = String(ask.fromMonth);
    if (ask.toMonth !== undefined) params.toMonth = String(ask.toMonth);
  }
  if (section === 'penyelesaian' && ask.courseId) params.courseId = ask.courseId;
  if (section === 'kompetensi' && ask.competencyCode) params.competencyCode = ask.competencyCode;
  return params;
}

/** The filters of the page's query string; a malformed one is a 400 naming it, like the API. */
function pageAsk(query: Record<string, unknown>): DashboardAsk {
  const problems: FieldProblem[] = [];
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : undefined);
  const int = (name: string, min: number, max: number) => {
    const raw = text(name);
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push({ field: name, rule: 'range', message: `${name} must be a whole number from ${min} to ${max}` });
      return undefined;
    }
    return n;
  };
  const node = text('node');
  if (node !== undefined && !NODE_PATTERN.test(node)) {
    problems.push({ field: 'node', rule: 'matches', message: 'node must be a region code or a unit id' });
  }
  const courseId = text('courseId') || undefined;
  if (courseId && !UUID.test(courseId)) {
    problems.push({ field: 'courseId', rule: 'isUuid', message: 'courseId must be a course id' });
  }
  const competencyCode = text('competencyCode') || undefined;
  if (competencyCode && !COMPETENCY_CODE_PATTERN.test(competencyCode)) {
    problems.push({ field: 'competencyCode', rule: 'matches', message: 'competencyCode must be a code such as M.01' });
  }
  const ask: DashboardAsk = {
    node,
    year: int('year', MIN_YEAR, MAX_YEAR),
    fromMonth: int('fromMonth', 1, 12),
    toMonth: int('toMonth', 1, 12),
    courseId,
    competencyCode,
  };
  if (problems.length) throw validationFailed(problems);
  return ask;
}
