import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { CompetenciesModule } from '../competencies/competencies.module';
import { DevelopmentPlansModule } from '../development-plans/development-plans.module';
import { IdentityModule } from '../identity/identity.module';
import { LearningModule } from '../learning/learning.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { MONITORING_ENTITIES } from './entities';
import { MONITORING_PARTS } from './monitoring.parts';

/**
 * Regional monitoring: rollups per region, unit, competency and course kept up to date by
 * the source modules' events (and rebuildable from them), the dashboards with their
 * drill-down, and queued exports. Each area lists its parts in monitoring.parts.ts.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(MONITORING_ENTITIES),
    CatalogModule,
    CompetenciesModule,
    DevelopmentPlansModule,
    IdentityModule,
    LearningModule,
    NotificationsModule,
    OrganisationModule,
  ],
  controllers: MONITORING_PARTS.flatMap((p) => p.controllers),
  providers: MONITORING_PARTS.flatMap((p) => p.providers),
  exports: MONITORING_PARTS.flatMap((p) => p.exports),
})
export class MonitoringModule {}
