import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { Clock, DomainException, flattenValidationErrors, validationFailed } from '../../../libs/common';
import { readUploadedFile } from '../../../libs/content';
import { CompetenciesApi } from '../competencies/competencies.api';
import { COMPLAINT_FILE_MAX_BYTES } from '../development-plans/needs-signals/complaints/complaints.controller';
import { ComplaintThemesService } from '../development-plans/needs-signals/complaints/complaint-themes.service';
import { ComplaintsService } from '../development-plans/needs-signals/complaints/complaints.service';
import { periodOf, shiftPeriod } from '../development-plans/needs-signals/domain/complaint-trend';
import { parseCodes } from '../development-plans/needs-signals/domain/theme-mapping';
import { MapThemeDto, RecordComplaintDto } from '../development-plans/needs-signals/dto/complaint.dto';
import { SignalsError } from '../development-plans/needs-signals/needs-signals.errors';
import { OrganisationApi } from '../organisation/organisation.api';
import { sparkline } from './complaint-trend-chart';
import { formatters } from './format';
import { doneFlag, formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const RECORD_FIELDS = ['unitCode', 'serviceArea', 'theme', 'period', 'count'];
type Problems = ReturnType<typeof formProblems> | null;

/** Public complaint counts per unit with their six-month trend, the import, and the theme mappings. */
@ApiExcludeController()
@Controller('admin/pengaduan')
@UseFilters(PageExceptionFilter)
export class ComplaintPagesController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly themes: ComplaintThemesService,
    private readonly organisation: OrganisationApi,
    private readonly competencies: CompetenciesApi,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...ADMINS)
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('page') page?: string,
  ) {
    await this.trendsPage(user, req, reply, {}, null, 200, Number(page) || 1);
  }

  @Post()
  @Roles(...ADMINS)
  async record(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const values = Object.fromEntries(RECORD_FIELDS.map((f) => [f, formText(body, f, 120)]));
    try {
      const [unit] = values.unitCode ? await this.organisation.unitsByCodes([values.unitCode]) : [];
      if (!unit)
        throw validationFailed([
          { field: 'unitCode', rule: 'exists', message: `${values.unitCode}: no unit in your region` },
        ]);
      const dto = plainToInstance(RecordComplaintDto, {
        unitId: unit.id,
        serviceArea: values.serviceArea,
        theme: values.theme,
        period: values.period,
        count: values.count,
      });
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) throw validationFailed(flattenValidationErrors(errors));
      await this.complaints.record(user, scopeOf(user), dto);
      await seeOther(reply, '/admin/pengaduan?ok=recorded');
    } catch (err) {
      const unknownUnit = err instanceof DomainException && err.error === SignalsError.SIGNALS_UNIT_NOT_FOUND;
      const problems = unknownUnit
        ? {
            message: err.message,
            fields: [{ field: 'unitCode', rule: 'exists', message: `${values.unitCode}: no unit in your region` }],
          }
        : formProblems(err);
      await this.trendsPage(user, req, reply, values, problems, 422);
    }
  }

  /** Multipart (the file); the CSRF token travels in the action URL. */
  @Post('impor')
  @Roles(...ADMINS)
  async import(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      const upload = await readUploadedFile(req, { maxBytes: COMPLAINT_FILE_MAX_BYTES });
      const result = await this.complaints.import(user, scopeOf(user), upload.content);
      await seeOther(reply, `/admin/pengaduan?ok=imported&n=${result.imported}&r=${result.replaced}`);
    } catch (err) {
      await this.trendsPage(user, req, reply, {}, formProblems(err), 422);
    }
  }

  @Get('tema')
  @Roles(...ADMINS)
  async themesPage(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.mappingPage(user, req, reply, {}, [], null);
  }

  @Post('tema')
  @Roles(...ADMINS)
  async map(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const theme = formText(body, 'theme', 120);
    const raw = (body as Record<string, unknown> | undefined)?.competencyCodes;
    const ticked = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((c) => String(c).slice(0, 20));
    // General competencies are ticked; technical ones (the dictionary may hold hundreds) are typed by code.
    const codes = [...new Set([...ticked, ...parseCodes(formText(body, 'otherCodes', 200))])].slice(0, 20);
    try {
      const dto = plainToInstance(MapThemeDto, { theme, competencyCodes: codes });
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) throw validationFailed(flattenValidationErrors(errors));
      await this.themes.map(user, scopeOf(user), dto);
      await seeOther(reply, '/admin/pengaduan/tema?ok=mapped');
    } catch (err) {
      await this.mappingPage(user, req, reply, { theme }, codes, formProblems(err), 422);
    }
  }

  private async trendsPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: Problems,
    status = 200,
    page = 1,
  ) {
    const ctx = pageContext(req, reply, user);
    const trends = await this.complaints.trends(scopeOf(user), {
      page: Math.max(1, Math.min(page, 100000)),
      pageSize: 10,
    });
    const query = req.query as Record<string, string | undefined>;
    const done = doneFlag(req);
    const notice =
      problems || !done
        ? null
        : done === 'imported'
          ? ctx.t('signals.c.imported', { imported: Number(query.n) || 0, replaced: Number(query.r) || 0 })
          : ctx.t('signals.c.recorded');
    const lastMonth = shiftPeriod(periodOf(this.clock.now()), -1);
    await render(
      reply,
      'needs-signals/complaints.eta',
      {
        ...ctx,
        title: ctx.t('signals.c.title'),
        fmt: formatters(ctx.locale),
        page: trends,
        pageUrl: (n: number) => `/admin/pengaduan?page=${n}`,
        chart: sparkline,
        values: { period: lastMonth, ...values },
        notice,
        problems,
      },
      status,
    );
  }

  private async mappingPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    codes: string[],
    problems: Problems,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const [mappings, dictionary] = await Promise.all([this.themes.visible(scopeOf(user)), this.competencies.all()]);
    const names = new Map(dictionary.map((c) => [c.code, c.name]));
    const general = new Set(dictionary.filter((c) => c.pillar !== 'teknis').map((c) => c.code));
    await render(
      reply,
      'needs-signals/themes.eta',
      {
        ...ctx,
        title: ctx.t('signals.c.themes'),
        mappings,
        names,
        general: dictionary.filter((c) => general.has(c.code)),
        otherCodes: codes
          .map((c) => c.toUpperCase())
          .filter((c) => !general.has(c))
          .join(', '),
        values,
        checked: new Set(codes.map((c) => c.toUpperCase())),
        notice: !problems && doneFlag(req) === 'mapped' ? ctx.t('signals.c.mapped') : null,
        problems,
      },
      status,
    );
  }
}
