import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetenciesApi } from './competencies.api';
import { CompetenciesController } from './competencies.controller';
import { CompetenciesService } from './competencies.service';
import { COMPETENCIES_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature(COMPETENCIES_ENTITIES)],
  controllers: [CompetenciesController],
  providers: [CompetenciesService, CompetenciesApi],
  exports: [CompetenciesApi],
})
export class CompetenciesModule {}
