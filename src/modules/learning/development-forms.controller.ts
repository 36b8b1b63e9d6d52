import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../../libs/auth';
import { DevelopmentFormsService } from './development-forms.service';
import { JpCalculationDto, UpdateDevelopmentFormDto } from './dto/development-form.dto';

@ApiTags('learning')
@ApiBearerAuth()
@Controller('api/learning')
export class DevelopmentFormsController {
  constructor(private readonly forms: DevelopmentFormsService) {}

  @Get('development-forms')
  @Authenticated()
  list() {
    return this.forms.list();
  }

  @Put('development-forms/:code')
  @Roles('national_admin')
  update(@Param('code') code: string, @Body() dto: UpdateDevelopmentFormDto) {
    return this.forms.update(code, dto);
  }

  @Post('jp-calculation')
  @Authenticated()
  @HttpCode(200)
  calculate(@Body() dto: JpCalculationDto) {
    return this.forms.calculate(dto);
  }
}
