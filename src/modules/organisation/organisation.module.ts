import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetenciesModule } from '../competencies/competencies.module';
import { ORGANISATION_ENTITIES } from './entities';
import { OrganisationApi } from './organisation.api';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';
import { StandardChangedSubscribers } from './standard-changed';

@Module({
  imports: [TypeOrmModule.forFeature(ORGANISATION_ENTITIES), CompetenciesModule],
  controllers: [OrganisationController],
  providers: [OrganisationService, OrganisationApi, StandardChangedSubscribers],
  exports: [OrganisationApi],
})
export class OrganisationModule {}
