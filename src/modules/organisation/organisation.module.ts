import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetenciesModule } from '../competencies/competencies.module';
import { ORGANISATION_ENTITIES } from './entities';
import { OrganisationApi } from './organisation.api';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

@Module({
  imports: [TypeOrmModule.forFeature(ORGANISATION_ENTITIES), CompetenciesModule],
  controllers: [OrganisationController],
  providers: [OrganisationService, OrganisationApi],
  exports: [OrganisationApi],
})
export class OrganisationModule {}
