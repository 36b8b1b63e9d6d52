import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser, Roles } from '../../../libs/auth';
import { PLAN_STATUSES, PlanStatus } from '../development-plans/plans/entities';
import { PlanListQuery } from '../development-plans/plans/dto/plan.dto';
import { PlansService } from '../development-plans/plans/plans.service';
import { formatters } from './format';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const PAGE_SIZE = 20;

/**
 * Lists of plans to act on: a supervisor's staff (/rencana/tinjauan, awaiting review by
 * default) and a unit admin's region (/admin/rencana, awaiting approval by default), each
 * filterable by status. Only plans in the caller's scope are listed.
 */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class PlanListPagesController {
  constructor(private readonly plans: PlansService) {}

  @Get('rencana/tinjauan')
  @Authenticated()
  async reviews(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const state = listState(req, 'submitted');
    const page = await this.plans.reviews(user, query(state));
    await this.show(user, req, reply, 'reviews', '/rencana/tinjauan', state, page);
  }

  @Get('admin/rencana')
  @Roles('unit_admin', 'national_admin')
  async admin(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const state = listState(req, 'endorsed');
    const page = await this.plans.list(user, query(state));
    await this.show(user, req, reply, 'admin', '/admin/rencana', state, page);
  }

  private async show(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    kind: 'reviews' | 'admin',
    base: string,
    state: ListState,
    page: Awaited<ReturnType<PlansService['list']>>,
  ) {
    const ctx = pageContext(req, reply, user);
    await render(reply, 'plans/list.eta', {
      ...ctx,
      title: ctx.t(kind === 'reviews' ? 'plans.list.reviews' : 'plans.list.admin'),
      fmt: formatters(ctx.locale),
      kind,
      base,
      state,
      statuses: PLAN_STATUSES,
      page,
      pageUrl: (n: number) => urlOf(base, { ...state, page: n }),
    });
  }
}

interface ListState {
  /** 'all' shows every status. */
  status: PlanStatus | 'all';
  page: number;
}

function listState(req: FastifyRequest, fallback: PlanStatus): ListState {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const status =
    q.status === 'all' ? 'all' : PLAN_STATUSES.includes(q.status as PlanStatus) ? (q.status as PlanStatus) : fallback;
  const n = Math.floor(Number(q.page));
  return { status, page: Number.isFinite(n) && n >= 1 && n <= 100000 ? n : 1 };
}

function query(state: ListState): PlanListQuery {
  return Object.assign(new PlanListQuery(), {
    page: state.page,
    pageSize: PAGE_SIZE,
    ...(state.status === 'all' ? {} : { status: state.status }),
  });
}

function urlOf(base: string, state: ListState): string {
  const params = new URLSearchParams({ status: state.status });
  if (state.page > 1) params.set('page', String(state.page));
  return `${base}?${params.toString()}`;
}
