import { Module } from '@nestjs/common';
import { AssessmentModule } from '../modules/assessment/assessment.module';
import { CatalogModule } from '../modules/catalog/catalog.module';
import { CertificationModule } from '../modules/certification/certification.module';
import { IdentityModule } from '../modules/identity/identity.module';
import { MonitoringModule } from '../modules/monitoring/monitoring.module';
import { OrganisationModule } from '../modules/organisation/organisation.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [OrganisationModule, IdentityModule, CatalogModule, AssessmentModule, CertificationModule, MonitoringModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
