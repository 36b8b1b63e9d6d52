import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { DomainException, localeOf, UuidParam } from '../../../libs/common';
import { CompetenciesApi } from '../competencies/competencies.api';
import { CreatePairingDto, EndPairingDto, PairingsQuery } from '../development-plans/mentoring/dto/mentoring.dto';
import { PAIRING_STATUSES, PairingStatus } from '../development-plans/mentoring/entities';
import { MentoringError } from '../development-plans/mentoring/mentoring.errors';
import { MentoringPairingsService } from '../development-plans/mentoring/mentoring-pairings.service';
import { formatters } from './format';
import { translator } from './i18n/messages';
import { formValues, validated } from './mentoring-page-forms';
import { doneFlag, formProblems, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const PAGE_SIZE = 20;
const CREATE_FIELDS = { mentorNip: 30, menteeNips: 2000, competencyCode: 20 };

/** The unit admin's mentoring pairs: form new ones, see each pair's sessions and JP, end them. */
@ApiExcludeController()
@Controller('admin/mentoring')
@UseFilters(PageExceptionFilter)
export class MentoringAdminPagesController {
  constructor(
    private readonly pairings: MentoringPairingsService,
    private readonly competencies: CompetenciesApi,
  ) {}

  @Get()
  @Roles(...ADMINS)
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('status') status?: string,
    @Query('halaman') page?: string,
  ) {
    await this.listPage(user, req, reply, listState(status, page), {}, null);
  }

  @Post()
  @Roles(...ADMINS)
  async create(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const values = formValues(body, CREATE_FIELDS);
    try {
      const menteeNips = values.menteeNips
        .split(/[\r\n,;]+/)
        .map((n) => n.trim())
        .filter(Boolean);
      const dto = await validated(CreatePairingDto, { ...values, menteeNips });
      const created = await this.pairings.create(user, scopeOf(user), dto);
      await seeOther(reply, `/admin/mentoring?ok=created-${created.length}`);
    } catch (err) {
      const t = translator(localeOf(req.cookies));
      const problems = formProblems(err);
      if (err instanceof DomainException && err.code === MentoringError.MENTORING_PAIRING_EXISTS.code) {
        problems.message = t('mentoring.admin.exists');
      }
      problems.fields = problems.fields.map((f) =>
        f.rule === 'not_found' ? { ...f, message: t('mentoring.admin.notFound') } : f,
      );
      await this.listPage(user, req, reply, listState(undefined, undefined), values, problems, 422);
    }
  }

  @Get(':id')
  @Roles(...ADMINS)
  async pairing(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.detail(user, id, req, reply, null);
  }

  @Post(':id/akhiri')
  @Roles(...ADMINS)
  async end(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    try {
      const values = formValues(body, { outcome: 10, achievedLevel: 1, note: 500 });
      const dto = await validated(EndPairingDto, values);
      await this.pairings.end(user, scopeOf(user), id, dto);
      await seeOther(reply, `/admin/mentoring/${id}?ok=ended`);
    } catch (err) {
      await this.detail(user, id, req, reply, formProblems(err), 422);
    }
  }

  private async listPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    state: { status: PairingStatus | null; page: number },
    values: Record<string, string>,
    problems: ReturnType<typeof formProblems> | null,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const query = Object.assign(new PairingsQuery(), { page: state.page, pageSize: PAGE_SIZE });
    if (state.status) query.status = state.status;
    const [page, competencies] = await Promise.all([
      this.pairings.regionPage(scopeOf(user), query),
      this.competencies.offered([values.competencyCode]),
    ]);
    const created = /^created-(\d+)$/.exec(doneFlag(req) ?? '');
    const filter = state.status ? `status=${state.status}&` : '';
    await render(
      reply,
      'mentoring/admin.eta',
      {
        ...ctx,
        title: ctx.t('mentoring.admin.title'),
        fmt: formatters(ctx.locale),
        page,
        pageUrl: (n: number) => `/admin/mentoring?${filter}halaman=${n}`,
        statuses: PAIRING_STATUSES,
        status: state.status,
        competencies,
        values,
        problems,
        notice: created ? ctx.t('mentoring.admin.created', { count: created[1] }) : null,
      },
      status,
    );
  }

  private async detail(
    user: AuthUser,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    problems: ReturnType<typeof formProblems> | null,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const pairing = await this.pairings.detail(user, id);
    await render(
      reply,
      'mentoring/pairing.eta',
      {
        ...ctx,
        title: `${pairing.competency.code} ${pairing.competency.name}`,
        fmt: formatters(ctx.locale),
        p: pairing,
        party: false,
        admin: true,
        today: '',
        values: {},
        problems,
        notice: doneFlag(req) === 'ended' ? ctx.t('mentoring.admin.ended') : null,
        back: '/admin/mentoring',
      },
      status,
    );
  }
}

function listState(status: unknown, page: unknown): { status: PairingStatus | null; page: number } {
  const s = (PAIRING_STATUSES as readonly string[]).includes(String(status)) ? (status as PairingStatus) : null;
  const n = Number(page);
  return { status: s, page: Number.isInteger(n) && n >= 1 && n <= 10000 ? n : 1 };
}
