import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../../libs/auth';
import { CompetenciesService } from './competencies.service';
import { CompetencyQuery, CreateTechnicalCompetencyDto, UpdateCompetencyDto } from './dto/competency.dto';
import { CompetencyCodeParam } from './competency-code.pipe';

@ApiTags('competencies')
@ApiBearerAuth()
@Controller('api/competencies')
export class CompetenciesController {
  constructor(private readonly competencies: CompetenciesService) {}

  @Get()
  @Authenticated()
  list(@Query() query: CompetencyQuery) {
    return this.competencies.list(query);
  }

  @Get(':code')
  @Authenticated()
  get(@Param('code', CompetencyCodeParam) code: string) {
    return this.competencies.get(code);
  }

  @Post()
  @Roles('national_admin')
  create(@Body() dto: CreateTechnicalCompetencyDto) {
    return this.competencies.createTechnical(dto);
  }

  @Put(':code')
  @Roles('national_admin')
  update(@Param('code', CompetencyCodeParam) code: string, @Body() dto: UpdateCompetencyDto) {
    return this.competencies.update(code, dto);
  }
}
