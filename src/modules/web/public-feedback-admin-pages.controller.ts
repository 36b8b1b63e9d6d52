import { Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { AppConfig, APP_CONFIG } from '../../../libs/config';
import { flattenValidationErrors, validationFailed } from '../../../libs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PERIOD_KINDS } from '../development-plans/public-feedback/domain/survey-period';
import { IkmSettingsDto } from '../development-plans/public-feedback/dto/ikm-settings.dto';
import { FormError, formError } from './certificate-form-errors';
import { IKM_ELEMENTS } from '../development-plans/public-feedback/domain/ikm';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES } from '../development-plans/public-feedback/domain/respondent';
import { IkmSettingsService } from '../development-plans/public-feedback/ikm-settings.service';
import { IkmReportService } from '../development-plans/public-feedback/report/ikm-report.service';
import { IdentityApi } from '../identity/identity.api';
import { OrganisationApi } from '../organisation/organisation.api';
import { formatters } from './format';
import { ikmChart } from './ikm-chart';
import { ikmFormatters } from './ikm-format';
import { qrPath } from './ikm-qr';
import { doneFlag, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const CODE = /^[A-Za-z0-9._-]{1,40}$/;

/**
 * The IKM for unit and national admins: which units were answered this period, and per
 * unit the index over time beside the development its staff completed, with the QR code to
 * print for the counter. Another region's unit is a 404, like a unit that does not exist.
 */
@ApiExcludeController()
@Controller('admin/ikm')
@UseFilters(PageExceptionFilter)
export class PublicFeedbackAdminPagesController {
  constructor(
    private readonly reports: IkmReportService,
    private readonly settings: IkmSettingsService,
    private readonly identity: IdentityApi,
    private readonly organisation: OrganisationApi,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The entry: this period's units, the admin's own unit, and a unit code to open (its GET comes back here). */
  @Get()
  @Roles(...ADMINS)
  async index(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('unit') unit?: string,
  ) {
    const typed = typeof unit === 'string' ? unit.trim() : '';
    if (CODE.test(typed)) return seeOther(reply, `/admin/ikm/${encodeURIComponent(typed)}`);
    await this.indexPage(user, req, reply, typed, null);
  }

  /** The national admin sets the period length and the minimum fill time for every unit. */
  @Post('pengaturan')
  @Roles('national_admin')
  async saveSettings(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const seconds = formText(req.body, 'minFillSeconds', 10);
    const dto = plainToInstance(IkmSettingsDto, {
      periodKind: formText(req.body, 'periodKind', 20) || undefined,
      minFillSeconds: /^\d+$/.test(seconds) ? Number(seconds) : seconds || undefined,
    });
    try {
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) throw validationFailed(flattenValidationErrors(errors));
      await this.settings.update(dto);
      await seeOther(reply, '/admin/ikm?ok=pengaturan');
    } catch (err) {
      await this.indexPage(
        user,
        req,
        reply,
        '',
        formError(err, () => null),
        400,
      );
    }
  }

  private async indexPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    typed: string,
    problem: FormError | null,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const [current, settings, own] = await Promise.all([
      this.reports.currentPeriod(scopeOf(user)),
      this.settings.get(),
      this.ownUnit(user),
    ]);
    await render(
      reply,
      'public-feedback/admin-index.eta',
      {
        ...ctx,
        title: ctx.t('ikm.title'),
        ikm: ikmFormatters(ctx.locale),
        current,
        settings,
        own,
        typed,
        problem,
        periodKinds: PERIOD_KINDS,
        notice: doneFlag(req) === 'pengaturan' ? ctx.t('ikm.settingsSaved') : null,
      },
      status,
    );
  }

  @Get(':unitCode')
  @Roles(...ADMINS)
  async unit(
    @CurrentUser() user: AuthUser,
    @Param('unitCode') unitCode: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const report = await this.reports.unitReport(scopeOf(user), unitCode);
    const ctx = pageContext(req, reply, user);
    const ikm = ikmFormatters(ctx.locale);
    const chart = ikmChart(
      report.periods.map((p) => ({ label: ikm.period(p.period), value: p.ikm, text: ikm.value(p.ikm) })),
    );
    const surveyUrl = this.surveyUrl(report.unit.code);
    await render(reply, 'public-feedback/admin-unit.eta', {
      ...ctx,
      title: `${ctx.t('ikm.title')}: ${report.unit.name}`,
      fmt: formatters(ctx.locale),
      ikm,
      report,
      chart,
      hasData: report.periods.some((p) => p.responses > 0),
      elements: IKM_ELEMENTS.map((e) => e.code),
      profileOptions: { ageBand: AGE_BANDS, sex: SEXES, education: EDUCATIONS, occupation: OCCUPATIONS },
      surveyUrl,
      qr: qrPath(surveyUrl),
    });
  }

  /** A page to print for the service counter: the QR code large, the address, a line in each language. */
  @Get(':unitCode/cetak')
  @Roles(...ADMINS)
  async poster(
    @CurrentUser() user: AuthUser,
    @Param('unitCode') unitCode: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const unit = await this.reports.unitInScope(scopeOf(user), unitCode);
    const ctx = pageContext(req, reply, user);
    const surveyUrl = this.surveyUrl(unit.code);
    await render(reply, 'public-feedback/poster.eta', {
      ...ctx,
      title: ctx.t('survey.title'),
      unit,
      surveyUrl,
      qr: qrPath(surveyUrl),
    });
  }

  private surveyUrl(code: string): string {
    return `${this.config.publicUrl}/skm/${encodeURIComponent(code)}`;
  }

  private async ownUnit(user: AuthUser) {
    const [facts] = await this.identity.factsOf([user.id]);
    if (!facts?.unitId) return null;
    const [unit] = await this.organisation.unitsByIds([facts.unitId]);
    return unit ?? null;
  }
}
