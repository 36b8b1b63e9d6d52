import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { PageQuery, UuidParam } from '../../../libs/common';
import { EnrolmentsService } from './enrolment/enrolments.service';

/** Unit admins approve or reject requests to join approval courses in their region. */
@ApiTags('learning: enrolment requests')
@ApiBearerAuth()
@Controller('api/learning/enrolment-requests')
export class EnrolmentRequestsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Get()
  @Roles('unit_admin', 'national_admin')
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.enrolments.requests(scopeOf(user), query);
  }

  @Post(':id/approval')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.enrolments.decide(user, id, true);
  }

  @Post(':id/rejection')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(200)
  reject(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.enrolments.decide(user, id, false);
  }
}
