import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, Authenticated, CurrentUser } from '../../../../libs/auth';
import { UuidParam } from '../../../../libs/common';
import { SaveResponsesDto, SubmitAttemptDto } from '../dto/attempt.dto';
import { AttemptsService } from './attempts.service';

/**
 * A learner's quizzes and attempts. Any signed-in person may take a quiz of a course
 * they are enrolled in (instructors and admins are ASN too); everything is scoped to the
 * caller, and someone else's attempt is a 404.
 */
@ApiTags('assessment: attempts')
@ApiBearerAuth()
@Controller('api/assessment')
export class AttemptsController {
  constructor(private readonly attempts: AttemptsService) {}

  @Get('quizzes/:quizId')
  @Authenticated()
  intro(@CurrentUser() user: AuthUser, @Param('quizId', UuidParam) quizId: string) {
    return this.attempts.intro(user, quizId);
  }

  /** Starts an attempt, or returns the one in progress. */
  @Post('quizzes/:quizId/attempts')
  @Authenticated()
  @HttpCode(201)
  start(@CurrentUser() user: AuthUser, @Param('quizId', UuidParam) quizId: string) {
    return this.attempts.start(user, quizId);
  }

  @Get('attempts/:attemptId')
  @Authenticated()
  get(@CurrentUser() user: AuthUser, @Param('attemptId', UuidParam) attemptId: string) {
    return this.attempts.get(user, attemptId);
  }

  /** Autosave. */
  @Put('attempts/:attemptId/responses')
  @Authenticated()
  save(@CurrentUser() user: AuthUser, @Param('attemptId', UuidParam) attemptId: string, @Body() dto: SaveResponsesDto) {
    return this.attempts.save(user, attemptId, dto.responses);
  }

  /** Accepted for grading (202); the grade follows from a queued job. */
  @Post('attempts/:attemptId/submit')
  @Authenticated()
  @HttpCode(202)
  submit(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', UuidParam) attemptId: string,
    @Body() dto: SubmitAttemptDto,
  ) {
    return this.attempts.submit(user, attemptId, dto.responses);
  }
}
