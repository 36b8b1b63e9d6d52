import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../../libs/auth';
import { DomainException } from '../../../../libs/common';
import { contentDisposition } from '../../../../libs/content';
import { REWARD_LISTS, RewardExportQuery, RewardListKind, RewardListQuery } from './dto/reward-list.dto';
import { exportRewardList } from './reward-export';
import { RewardListsService } from './reward-lists.service';
import { RewardError } from './rewards.errors';

/** The list named in the path; any other name is a page that does not exist. */
function kindOf(value: string): RewardListKind {
  if ((REWARD_LISTS as readonly string[]).includes(value)) return value as RewardListKind;
  throw new DomainException(RewardError.REWARD_LIST_NOT_FOUND, `No list ${value.slice(0, 30)}`);
}

/** The recognition and follow-up lists of a year for the admins, as pages of JSON or a file. */
@ApiTags('development-plans')
@ApiBearerAuth()
@Controller('api/reward-lists')
export class RewardListsController {
  constructor(private readonly lists: RewardListsService) {}

  @Get(':kind')
  @Roles('unit_admin', 'national_admin')
  @ApiParam({ name: 'kind', enum: REWARD_LISTS })
  list(@CurrentUser() user: AuthUser, @Param('kind') kind: string, @Query() query: RewardListQuery) {
    return this.lists.page(
      scopeOf(user),
      { kind: kindOf(kind), year: query.year, regionCode: query.regionCode },
      query,
    );
  }

  @Get(':kind/export')
  @Roles('unit_admin', 'national_admin')
  @ApiParam({ name: 'kind', enum: REWARD_LISTS })
  async export(
    @CurrentUser() user: AuthUser,
    @Param('kind') kind: string,
    @Query() query: RewardExportQuery,
    @Res() reply: FastifyReply,
  ) {
    const { year, rows } = await this.lists.all(scopeOf(user), {
      kind: kindOf(kind),
      year: query.year,
      regionCode: query.regionCode,
    });
    const file = await exportRewardList(kindOf(kind), year, rows, query.format, user.locale);
    await reply
      .header('content-type', file.mime)
      .header('content-disposition', contentDisposition('attachment', file.fileName))
      .header('cache-control', 'no-store')
      .send(file.body);
  }
}
