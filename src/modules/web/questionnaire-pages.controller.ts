import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { DomainException, UuidParam } from '../../../libs/common';
import { AnswerQuestionnaireDto } from '../development-plans/needs-signals/dto/questionnaire.dto';
import { SignalsError } from '../development-plans/needs-signals/needs-signals.errors';
import { QuestionnaireAnswersService } from '../development-plans/needs-signals/questionnaires/questionnaire-answers.service';
import { formatters } from './format';
import { doneFlag, formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

type Problems = ReturnType<typeof formProblems> | null;

/** An ASN's questionnaires: the list, and one form per questionnaire (radios and selects, no script). */
@ApiExcludeController()
@Controller('kuesioner')
@UseFilters(PageExceptionFilter)
export class QuestionnairePagesController {
  constructor(private readonly answers: QuestionnaireAnswersService) {}

  @Get()
  @Authenticated()
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('page') page?: string,
  ) {
    const ctx = pageContext(req, reply, user);
    const mine = await this.answers.mine(user, {
      page: Math.max(1, Math.min(Number(page) || 1, 100000)),
      pageSize: 20,
    });
    await render(reply, 'needs-signals/mine.eta', {
      ...ctx,
      title: ctx.t('signals.my.title'),
      fmt: formatters(ctx.locale),
      page: mine,
      pageUrl: (n: number) => `/kuesioner?page=${n}`,
    });
  }

  @Get(':id')
  @Authenticated()
  async show(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.formPage(user, id, req, reply, null, null);
  }

  @Post(':id')
  @Authenticated()
  async answer(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const form = await this.answers.form(user, id);
    const dto = new AnswerQuestionnaireDto();
    if (form.kind === 'self-assessment') {
      // Only the offered competencies are read from the form; a missing radio stays missing (and is named).
      dto.levels = Object.fromEntries(
        form.competencies.flatMap((c) => {
          const value = formText(body, `level-${c.code}`, 2);
          return value ? [[c.code, Number(value)]] : [];
        }),
      );
    } else {
      dto.choices = Array.from({ length: form.maxChoices }, (_, i) => formText(body, `choice-${i + 1}`, 20)).filter(
        Boolean,
      );
      dto.note = formText(body, 'note', 1000);
    }
    try {
      await this.answers.answer(user, id, dto);
      await seeOther(reply, `/kuesioner/${id}?ok=saved`);
    } catch (err) {
      const problems = formProblems(err);
      const closed = err instanceof DomainException && err.error === SignalsError.SIGNALS_QUESTIONNAIRE_CLOSED;
      const status = closed ? 409 : 422;
      await this.formPage(user, id, req, reply, problems, dto, status);
    }
  }

  private async formPage(
    user: AuthUser,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    problems: Problems,
    submitted: AnswerQuestionnaireDto | null,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const form = await this.answers.form(user, id);
    // After a refused post, the form shows what the person chose (not the saved answer).
    const answer = submitted
      ? { levels: submitted.levels ?? {}, choices: submitted.choices ?? [], note: submitted.note ?? null }
      : form.answer;
    const pillars = ['teknis', 'manajerial', 'sosial_kultural'].map((p) => ({
      pillar: p,
      competencies: form.competencies.filter((c) => c.pillar === p),
    }));
    await render(
      reply,
      'needs-signals/answer.eta',
      {
        ...ctx,
        title: form.title,
        fmt: formatters(ctx.locale),
        form,
        answer,
        pillars: pillars.filter((p) => p.competencies.length),
        notice: doneFlag(req) === 'saved' && !problems ? ctx.t('signals.form.saved') : null,
        problems,
      },
      status,
    );
  }
}
