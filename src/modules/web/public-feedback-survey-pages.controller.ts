import { Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, RequestWithUser } from '../../../libs/auth';
import { AppConfig, APP_CONFIG } from '../../../libs/config';
import { DomainException } from '../../../libs/common';
import { IKM_ELEMENTS, SCORE_MAX } from '../development-plans/public-feedback/domain/ikm';
import {
  AGE_BANDS,
  EDUCATIONS,
  OCCUPATIONS,
  SEXES,
  SUGGESTION_MAX,
} from '../development-plans/public-feedback/domain/respondent';
import { PublicFeedbackError } from '../development-plans/public-feedback/public-feedback.errors';
import { deviceIdFor } from '../development-plans/public-feedback/survey/device-cookie';
import { PublicSurveyService } from '../development-plans/public-feedback/survey/public-survey.service';
import { FormError, formError } from './certificate-form-errors';
import { ikmFormatters } from './ikm-format';
import { MessageKey } from './i18n/messages';
import { doneFlag, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { localiseSurveyProblem, surveyDto, SurveyValues, surveyValues } from './public-feedback-form';

/** What each refusal tells the person, in place of the service's message. */
const REFUSALS: Record<string, MessageKey> = {
  [PublicFeedbackError.SURVEY_TOO_FAST.code]: 'survey.tooFast',
  [PublicFeedbackError.SURVEY_FORM_EXPIRED.code]: 'survey.expired',
  [PublicFeedbackError.SURVEY_REJECTED.code]: 'survey.rejected',
};

/**
 * The public satisfaction survey of a unit (no login), reached from the QR code at its
 * counter: nine questions as radio groups, an optional profile and a suggestion. Works
 * without JavaScript; after sending, the page thanks the person (post/redirect/get).
 */
@ApiExcludeController()
@Controller('skm')
@UseFilters(PageExceptionFilter)
export class PublicFeedbackSurveyPagesController {
  constructor(
    private readonly survey: PublicSurveyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':unitCode')
  @Public()
  async show(@Param('unitCode') unitCode: string, @Req() req: RequestWithUser, @Res() reply: FastifyReply) {
    await this.page(req, reply, unitCode, {}, null, doneFlag(req) === 'terkirim' ? 'thanks' : null);
  }

  @Post(':unitCode')
  @Public()
  async submit(@Param('unitCode') unitCode: string, @Req() req: RequestWithUser, @Res() reply: FastifyReply) {
    const values = surveyValues(req.body);
    try {
      await this.survey.throttle(req.ip);
    } catch (err) {
      if (!(err instanceof DomainException) || err.error.kind !== 'rate_limited') throw err;
      const seconds = Number(err.details?.retryAfterSeconds ?? 60);
      void reply.header('retry-after', String(seconds));
      const ctx = pageContext(req, reply, req.user ?? null);
      const message = ctx.t('survey.tooMany', { minutes: Math.ceil(seconds / 60) });
      return render(reply, 'error.eta', { ...ctx, title: ctx.t('survey.tooManyTitle'), message }, 429);
    }
    const deviceId = deviceIdFor(req, reply, this.config.auth.cookieSecure);
    try {
      await this.survey.submit(unitCode, deviceId, await surveyDto(values));
      await seeOther(reply, `/skm/${encodeURIComponent(unitCode)}?ok=terkirim`);
    } catch (err) {
      if (err instanceof DomainException && err.error.kind === 'not_found') throw err;
      if (err instanceof DomainException && err.error === PublicFeedbackError.SURVEY_ALREADY_ANSWERED) {
        return this.page(req, reply, unitCode, {}, null, null, 409);
      }
      const t = pageContext(req, reply).t;
      const problem = formError(err, (p) => localiseSurveyProblem(t, p));
      const refusal = err instanceof DomainException ? REFUSALS[err.code] : undefined;
      // A refusal is about the whole form (its timing or a hidden field), never one visible field.
      if (refusal) Object.assign(problem, { message: t(refusal), fields: {} });
      const tooFast = err instanceof DomainException && err.error === PublicFeedbackError.SURVEY_TOO_FAST;
      await this.page(req, reply, unitCode, values, problem, null, problem.statusCode, tooFast);
    }
  }

  private async page(
    req: RequestWithUser,
    reply: FastifyReply,
    unitCode: string,
    values: SurveyValues,
    problem: FormError | null,
    notice: 'thanks' | null,
    status = 200,
    keepToken = false,
  ) {
    const ctx = pageContext(req, reply, req.user ?? null);
    const form = await this.survey.open(unitCode, deviceIdFor(req, reply, this.config.auth.cookieSecure));
    const period = ikmFormatters(ctx.locale).period(form.period);
    const noticeText = !form.alreadyAnswered
      ? null
      : notice === 'thanks'
        ? ctx.t('survey.thanks', { period })
        : ctx.t('survey.already', { period });
    await render(
      reply,
      'public-feedback/survey.eta',
      {
        ...ctx,
        title: ctx.t('survey.title'),
        form,
        // Sent too fast: the first token keeps counting, so sending again a moment later works.
        formToken: keepToken && values.formToken ? values.formToken : form.formToken,
        periodLabel: period,
        notice: noticeText,
        problem,
        values,
        elements: IKM_ELEMENTS.map((e) => e.code),
        scores: Array.from({ length: SCORE_MAX }, (_, i) => i + 1),
        options: { ageBand: AGE_BANDS, sex: SEXES, education: EDUCATIONS, occupation: OCCUPATIONS },
        optionKeys: { ageBand: 'survey.age.', sex: 'survey.sex.', education: 'survey.edu.', occupation: 'survey.job.' },
        suggestionMax: SUGGESTION_MAX,
      },
      status,
    );
  }
}
