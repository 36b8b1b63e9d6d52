import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../../libs/auth';
import { UpdateLearningSettingsDto } from './dto/settings.dto';
import { LearningSettingsService } from './learning-settings.service';

@ApiTags('learning')
@ApiBearerAuth()
@Controller('api/learning/settings')
export class LearningSettingsController {
  constructor(private readonly settings: LearningSettingsService) {}

  @Get()
  @Authenticated()
  get() {
    return this.settings.get();
  }

  @Put()
  @Roles('national_admin')
  update(@Body() dto: UpdateLearningSettingsDto) {
    return this.settings.update(dto);
  }
}
