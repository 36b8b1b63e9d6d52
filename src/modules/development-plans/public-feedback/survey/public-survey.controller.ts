import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../../../../libs/auth';
import { AppConfig, APP_CONFIG } from '../../../../../libs/config';
import { IKM_ELEMENTS, SCORE_MAX, SCORE_MIN } from '../domain/ikm';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES, SUGGESTION_MAX } from '../domain/respondent';
import { SurveyResponseDto } from '../dto/survey-response.dto';
import { deviceIdFor } from './device-cookie';
import { PublicSurveyService } from './public-survey.service';
import { SurveyThrottleGuard } from './survey-throttle.guard';

/**
 * The public satisfaction survey as JSON (no login): GET hands out the form and its start
 * token, POST takes one response per device (the HttpOnly device cookie) and period.
 */
@ApiTags('development-plans: public satisfaction survey')
@Controller('api/skm')
export class PublicSurveyController {
  constructor(
    private readonly survey: PublicSurveyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':unitCode')
  @Public()
  async form(
    @Param('unitCode') unitCode: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    void reply.header('cache-control', 'no-store');
    const form = await this.survey.open(unitCode, deviceIdFor(req, reply, this.config.auth.cookieSecure));
    return {
      ...form,
      scale: { min: SCORE_MIN, max: SCORE_MAX },
      elements: IKM_ELEMENTS.map((e) => e.code),
      respondent: { ageBand: AGE_BANDS, sex: SEXES, education: EDUCATIONS, occupation: OCCUPATIONS },
      suggestionMaxLength: SUGGESTION_MAX,
    };
  }

  @Post(':unitCode')
  @Public()
  @UseGuards(SurveyThrottleGuard)
  async submit(
    @Param('unitCode') unitCode: string,
    @Body() dto: SurveyResponseDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.survey.submit(unitCode, deviceIdFor(req, reply, this.config.auth.cookieSecure), dto);
  }
}
