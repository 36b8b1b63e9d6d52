import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../../../libs/auth';
import { Locale, UuidParam } from '../../../libs/common';
import { MAX_FOLLOW_UP_DAYS, MIN_FOLLOW_UP_DAYS } from '../development-plans/evaluation/domain/follow-up-schedule';
import { APPLIED_ANSWERS } from '../development-plans/evaluation/entities';
import {
  CourseResults,
  EvaluationResultsService,
} from '../development-plans/evaluation/results/evaluation-results.service';
import { EvaluationSettingsService } from '../development-plans/evaluation/settings/evaluation-settings.service';
import { barChartSvg, ChartBar } from './evaluation-chart';
import { formatters } from './format';
import { Translate } from './i18n/messages';
import { doneFlag, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const READERS = ['instructor', 'unit_admin', 'national_admin'] as const;

/** Numbers as the page's language writes them, up to two decimals; a dash for none. */
const numberFormat = (locale: Locale) => {
  const f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 });
  return (n: number | null) => (n === null ? '–' : f.format(n));
};

/**
 * Evaluation results for instructors (their courses), unit admins (courses of units in
 * their region) and the national admin: L1 reaction, L2 learning gain and L3 behaviour
 * of a course, with server-drawn SVG charts beside tables of the same numbers.
 */
@ApiExcludeController()
@Controller('evaluasi')
@UseFilters(PageExceptionFilter)
export class EvaluationResultsPagesController {
  constructor(
    private readonly results: EvaluationResultsService,
    private readonly settings: EvaluationSettingsService,
  ) {}

  @Get()
  @Roles(...READERS)
  async list(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, user);
    await render(reply, 'evaluation/list.eta', {
      ...ctx,
      title: ctx.t('eval.results.listTitle'),
      courses: await this.results.courseList(user),
    });
  }

  @Get('kursus/:courseId')
  @Roles(...READERS)
  async course(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    const r = await this.results.course(user, courseId);
    const num = numberFormat(ctx.locale);
    await render(reply, 'evaluation/course.eta', {
      ...ctx,
      title: ctx.t('eval.results.title', { course: r.title }),
      fmt: formatters(ctx.locale),
      num,
      r,
      meanChart: meanChart(r, ctx.t, num),
      appliedChart: appliedChart(r, ctx.t),
    });
  }

  @Get('pengajar/:userId')
  @Roles(...READERS)
  async instructor(
    @CurrentUser() user: AuthUser,
    @Param('userId', UuidParam) userId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    const r = await this.results.instructor(user, userId);
    const num = numberFormat(ctx.locale);
    const bars: ChartBar[] = r.reaction.items.map((i) => ({
      label: ctx.t(`eval.item.${i.item}`),
      value: i.mean ?? 0,
      display: num(i.mean),
    }));
    await render(reply, 'evaluation/instructor.eta', {
      ...ctx,
      title: ctx.t('eval.results.instructorTitle', { name: r.name }),
      fmt: formatters(ctx.locale),
      num,
      r,
      meanChart: barChartSvg('grafik-rata-rata', ctx.t('eval.results.meanChart'), bars, 5),
    });
  }

  @Get('pengaturan')
  @Roles('national_admin')
  async settingsForm(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { followUpDays } = await this.settings.get();
    await this.settingsPage(user, req, reply, String(followUpDays), false, 200);
  }

  @Post('pengaturan')
  @Roles('national_admin')
  async saveSettings(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const text = formText(body, 'followUpDays', 10);
    const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    if (!(days >= MIN_FOLLOW_UP_DAYS && days <= MAX_FOLLOW_UP_DAYS))
      return this.settingsPage(user, req, reply, text, true, 400);
    await this.settings.update({ followUpDays: days });
    await seeOther(reply, '/evaluasi/pengaturan?ok=tersimpan');
  }

  private async settingsPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    value: string,
    invalid: boolean,
    status: number,
  ) {
    const ctx = pageContext(req, reply, user);
    await render(
      reply,
      'evaluation/settings.eta',
      {
        ...ctx,
        title: ctx.t('eval.settings.title'),
        value,
        invalid,
        min: MIN_FOLLOW_UP_DAYS,
        max: MAX_FOLLOW_UP_DAYS,
        notice: doneFlag(req) === 'tersimpan' ? ctx.t('eval.settings.saved') : null,
      },
      status,
    );
  }
}

function meanChart(r: CourseResults, t: Translate, num: (n: number | null) => string): string {
  const bars = r.reaction.items.map((i) => ({
    label: t(`eval.item.${i.item}`),
    value: i.mean ?? 0,
    display: num(i.mean),
  }));
  return barChartSvg('grafik-rata-rata', t('eval.results.meanChart'), bars, 5);
}

/** Learner and supervisor side by side for each answer (yes / partly / not yet). */
function appliedChart(r: CourseResults, t: Translate): string {
  const bars: ChartBar[] = APPLIED_ANSWERS.flatMap((answer) =>
    r.behaviour.map((side) => ({
      label: `${t(`eval.results.side.${side.role}`)}: ${t(`eval.applied.${answer}`)}`,
      value: side.applied[answer],
      display: String(side.applied[answer]),
      series: side.role === 'learner' ? (0 as const) : (1 as const),
    })),
  );
  const max = Math.max(1, ...bars.map((b) => b.value));
  return barChartSvg('grafik-penerapan', t('eval.results.appliedChart'), bars, max);
}
