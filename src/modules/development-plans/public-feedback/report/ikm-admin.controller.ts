import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../../../libs/auth';
import { IkmSettingsDto } from '../dto/ikm-settings.dto';
import { IkmSettingsService } from '../ikm-settings.service';
import { IkmReportService } from './ikm-report.service';

/** The satisfaction index for unit admins (their region's units) and the national admin. */
@ApiTags('development-plans: public satisfaction survey')
@ApiBearerAuth()
@Controller('api/ikm')
export class IkmAdminController {
  constructor(
    private readonly reports: IkmReportService,
    private readonly settings: IkmSettingsService,
  ) {}

  @Get('settings')
  @Roles('unit_admin', 'national_admin')
  getSettings() {
    return this.settings.get();
  }

  @Put('settings')
  @Roles('national_admin')
  updateSettings(@Body() dto: IkmSettingsDto) {
    return this.settings.update(dto);
  }

  /** Units of the caller's scope answered in the current period. */
  @Get('units')
  @Roles('unit_admin', 'national_admin')
  current(@CurrentUser() user: AuthUser) {
    return this.reports.currentPeriod(scopeOf(user));
  }

  /** One unit's index per period beside its staff's training; another region's unit is a 404. */
  @Get('units/:unitCode')
  @Roles('unit_admin', 'national_admin')
  unit(@CurrentUser() user: AuthUser, @Param('unitCode') unitCode: string) {
    return this.reports.unitReport(scopeOf(user), unitCode);
  }
}
