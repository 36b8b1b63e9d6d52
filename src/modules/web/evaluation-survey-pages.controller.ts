import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { UuidParam } from '../../../libs/common';
import { MySurveysService } from '../development-plans/evaluation/answers/my-surveys.service';
import { SurveyAnswersService } from '../development-plans/evaluation/answers/survey-answers.service';
import { SCALE } from '../development-plans/evaluation/domain/answers';
import { APPLIED_ANSWERS } from '../development-plans/evaluation/entities';
import { EvaluationSettingsService } from '../development-plans/evaluation/settings/evaluation-settings.service';
import { EvaluationProblems, evaluationProblems } from './evaluation-form-problems';
import { formatters } from './format';
import { doneFlag, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const FIELDS = ['material', 'delivery', 'usefulness', 'comment', 'applied', 'examples'];

/**
 * A person's surveys, without script: "Survei saya", the post-course questionnaire (L1),
 * the follow-up at work (L3) for learners and supervisors, and a supervisor's list for
 * their staff. Each form posts once and redirects; a second answer is a 409 page.
 */
@ApiExcludeController()
@Controller('survei')
@UseFilters(PageExceptionFilter)
export class EvaluationSurveyPagesController {
  constructor(
    private readonly mine: MySurveysService,
    private readonly answers: SurveyAnswersService,
    private readonly settings: EvaluationSettingsService,
  ) {}

  @Get()
  @Authenticated()
  async list(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, user);
    const [pending, team] = await Promise.all([this.mine.pending(user.id), this.mine.team(user.id)]);
    await render(reply, 'evaluation/mine.eta', {
      ...ctx,
      title: ctx.t('eval.mine.title'),
      fmt: formatters(ctx.locale),
      pending,
      showTeam: user.role === 'supervisor' || team.open.length + team.upcoming.length > 0,
    });
  }

  @Get('tim')
  @Authenticated()
  async team(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, user);
    const [team, settings] = await Promise.all([this.mine.team(user.id), this.settings.get()]);
    await render(reply, 'evaluation/team.eta', {
      ...ctx,
      title: ctx.t('eval.team.title'),
      fmt: formatters(ctx.locale),
      team,
      days: settings.followUpDays,
    });
  }

  @Get('kursus/:id')
  @Authenticated()
  async courseForm(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.coursePage(user, id, req, reply, {}, null, 200);
  }

  @Post('kursus/:id')
  @Authenticated()
  async answerCourse(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const values = formValues(body);
    try {
      await this.answers.answerCourse(user.id, id, values);
      await seeOther(reply, `/survei/kursus/${id}?ok=terkirim`);
    } catch (err) {
      const problems = evaluationProblems(err, pageContext(req, reply, user).t);
      await this.coursePage(user, id, req, reply, values, problems, problems.status);
    }
  }

  @Get('tindak-lanjut/:id')
  @Authenticated()
  async followUpForm(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.followUpPage(user, id, req, reply, {}, null, 200);
  }

  @Post('tindak-lanjut/:id')
  @Authenticated()
  async answerFollowUp(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const values = formValues(body);
    try {
      await this.answers.answerFollowUp(user.id, id, values);
      await seeOther(reply, `/survei/tindak-lanjut/${id}?ok=terkirim`);
    } catch (err) {
      const problems = evaluationProblems(err, pageContext(req, reply, user).t);
      await this.followUpPage(user, id, req, reply, values, problems, problems.status);
    }
  }

  private async coursePage(
    user: AuthUser,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: EvaluationProblems | null,
    status: number,
  ) {
    const ctx = pageContext(req, reply, user);
    const q = await this.mine.questionnaire(user.id, id);
    await render(
      reply,
      'evaluation/course-form.eta',
      {
        ...ctx,
        title: ctx.t('eval.course.title', { course: q.courseTitle }),
        fmt: formatters(ctx.locale),
        q,
        values,
        problems,
        scale: SCALE,
        notice: doneFlag(req) === 'terkirim' ? ctx.t('eval.course.thanks') : null,
      },
      status,
    );
  }

  private async followUpPage(
    user: AuthUser,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: EvaluationProblems | null,
    status: number,
  ) {
    const ctx = pageContext(req, reply, user);
    const f = await this.mine.followUp(user.id, id);
    await render(
      reply,
      'evaluation/follow-up-form.eta',
      {
        ...ctx,
        title: ctx.t('eval.followUp.title', { course: f.courseTitle }),
        fmt: formatters(ctx.locale),
        f,
        values,
        problems,
        answers: APPLIED_ANSWERS,
        notice: doneFlag(req) === 'terkirim' ? ctx.t('eval.followUp.thanks') : null,
      },
      status,
    );
  }
}

/** The form's fields as text (bounded a little above the service's limits, so those are reported). */
function formValues(body: unknown): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, formText(body, f, 1100)]));
}
