import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import {
  CommonError,
  DomainException,
  flattenValidationErrors,
  localeOf,
  UuidParam,
  validationFailed,
} from '../../../libs/common';
import { CatalogApi } from '../catalog/catalog.api';
import { CertificationError } from '../certification/certification.errors';
import { ReasonDto } from '../certification/dto/certificate.dto';
import { CERTIFICATE_STATUSES, CertificateStatus } from '../certification/entities';
import { CertificateExportsService } from '../certification/exports/certificate-exports.service';
import { CertificatesService } from '../certification/management/certificates.service';
import { LearnerCatalogueService } from '../learning/enrolment/learner-catalogue.service';
import { FormError, formError } from './certificate-form-errors';
import { formatters } from './format';
import { translator } from './i18n/messages';
import { doneFlag, formText, seeOther } from './page-actions';
import { PageContext, pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { coursePicker } from './course-picker';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const PAGE_SIZE = 20;
const NOTICES = { revoked: 'certs.admin.revoked', reissued: 'certs.admin.reissued' } as const;
type Action = 'revoke' | 'reissue';

/** Where a list was: its filter and page survive a form post and its redirect. */
interface ListState {
  status: CertificateStatus | null;
  page: number;
}

/**
 * A course's certificates for the unit and national admins (only those in the admin's
 * region), with revocation and re-issue, and the bulk ZIP built by a job.
 */
@ApiExcludeController()
@Controller('admin/sertifikat')
@UseFilters(PageExceptionFilter)
export class CertificateAdminPagesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly exports: CertificateExportsService,
    private readonly catalogue: LearnerCatalogueService,
    private readonly catalog: CatalogApi,
  ) {}

  /** The entry point: pick a course (the picker's GET comes back here and goes on). */
  @Get()
  @Roles(...ADMINS)
  async pick(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('courseId') courseId?: string,
  ) {
    if (courseId && UUID.test(courseId)) return seeOther(reply, `/admin/sertifikat/kursus/${courseId}`);
    const ctx = pageContext(req, reply, user);
    const picker = await coursePicker(this.catalogue, user, (req.query as Record<string, unknown>).cari);
    await render(reply, 'certificates/admin-pick.eta', {
      ...ctx,
      title: ctx.t('certs.admin.title'),
      fmt: formatters(ctx.locale),
      courses: picker.courses,
      picker,
      action: '/admin/sertifikat',
    });
  }

  @Get('kursus/:courseId')
  @Roles(...ADMINS)
  async course(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const query = req.query as Record<string, unknown>;
    await this.coursePage(user, req, reply, courseId, listState(query.status, query.page), null);
  }

  @Post(':id/cabut')
  @Roles(...ADMINS)
  async revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.act(user, id, 'revoke', body, req, reply);
  }

  @Post(':id/terbitkan-ulang')
  @Roles(...ADMINS)
  async reissue(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.act(user, id, 'reissue', body, req, reply);
  }

  @Post('kursus/:courseId/ekspor')
  @Roles(...ADMINS)
  async requestExport(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Res() reply: FastifyReply,
  ) {
    await this.courseTitle(courseId);
    const created = await this.exports.request(user, scopeOf(user), courseId);
    await seeOther(reply, `/admin/sertifikat/ekspor/${created.id}`);
  }

  /** Looks again by itself every few seconds (no script) until the ZIP is ready. */
  @Get('ekspor/:id')
  @Roles(...ADMINS)
  async exportPage(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    const view = await this.exports.get(user, id);
    const titles = await this.catalog.courseTitles([view.courseId]);
    const working = view.status === 'queued' || view.status === 'running';
    await render(reply, 'certificates/admin-export.eta', {
      ...ctx,
      title: ctx.t('certs.export.title'),
      fmt: formatters(ctx.locale),
      view,
      course: titles.get(view.courseId) ?? '',
      refreshSeconds: working ? 2 : null,
    });
  }

  /** Revoke or re-issue: the reason follows the API's rules; a problem shows beside the form's field. */
  private async act(
    user: AuthUser,
    id: string,
    action: Action,
    body: unknown,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    const scope = scopeOf(user);
    const certificate = await this.certificates.get(scope, id);
    const state = listState(formText(body, 'status', 10), formText(body, 'page', 6));
    const reason = formText(body, 'reason', 600);
    try {
      const dto = plainToInstance(ReasonDto, { reason });
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) throw validationFailed(flattenValidationErrors(errors));
      if (action === 'revoke') await this.certificates.revoke(user, scope, id, dto.reason);
      else await this.certificates.reissue(user, scope, id, dto.reason);
      const flag = action === 'revoke' ? 'revoked' : 'reissued';
      await seeOther(
        reply,
        `${listUrl(certificate.courseId, state)}${state.status || state.page > 1 ? '&' : '?'}ok=${flag}`,
      );
    } catch (err) {
      const t = translator(localeOf(req.cookies));
      const problem = formError(err, (p) => (p.field === 'reason' ? t('certs.admin.reasonRule') : null));
      if (err instanceof DomainException && err.code === CertificationError.ALREADY_REVOKED.code) {
        problem.message = t('certs.admin.alreadyDone');
      }
      await this.coursePage(user, req, reply, certificate.courseId, state, { id, action, reason, ...problem });
    }
  }

  private async coursePage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    courseId: string,
    state: ListState,
    problem: (FormError & { id: string; action: Action; reason: string }) | null,
  ) {
    const ctx = pageContext(req, reply, user);
    const course = await this.courseTitle(courseId);
    const page = await this.certificates.forCourse(scopeOf(user), courseId, {
      page: state.page,
      pageSize: PAGE_SIZE,
      ...(state.status ? { status: state.status } : {}),
    });
    await render(
      reply,
      'certificates/admin-course.eta',
      {
        ...ctx,
        title: ctx.t('certs.admin.courseTitle', { course }),
        fmt: formatters(ctx.locale),
        course,
        courseId,
        state,
        statuses: CERTIFICATE_STATUSES,
        page,
        pageUrl: (n: number) => listUrl(courseId, { ...state, page: n }),
        problem,
        // The top summary links to the one textarea that needs fixing.
        inputId: () => (problem ? `alasan-${problem.action}-${problem.id}` : ''),
        notice: this.notice(ctx, req),
      },
      problem?.statusCode ?? 200,
    );
  }

  private async courseTitle(courseId: string): Promise<string> {
    const title = (await this.catalog.courseTitles([courseId])).get(courseId);
    if (!title) throw new DomainException(CommonError.NOT_FOUND, 'No such course');
    return title;
  }

  private notice(ctx: PageContext, req: FastifyRequest): string | null {
    const flag = doneFlag(req) as keyof typeof NOTICES | null;
    return flag && flag in NOTICES ? ctx.t(NOTICES[flag]) : null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function listState(status: unknown, page: unknown): ListState {
  const s = CERTIFICATE_STATUSES.includes(status as CertificateStatus) ? (status as CertificateStatus) : null;
  const n = Math.floor(Number(page));
  return { status: s, page: Number.isFinite(n) && n >= 1 && n <= 100000 ? n : 1 };
}

function listUrl(courseId: string, state: ListState): string {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return `/admin/sertifikat/kursus/${courseId}${query ? `?${query}` : ''}`;
}
