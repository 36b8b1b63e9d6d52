import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { CatalogApi } from '../catalog/catalog.api';
import { PEOPLE_QUERY_KEYS } from '../monitoring/dashboard/domain/people-link';
import { PeopleQueryDto } from '../monitoring/people/dto/people-query.dto';
import { deepestPageByNumber, PeopleService } from '../monitoring/people/people.service';
import { DASHBOARD_TABLE_PARAM_KEYS, ExportKind } from '../monitoring/exports/export-kinds';
import { ExportsService } from '../monitoring/exports/exports.service';
import { formText, seeOther } from './page-actions';
import { formatters } from './format';
import { MessageKey } from './i18n/messages';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { PLAN_STATUSES, PlanStatus } from '../development-plans/plans/entities';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const FILTER_KEYS = PEOPLE_QUERY_KEYS;

/**
 * The people behind a dashboard number (/pemantauan/orang, the same parameters as the API),
 * paginated, with a form that queues the whole list as a CSV or XLSX export.
 */
@ApiExcludeController()
@Controller('pemantauan')
@UseFilters(PageExceptionFilter)
export class MonitoringPeoplePagesController {
  constructor(
    private readonly people: PeopleService,
    private readonly exports: ExportsService,
    private readonly catalog: CatalogApi,
  ) {}

  @Get('orang')
  @Roles(...ADMINS)
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: PeopleQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    const { node, ask, page, next, previous } = await this.people.list(scopeOf(user), query);
    const courseId = ask.family === 'course' ? ask.courseId : null;
    const course = courseId ? ((await this.catalog.courseTitles([courseId])).get(courseId) ?? '') : '';
    // A plan status reads as the dashboard shows it ("Berjalan", not in_progress).
    const planStatus = (status: string) =>
      PLAN_STATUSES.includes(status as PlanStatus) ? ctx.t(`mon.plan.${status}` as MessageKey) : status;
    const heading = ctx.t(`monp.metric.${query.metric}` as MessageKey, {
      year: 'year' in ask ? ask.year : '',
      bucket: query.bucket ?? '',
      course: course ? `"${course}"` : ctx.t('monp.allCourses'),
      competency: query.competencyCode ?? '',
      status: query.status ? planStatus(query.status) : '',
    });
    // The filters exactly as asked, with the node resolved (the default is the top of the scope).
    const filters: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const value = key === 'node' ? node.node : query[key];
      if (value !== undefined && value !== null) filters[key] = String(value);
    }
    const pageUrl = (n: number) => {
      const params = new URLSearchParams(filters);
      if (query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
      params.set('page', String(n));
      return `/pemantauan/orang?${params.toString()}`;
    };
    await render(reply, 'monitoring/people.eta', {
      ...ctx,
      title: ctx.t('monp.title', { name: node.name }),
      heading,
      planStatus,
      fmt: formatters(ctx.locale),
      family: ask.family,
      page,
      exportParams: filters,
      backUrl: `/pemantauan?node=${encodeURIComponent(node.node)}`,
      pageUrl,
      // On and back by the cursors of this page's rows (found by index however deep). Without
      // a next cursor the list has ended, whatever its total says (a rollup catching up): no
      // link on. Without a previous one (an empty page after the last row), back by number,
      // no deeper than a number may reach.
      nextUrl: next ? `${pageUrl(page.page + 1)}&after=${encodeURIComponent(next)}` : null,
      prevUrl: previous
        ? `${pageUrl(page.page - 1)}&before=${encodeURIComponent(previous)}`
        : pageUrl(Math.max(1, Math.min(page.page - 1, deepestPageByNumber(query.pageSize)))),
    });
  }

  /** The export form of a people list or a dashboard table: queues it, then shows the exports. */
  @Post('ekspor')
  @Roles(...ADMINS)
  async export(@CurrentUser() user: AuthUser, @Body() body: unknown, @Res() reply: FastifyReply) {
    const kind = formText(body, 'kind', 30);
    const format = formText(body, 'format', 4);
    const params: Record<string, string> = {};
    for (const key of kind === 'people' ? FILTER_KEYS : DASHBOARD_TABLE_PARAM_KEYS) {
      const value = (body as Record<string, unknown> | undefined)?.[key];
      if (typeof value === 'string') params[key] = value.trim().slice(0, 40);
    }
    await this.exports.create(user, {
      kind: kind as ExportKind,
      format: format === 'csv' ? 'csv' : 'xlsx',
      params,
    });
    await seeOther(reply, '/pemantauan/ekspor?ok=dibuat');
  }
}
