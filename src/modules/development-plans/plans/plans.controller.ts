import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../../libs/auth';
import { DomainException, UuidParam } from '../../../../libs/common';
import { PlanEditingService } from './editing/plan-editing.service';
import {
  ActivityDto,
  CommentDto,
  GoalDto,
  MyPlanQuery,
  OpenPlanDto,
  PlanListQuery,
  ReturnDto,
  UpdateActivityDto,
  UpdateGoalDto,
  VersionDto,
} from './dto/plan.dto';
import { PlansError } from './plans.errors';
import { PlansService } from './plans.service';
import { PlanWorkflowService } from './workflow/plan-workflow.service';

/**
 * Individual development plans (Rencana Pengembangan Kompetensi). Who may do what follows
 * from what the caller is to the plan (owner, supervisor, unit admin in scope); a plan
 * outside the caller's scope is a 404.
 */
@ApiTags('development-plans')
@ApiBearerAuth()
@Controller('api/development-plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly editing: PlanEditingService,
    private readonly workflow: PlanWorkflowService,
  ) {}

  /** Opens the caller's plan of a year: a proposed draft from their gaps the first time (201), else the plan (200). */
  @Post('me')
  @Authenticated()
  async open(@CurrentUser() user: AuthUser, @Body() dto: OpenPlanDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { plan, created } = await this.plans.open(user, dto.year);
    void reply.status(created ? 201 : 200);
    return plan;
  }

  @Get('me')
  @Authenticated()
  async mine(@CurrentUser() user: AuthUser, @Query() query: MyPlanQuery) {
    const plan = await this.plans.mine(user, query.year);
    if (!plan) throw new DomainException(PlansError.PLAN_NOT_FOUND, 'You have no plan for that year yet');
    return plan;
  }

  /** Plans in scope: a unit admin's region, everything for a national admin, else own and reviewed. */
  @Get()
  @Authenticated()
  list(@CurrentUser() user: AuthUser, @Query() query: PlanListQuery) {
    return this.plans.list(user, query);
  }

  /** Plans of the caller's staff (they are the reviewer). */
  @Get('reviews')
  @Authenticated()
  reviews(@CurrentUser() user: AuthUser, @Query() query: PlanListQuery) {
    return this.plans.reviews(user, query);
  }

  @Get(':id')
  @Authenticated()
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.plans.get(user, id);
  }

  @Post(':id/goals')
  @Authenticated()
  addGoal(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: GoalDto) {
    return this.editing.addGoal(user, id, dto);
  }

  @Put(':id/goals/:goalId')
  @Authenticated()
  updateGoal(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('goalId', UuidParam) goalId: string,
    @Body() dto: UpdateGoalDto,
  ) {
    return this.editing.updateGoal(user, id, goalId, dto);
  }

  @Delete(':id/goals/:goalId')
  @Authenticated()
  removeGoal(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('goalId', UuidParam) goalId: string,
    @Query() query: VersionDto,
  ) {
    return this.editing.removeGoal(user, id, goalId, query.version);
  }

  @Post(':id/activities')
  @Authenticated()
  addActivity(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: ActivityDto) {
    return this.editing.addActivity(user, id, dto);
  }

  @Put(':id/activities/:activityId')
  @Authenticated()
  updateActivity(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('activityId', UuidParam) activityId: string,
    @Body() dto: UpdateActivityDto,
  ) {
    return this.editing.updateActivity(user, id, activityId, dto);
  }

  @Delete(':id/activities/:activityId')
  @Authenticated()
  removeActivity(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('activityId', UuidParam) activityId: string,
    @Query() query: VersionDto,
  ) {
    return this.editing.removeActivity(user, id, activityId, query.version);
  }

  /** The owner submits (to the supervisor; straight to the unit admin when they have none). */
  @Post(':id/submission')
  @HttpCode(200)
  @Authenticated()
  submit(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: CommentDto) {
    return this.workflow.act(user, id, 'submit', dto.version, dto.comment);
  }

  /** The supervisor endorses a submitted plan. */
  @Post(':id/endorsement')
  @HttpCode(200)
  @Authenticated()
  endorse(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: CommentDto) {
    return this.workflow.act(user, id, 'endorse', dto.version, dto.comment);
  }

  /** The supervisor (submitted) or the unit admin (endorsed) returns it to the owner; the comment says what to fix. */
  @Post(':id/return')
  @HttpCode(200)
  @Authenticated()
  giveBack(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: ReturnDto) {
    return this.workflow.act(user, id, 'return', dto.version, dto.comment);
  }

  /** The unit admin of the plan's region approves an endorsed plan. */
  @Post(':id/approval')
  @HttpCode(200)
  @Authenticated()
  approve(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: CommentDto) {
    return this.workflow.act(user, id, 'approve', dto.version, dto.comment);
  }

  /** A unit admin closes a plan before the year ends; the summary is generated, the comment added to it. */
  @Post(':id/closure')
  @HttpCode(200)
  @Authenticated()
  close(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: CommentDto) {
    return this.workflow.act(user, id, 'close', dto.version, dto.comment);
  }
}
