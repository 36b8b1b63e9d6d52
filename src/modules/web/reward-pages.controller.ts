import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { Clock } from '../../../libs/common';
import { cutoffPassedAt, REVIEW_ANSWER_DAYS } from '../development-plans/rewards/domain/reward-rules';
import { RewardListKind } from '../development-plans/rewards/dto/reward-list.dto';
import { ledgerYear } from '../development-plans/rewards/ledger-year';
import { RewardListsService } from '../development-plans/rewards/reward-lists.service';
import { formatters } from './format';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const PAGE_SIZE = 25;
/** Page paths in Bahasa Indonesia, the API's list names in English. */
const LISTS: Record<string, RewardListKind> = { penghargaan: 'recognition', pembinaan: 'follow-up' };

/** The unit admin's recognition and follow-up lists of a year, with CSV and XLSX downloads. */
@ApiExcludeController()
@Controller('admin/penghargaan-pembinaan')
@UseFilters(PageExceptionFilter)
export class RewardPagesController {
  constructor(
    private readonly lists: RewardListsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('unit_admin', 'national_admin')
  async show(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('daftar') list?: string,
    @Query('tahun') yearText?: string,
    @Query('halaman') pageText?: string,
  ) {
    const ctx = pageContext(req, reply, user);
    const slug = list && list in LISTS ? list : 'penghargaan';
    const thisYear = ledgerYear(this.clock.now());
    const asked = Number(yearText);
    const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
    const askedPage = Number(pageText);
    const page = Number.isInteger(askedPage) && askedPage >= 1 && askedPage <= 10000 ? askedPage : 1;
    const result = await this.lists.page(scopeOf(user), { kind: LISTS[slug], year }, { page, pageSize: PAGE_SIZE });
    const fmt = formatters(ctx.locale);
    const years = [...new Set([year, thisYear, thisYear - 1, thisYear - 2])].sort((a, b) => b - a);
    await render(reply, 'mentoring/rewards.eta', {
      ...ctx,
      title: ctx.t('rewards.title'),
      fmt,
      slug,
      year,
      years,
      page: result,
      pageUrl: (n: number) => `/admin/penghargaan-pembinaan?daftar=${slug}&tahun=${year}&halaman=${n}`,
      exportUrl: (format: string) => `/api/reward-lists/${LISTS[slug]}/export?year=${year}&format=${format}`,
      // The cut-off day itself (the last instant before it passes), as people read dates.
      cutoffText: ctx.t('rewards.cutoff', {
        date: fmt.date(new Date(cutoffPassedAt(year).getTime() - 1)),
        days: REVIEW_ANSWER_DAYS,
      }),
    });
  }
}
