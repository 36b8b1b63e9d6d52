import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { DomainException, UuidParam } from '../../../libs/common';
import { AgencyNeedsService } from '../development-plans/needs/analysis/agency-needs.service';
import { NeedsRunsService } from '../development-plans/needs/analysis/needs-runs.service';
import { NeedsError } from '../development-plans/needs/needs.errors';
import { formatters } from './format';
import { formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { populationFromForm } from './needs-population-form';
import { OrganisationApi } from '../organisation/organisation.api';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const BASE = '/admin/analisis-kebutuhan';

/** The unit admin's needs analysis: start a run, follow it, read the agency view and export it. */
@ApiExcludeController()
@Controller('admin/analisis-kebutuhan')
@UseFilters(PageExceptionFilter)
export class NeedsAdminPagesController {
  constructor(
    private readonly runs: NeedsRunsService,
    private readonly agency: AgencyNeedsService,
    private readonly organisation: OrganisationApi,
  ) {}

  @Get()
  @Roles(...ADMINS)
  async index(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.indexPage(user, req, reply, { regionCode: '', unitCode: '' }, null);
  }

  @Post('proses')
  @Roles(...ADMINS)
  async start(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const values = { regionCode: formText(body, 'regionCode', 20), unitCode: formText(body, 'unitCode', 40) };
    try {
      const ask = await populationFromForm(this.organisation, user, values);
      const run = await this.runs.start(user, scopeOf(user), ask);
      await seeOther(reply, `${BASE}/proses/${run.id}`);
    } catch (err) {
      const problems = formProblems(err);
      const ctx = pageContext(req, reply, user);
      if (err instanceof DomainException && err.code === NeedsError.NEEDS_RUN_IN_PROGRESS.code) {
        problems.message = ctx.t('needs.run.busy');
      }
      await this.indexPage(user, req, reply, values, problems, err instanceof DomainException ? 422 : 400);
    }
  }

  /** Looks again by itself every few seconds (no script) while the run is going. */
  @Get('proses/:id')
  @Roles(...ADMINS)
  async run(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    const run = await this.runs.get(scopeOf(user), id);
    const working = run.status === 'queued' || run.status === 'running';
    await render(reply, 'needs/run.eta', {
      ...ctx,
      title: ctx.t('needs.run.title'),
      fmt: formatters(ctx.locale),
      run,
      agencyUrl: `${BASE}/kebutuhan?regionCode=${encodeURIComponent(run.regionCode)}${run.unitId ? `&unitId=${run.unitId}` : ''}`,
      refreshSeconds: working ? 2 : null,
    });
  }

  /** The agency view: ranked needs of the population and of each unit, with CSV/XLSX links. */
  @Get('kebutuhan')
  @Roles(...ADMINS)
  async needs(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, user);
    const query = req.query as Record<string, unknown>;
    const values = {
      regionCode: typeof query.regionCode === 'string' ? query.regionCode.slice(0, 20) : '',
      unitCode: typeof query.unitCode === 'string' ? query.unitCode.slice(0, 40) : '',
      unitId: typeof query.unitId === 'string' ? query.unitId.slice(0, 36) : '',
    };
    let view: Awaited<ReturnType<AgencyNeedsService['view']>>;
    try {
      view = await this.agency.view(scopeOf(user), await populationFromForm(this.organisation, user, values));
    } catch (err) {
      // Nothing chosen yet (a national admin's first visit) is a form to fill, not an error;
      // a mistyped region or unit is a problem beside the form. Outside the scope stays 404.
      if (!(err instanceof DomainException) || !err.details?.fields?.length) throw err;
      const nothingAsked = !values.regionCode && !values.unitCode && !values.unitId;
      const problems = nothingAsked ? null : formProblems(err);
      await render(
        reply,
        'needs/agency.eta',
        { ...ctx, title: ctx.t('needs.agency.title'), view: null, values, problems },
        problems ? 422 : 200,
      );
      return;
    }
    const params = new URLSearchParams({ regionCode: view.population.regionCode });
    if (view.population.unitId) params.set('unitId', view.population.unitId);
    await render(reply, 'needs/agency.eta', {
      ...ctx,
      title: ctx.t('needs.agency.title'),
      fmt: formatters(ctx.locale),
      view,
      csvUrl: `/api/development-plans/needs/agency.csv?${params}`,
      xlsxUrl: `/api/development-plans/needs/agency.xlsx?${params}`,
    });
  }

  private async indexPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    values: { regionCode: string; unitCode: string },
    problems: { message: string; fields: unknown[] } | null,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const page = await this.runs.list(scopeOf(user), { page: 1, pageSize: 20 });
    await render(
      reply,
      'needs/admin.eta',
      { ...ctx, title: ctx.t('needs.admin.title'), fmt: formatters(ctx.locale), page, values, problems },
      status,
    );
  }
}
