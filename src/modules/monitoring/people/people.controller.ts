import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../../libs/auth';
import { PeopleQueryDto } from './dto/people-query.dto';
import { PeopleService } from './people.service';

/** The people behind a dashboard number (paginated: by page number, or beside the cursor of a page next to it). */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('api/monitoring/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Roles('unit_admin', 'national_admin')
  async list(@CurrentUser() user: AuthUser, @Query() query: PeopleQueryDto) {
    const { node, page, next, previous } = await this.people.list(scopeOf(user), query);
    return {
      node: { node: node.node, kind: node.kind, name: node.name, parent: node.parent },
      metric: query.metric,
      ...page,
      next,
      previous,
    };
  }
}
