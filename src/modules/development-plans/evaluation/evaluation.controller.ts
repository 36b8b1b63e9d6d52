import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Roles } from '../../../../libs/auth';
import { UuidParam } from '../../../../libs/common';
import { MySurveysService } from './answers/my-surveys.service';
import { SurveyAnswersService } from './answers/survey-answers.service';
import { CourseEvaluationAnswerDto, EvaluationSettingsDto, FollowUpAnswerDto } from './dto/evaluation.dto';
import { EvaluationResultsService } from './results/evaluation-results.service';
import { EvaluationSettingsService } from './settings/evaluation-settings.service';

/** Kirkpatrick evaluation: a person's questionnaires and answers; results for instructors and admins in scope. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('api/evaluation')
export class EvaluationController {
  constructor(
    private readonly mine: MySurveysService,
    private readonly answers: SurveyAnswersService,
    private readonly results: EvaluationResultsService,
    private readonly settings: EvaluationSettingsService,
  ) {}

  /** The caller's unanswered L1 questionnaires and open L3 follow-ups. */
  @Get('me/pending')
  @Authenticated()
  pending(@CurrentUser() user: AuthUser) {
    return this.mine.pending(user.id);
  }

  /** Follow-ups about the caller's staff (as their supervisor). */
  @Get('me/team')
  @Authenticated()
  team(@CurrentUser() user: AuthUser) {
    return this.mine.team(user.id);
  }

  @Get('course-evaluations/:id')
  @Authenticated()
  questionnaire(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.mine.questionnaire(user.id, id);
  }

  @Post('course-evaluations/:id/answer')
  @HttpCode(204)
  @Authenticated()
  answerCourse(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: CourseEvaluationAnswerDto,
  ): Promise<void> {
    return this.answers.answerCourse(user.id, id, { ...body });
  }

  @Get('follow-ups/:id')
  @Authenticated()
  followUp(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.mine.followUp(user.id, id);
  }

  @Post('follow-ups/:id/answer')
  @HttpCode(204)
  @Authenticated()
  answerFollowUp(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: FollowUpAnswerDto,
  ): Promise<void> {
    return this.answers.answerFollowUp(user.id, id, { ...body });
  }

  @Get('courses')
  @Roles('instructor', 'unit_admin', 'national_admin')
  courses(@CurrentUser() user: AuthUser) {
    return this.results.courseList(user);
  }

  /** L1 (reaction), L2 (learning gain) and L3 (behaviour) of a course. */
  @Get('courses/:courseId/results')
  @Roles('instructor', 'unit_admin', 'national_admin')
  courseResults(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string) {
    return this.results.course(user, courseId);
  }

  /** L1 across the courses an instructor teaches (within the reader's scope). */
  @Get('instructors/:userId/results')
  @Roles('instructor', 'unit_admin', 'national_admin')
  instructorResults(@CurrentUser() user: AuthUser, @Param('userId', UuidParam) userId: string) {
    return this.results.instructor(user, userId);
  }

  @Get('settings')
  @Roles('national_admin')
  getSettings() {
    return this.settings.get();
  }

  @Put('settings')
  @Roles('national_admin')
  putSettings(@Body() body: EvaluationSettingsDto) {
    return this.settings.update(body);
  }
}
