import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { FieldProblem, UuidParam } from '../../../libs/common';
import { CatalogApi } from '../catalog/catalog.api';
import { IdentityApi } from '../identity/identity.api';
import { ACTIVITY_STATUSES, ActivityStatus } from '../learning/entities';
import { EnrolmentsService } from '../learning/enrolment/enrolments.service';
import { ExternalActivitiesService } from '../learning/external/external-activities.service';
import { formatters } from './format';
import { doneFlag, formText, seeOther } from './page-actions';
import { PageContext, pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const NOTICES = {
  verified: 'admin.verify.verified',
  rejected: 'admin.verify.rejected',
  approved: 'admin.requests.approved',
  declined: 'admin.requests.rejected',
} as const;

/** Unit admins verify external activities and decide enrolment requests of their region. */
@ApiExcludeController()
@Controller('admin')
@UseFilters(PageExceptionFilter)
export class ReviewPagesController {
  constructor(
    private readonly activities: ExternalActivitiesService,
    private readonly enrolments: EnrolmentsService,
    private readonly identity: IdentityApi,
    private readonly catalog: CatalogApi,
  ) {}

  @Get('verifikasi')
  @Roles(...ADMINS)
  async verification(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('status') status?: string,
  ) {
    await this.verificationPage(user, req, reply, statusOf(status), null);
  }

  @Post('verifikasi/:id/setujui')
  @Roles(...ADMINS)
  async verify(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    await this.activities.verify(user, scopeOf(user), id);
    await seeOther(reply, '/admin/verifikasi?ok=verified');
  }

  @Post('verifikasi/:id/tolak')
  @Roles(...ADMINS)
  async reject(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const reason = formText(body, 'reason', 500);
    if (reason.length < 5) {
      const problem = { field: 'reason', rule: 'minLength', message: 'give a reason of at least 5 characters' };
      return this.verificationPage(user, req, reply, 'submitted', { id, fields: [problem] }, 422);
    }
    await this.activities.reject(user, scopeOf(user), id, reason);
    await seeOther(reply, '/admin/verifikasi?ok=rejected');
  }

  @Get('permintaan')
  @Roles(...ADMINS)
  async requests(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, user);
    const page = await this.enrolments.requests(scopeOf(user), { page: 1, pageSize: 100 });
    const [people, titles] = await Promise.all([
      this.identity.namesOf(page.items.map((e) => e.userId)),
      this.catalog.versionTitles([...new Set(page.items.map((e) => e.versionId))]),
    ]);
    await render(reply, 'admin/requests.eta', {
      ...ctx,
      title: ctx.t('admin.requests.title'),
      fmt: formatters(ctx.locale),
      requests: page.items,
      people,
      titles,
      notice: this.notice(ctx, req),
    });
  }

  @Post('permintaan/:id/setujui')
  @Roles(...ADMINS)
  async approve(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    await this.enrolments.decide(user, id, true);
    await seeOther(reply, '/admin/permintaan?ok=approved');
  }

  @Post('permintaan/:id/tolak')
  @Roles(...ADMINS)
  async decline(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    await this.enrolments.decide(user, id, false);
    await seeOther(reply, '/admin/permintaan?ok=declined');
  }

  private async verificationPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    status: ActivityStatus,
    problem: { id: string; fields: FieldProblem[] } | null,
    code = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const page = await this.activities.forReview(scopeOf(user), Object.assign(new ReviewQuery(), { status }));
    const people = await this.identity.namesOf(page.items.map((a) => a.userId));
    await render(
      reply,
      'admin/verification.eta',
      {
        ...ctx,
        title: ctx.t('admin.verify.title'),
        fmt: formatters(ctx.locale),
        status,
        statuses: ACTIVITY_STATUSES,
        activities: page.items,
        people,
        problem,
        problems: problem ? { message: '', fields: problem.fields } : null,
        notice: this.notice(ctx, req),
      },
      code,
    );
  }

  private notice(ctx: PageContext, req: FastifyRequest): string | null {
    const flag = doneFlag(req) as keyof typeof NOTICES | null;
    return flag && flag in NOTICES ? ctx.t(NOTICES[flag]) : null;
  }
}

class ReviewQuery {
  page = 1;
  pageSize = 100;
  status: ActivityStatus = 'submitted';
}

function statusOf(value: string | undefined): ActivityStatus {
  return ACTIVITY_STATUSES.includes(value as ActivityStatus) ? (value as ActivityStatus) : 'submitted';
}
