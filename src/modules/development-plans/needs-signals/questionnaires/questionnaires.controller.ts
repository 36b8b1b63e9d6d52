import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Roles, scopeOf } from '../../../../../libs/auth';
import { PageQuery, UuidParam } from '../../../../../libs/common';
import { AnswerQuestionnaireDto, CreateQuestionnaireDto } from '../dto/questionnaire.dto';
import { QuestionnaireAnswersService } from './questionnaire-answers.service';
import { QuestionnairesService } from './questionnaires.service';

const ADMINS = ['unit_admin', 'national_admin'] as const;

/** Needs questionnaires: admins send them and read the summary; each ASN answers their own. */
@ApiTags('development-plans')
@ApiBearerAuth()
@Controller('api/development-plans')
export class QuestionnairesController {
  constructor(
    private readonly questionnaires: QuestionnairesService,
    private readonly answers: QuestionnaireAnswersService,
  ) {}

  /** Accepted: the sending runs as a job (follow `status`, `recipients`). */
  @Post('questionnaires')
  @Roles(...ADMINS)
  @HttpCode(202)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateQuestionnaireDto) {
    return this.questionnaires.create(user, dto);
  }

  @Get('questionnaires')
  @Roles(...ADMINS)
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.questionnaires.list(scopeOf(user), query);
  }

  /** Response rate and, per competency, the mean self-assessed level or how many asked for it. */
  @Get('questionnaires/:id')
  @Roles(...ADMINS)
  detail(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.questionnaires.detail(scopeOf(user), id);
  }

  @Post('questionnaires/:id/resend')
  @Roles(...ADMINS)
  @HttpCode(202)
  resend(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.questionnaires.resend(scopeOf(user), id);
  }

  @Get('my-questionnaires')
  @Authenticated()
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.answers.mine(user, query);
  }

  @Get('my-questionnaires/:id')
  @Authenticated()
  form(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.answers.form(user, id);
  }

  /** Saves or replaces the answer; 409 once the due date has ended. */
  @Put('my-questionnaires/:id/answer')
  @Authenticated()
  answer(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: AnswerQuestionnaireDto) {
    return this.answers.answer(user, id, dto);
  }
}
