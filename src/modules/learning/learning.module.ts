import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DevelopmentFormsController } from './development-forms.controller';
import { DevelopmentFormsService } from './development-forms.service';
import { LEARNING_ENTITIES } from './entities';
import { LearningApi } from './learning.api';
import { LearningSettingsController } from './learning-settings.controller';
import { LearningSettingsService } from './learning-settings.service';

@Module({
  imports: [TypeOrmModule.forFeature(LEARNING_ENTITIES)],
  controllers: [LearningSettingsController, DevelopmentFormsController],
  providers: [LearningSettingsService, DevelopmentFormsService, LearningApi],
  exports: [LearningApi],
})
export class LearningModule {}
