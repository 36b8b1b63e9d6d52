import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { PageQuery, UuidParam } from '../../../libs/common';
import { AddressFailuresService } from './delivery/address-failures.service';

/** People whose e-mail address the mail server refused for good, for the admins of their region. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications/address-failures')
export class AddressFailuresController {
  constructor(private readonly failures: AddressFailuresService) {}

  @Get()
  @Roles('unit_admin', 'national_admin')
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.failures.list(scopeOf(user), query);
  }

  /** Lets e-mail go to the address again (after it was corrected). */
  @Delete(':id')
  @HttpCode(204)
  @Roles('unit_admin', 'national_admin')
  async clear(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string): Promise<void> {
    await this.failures.clear(scopeOf(user), id);
  }
}
