import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { CommonError, DomainException, localeOf, UuidParam } from '../../../libs/common';
import { CatalogApi } from '../catalog/catalog.api';
import { CompetenciesApi } from '../competencies/competencies.api';
import { GapService } from '../development-plans/needs/gap.service';
import { LearningApi } from '../learning/learning.api';
import { PlanEditingService } from '../development-plans/plans/editing/plan-editing.service';
import {
  ActivityDto,
  CommentDto,
  GoalDto,
  ReturnDto,
  UpdateActivityDto,
  UpdateGoalDto,
  VersionDto,
} from '../development-plans/plans/dto/plan.dto';
import { PlansService } from '../development-plans/plans/plans.service';
import { PlanWorkflowService } from '../development-plans/plans/workflow/plan-workflow.service';
import { ACTION_SLUGS, formDto, formFields, PlanFormProblem, planFormProblem } from './plan-forms';
import { PlanPageView } from './plan-page-view';
import { seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const GOAL_FIELDS = ['version', 'competencyCode', 'targetLevel', 'priority'] as const;
const ACTIVITY_FIELDS = ['version', 'kind', 'courseId', 'formCode', 'title', 'plannedJp', 'goalId'] as const;

/**
 * The ASN's plan page (/rencana), and the plan page every person in scope opens from a
 * notice or a list (/rencana/<id>): gaps, goals, activities with their status, JP against
 * the target, the edit forms while it is the owner's, the review buttons for whoever acts
 * next, and the audit trail. Every form posts and redirects (no script needed).
 */
@ApiExcludeController()
@Controller('rencana')
@UseFilters(PageExceptionFilter)
export class PlanPagesController {
  constructor(
    private readonly plans: PlansService,
    private readonly editing: PlanEditingService,
    private readonly workflow: PlanWorkflowService,
    gaps: GapService,
    catalog: CatalogApi,
    learning: LearningApi,
    competencies: CompetenciesApi,
  ) {
    this.pages = new PlanPageView(plans, gaps, catalog, learning, competencies);
  }

  private readonly pages: PlanPageView;

  /** The caller's plan of this year, or the page that creates its proposal. */
  @Get()
  @Authenticated()
  async mine(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const plan = await this.plans.mine(user);
    if (plan) return seeOther(reply, `/rencana/${plan.id}`);
    const ctx = pageContext(req, reply, user);
    const year = this.plans.currentYear();
    await render(reply, 'plans/start.eta', { ...ctx, title: ctx.t('plans.title', { year }), year });
  }

  @Post()
  @Authenticated()
  async open(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply) {
    const { plan, created } = await this.plans.open(user);
    await seeOther(reply, `/rencana/${plan.id}${created ? '?ok=created' : ''}`);
  }

  @Get(':id')
  @Authenticated()
  async show(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.pages.render(user, id, req, reply, null);
  }

  @Post(':id/tujuan')
  @Authenticated()
  async addGoal(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const fields = formFields(body, GOAL_FIELDS);
    await this.attempt(user, id, req, reply, 'goal-add', fields, async () =>
      this.editing.addGoal(user, id, await formDto(GoalDto, fields)),
    );
  }

  @Post(':id/tujuan/:goalId')
  @Authenticated()
  async updateGoal(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('goalId', UuidParam) goalId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const fields = formFields(body, ['version', 'targetLevel', 'priority']);
    await this.attempt(user, id, req, reply, `goal-${goalId}`, fields, async () =>
      this.editing.updateGoal(user, id, goalId, await formDto(UpdateGoalDto, fields)),
    );
  }

  @Post(':id/tujuan/:goalId/hapus')
  @Authenticated()
  async removeGoal(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('goalId', UuidParam) goalId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const fields = formFields(body, ['version']);
    await this.attempt(user, id, req, reply, `goal-${goalId}`, fields, async () =>
      this.editing.removeGoal(user, id, goalId, (await formDto(VersionDto, fields)).version),
    );
  }

  @Post(':id/kegiatan')
  @Authenticated()
  async addActivity(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const fields = formFields(body, ACTIVITY_FIELDS);
    const form = fields.kind === 'course' ? 'course-add' : 'form-add';
    await this.attempt(user, id, req, reply, form, fields, async () =>
      this.editing.addActivity(user, id, await formDto(ActivityDto, fields)),
    );
  }

  @Post(':id/kegiatan/:activityId')
  @Authenticated()
  async updateActivity(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('activityId', UuidParam) activityId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const fields = formFields(body, ['version', 'title', 'plannedJp', 'goalId']);
    const goalChosen = typeof (body as Record<string, unknown>)?.goalId === 'string';
    await this.attempt(user, id, req, reply, `activity-${activityId}`, fields, async () => {
      const dto = await formDto(UpdateActivityDto, fields);
      // "No goal" in the select is an empty value: it unlinks the activity.
      if (goalChosen && !fields.goalId) dto.goalId = null;
      return this.editing.updateActivity(user, id, activityId, dto);
    });
  }

  @Post(':id/kegiatan/:activityId/hapus')
  @Authenticated()
  async removeActivity(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('activityId', UuidParam) activityId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const fields = formFields(body, ['version']);
    await this.attempt(user, id, req, reply, `activity-${activityId}`, fields, async () =>
      this.editing.removeActivity(user, id, activityId, (await formDto(VersionDto, fields)).version),
    );
  }

  /** Submit, endorse, return, approve, close: /rencana/<id>/ajukan, …/rekomendasikan, …/kembalikan, …/setujui, …/tutup. */
  @Post(':id/:step')
  @Authenticated()
  async step(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('step') step: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const action = ACTION_SLUGS[step];
    if (!action) throw new DomainException(CommonError.NOT_FOUND, 'No such page');
    const fields = formFields(body, ['version', 'comment']);
    await this.attempt(
      user,
      id,
      req,
      reply,
      `step-${action}`,
      fields,
      async () => {
        const dto = await formDto(action === 'return' ? ReturnDto : CommentDto, fields);
        return this.workflow.act(user, id, action, dto.version, dto.comment);
      },
      action,
    );
  }

  /** Runs one form's change; on success back to the plan with a notice, else the plan with the problem beside the form. */
  private async attempt(
    user: AuthUser,
    planId: string,
    req: FastifyRequest,
    reply: FastifyReply,
    form: string,
    values: Record<string, string>,
    work: () => Promise<unknown>,
    done = 'saved',
  ) {
    let problem: PlanFormProblem;
    try {
      await work();
      return seeOther(reply, `/rencana/${planId}?ok=${done}`);
    } catch (err) {
      problem = planFormProblem(err, localeOf(req.cookies), form, values);
    }
    await this.pages.render(user, planId, req, reply, problem);
  }
}
