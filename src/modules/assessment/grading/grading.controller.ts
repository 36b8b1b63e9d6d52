import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '../../../../libs/auth';
import { PageQuery, UuidParam } from '../../../../libs/common';
import { CourseEditors } from '../course-editors';
import { MarkSlotDto } from '../dto/attempt.dto';
import { ATTEMPT_STATUSES, AttemptStatus } from '../entities';
import { GradingService } from './grading.service';
import { ItemStatisticsService, StatisticsAttempts } from './item-statistics.service';
import { LearningGainService } from './learning-gain.service';
import { RegradesService } from './regrades.service';

class GradingQuery extends PageQuery {
  @IsOptional()
  @IsIn(ATTEMPT_STATUSES)
  status?: AttemptStatus;
}

class StatisticsQuery {
  /** Which attempts to count: each learner's first graded one (the default), or all of them. */
  @IsOptional()
  @IsIn(['first', 'all'])
  attempts?: StatisticsAttempts;
}

/** Grading for a course's instructors: the queue, essays, overrides, replays, regrades and item statistics. */
@ApiTags('assessment: grading')
@ApiBearerAuth()
@Controller('api/assessment/courses/:courseId')
export class GradingController {
  constructor(
    private readonly editors: CourseEditors,
    private readonly grading: GradingService,
    private readonly regrades: RegradesService,
    private readonly statistics: ItemStatisticsService,
    private readonly gains: LearningGainService,
  ) {}

  @Get('attempts')
  @Roles('instructor', 'national_admin')
  async list(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Query() query: GradingQuery,
  ) {
    await this.editors.assert(user, courseId);
    return this.grading.list(courseId, query);
  }

  @Get('attempts/:attemptId')
  @Roles('instructor', 'national_admin')
  async attempt(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('attemptId', UuidParam) attemptId: string,
  ) {
    await this.editors.assert(user, courseId);
    return this.grading.attempt(courseId, attemptId);
  }

  /** Marks an essay, or overrides a mark (reason required); audited. */
  @Put('attempts/:attemptId/slots/:slot/mark')
  @Roles('instructor', 'national_admin')
  async mark(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('attemptId', UuidParam) attemptId: string,
    @Param('slot', ParseIntPipe) slot: number,
    @Body() dto: MarkSlotDto,
  ) {
    await this.editors.assert(user, courseId);
    return this.grading.mark(user, courseId, attemptId, slot, dto);
  }

  /** Grades a failed attempt again. */
  @Post('attempts/:attemptId/replay')
  @Roles('instructor', 'national_admin')
  @HttpCode(202)
  async replay(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('attemptId', UuidParam) attemptId: string,
  ) {
    await this.editors.assert(user, courseId);
    return this.grading.replay(user, courseId, attemptId);
  }

  @Post('quizzes/:quizId/regrades')
  @Roles('instructor', 'national_admin')
  @HttpCode(202)
  async regrade(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('quizId', UuidParam) quizId: string,
  ) {
    await this.editors.assert(user, courseId);
    return this.regrades.request(user, courseId, quizId);
  }

  @Get('quizzes/:quizId/regrades/:regradeId')
  @Roles('instructor', 'national_admin')
  async regradeProgress(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('quizId', UuidParam) quizId: string,
    @Param('regradeId', UuidParam) regradeId: string,
  ) {
    await this.editors.assert(user, courseId);
    return this.regrades.get(courseId, quizId, regradeId);
  }

  /** Evaluation level 2: the course's pre-test/post-test gain. */
  @Get('learning-gain')
  @Roles('instructor', 'national_admin')
  async learningGain(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string) {
    await this.editors.assert(user, courseId);
    return this.gains.ofCourse(courseId);
  }

  @Get('quizzes/:quizId/statistics')
  @Roles('instructor', 'national_admin')
  async statisticsOf(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('quizId', UuidParam) quizId: string,
    @Query() query: StatisticsQuery,
  ) {
    await this.editors.assert(user, courseId);
    await this.grading.quizOf(courseId, quizId);
    return this.statistics.of(quizId, query.attempts ?? 'first');
  }
}
