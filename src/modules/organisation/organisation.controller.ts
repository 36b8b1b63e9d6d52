import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { PageQuery, UuidParam } from '../../../libs/common';
import { CreatePositionDto, CreateUnitDto, SetRequirementsDto, UnitQuery } from './dto/organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get('regions')
  @Authenticated()
  listRegions(@CurrentUser() user: AuthUser) {
    return this.organisation.listRegions(scopeOf(user));
  }

  @Get('units')
  @Roles('unit_admin', 'national_admin')
  listUnits(@CurrentUser() user: AuthUser, @Query() query: UnitQuery) {
    return this.organisation.listUnits(scopeOf(user), query);
  }

  @Get('units/:id')
  @Roles('unit_admin', 'national_admin')
  getUnit(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.organisation.getUnit(scopeOf(user), id);
  }

  @Post('units')
  @Roles('unit_admin', 'national_admin')
  createUnit(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitDto) {
    return this.organisation.createUnit(scopeOf(user), dto);
  }

  @Get('positions')
  @Authenticated()
  listPositions(@Query() query: PageQuery) {
    return this.organisation.listPositions(query);
  }

  @Get('positions/:id')
  @Authenticated()
  getPosition(@Param('id', UuidParam) id: string) {
    return this.organisation.getPosition(id);
  }

  @Post('positions')
  @Roles('national_admin')
  createPosition(@Body() dto: CreatePositionDto) {
    return this.organisation.createPosition(dto);
  }

  @Put('positions/:id/requirements')
  @Roles('national_admin')
  setRequirements(@Param('id', UuidParam) id: string, @Body() dto: SetRequirementsDto) {
    return this.organisation.setRequirements(id, dto);
  }
}
