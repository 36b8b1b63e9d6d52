import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentModule } from '../assessment/assessment.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CompetenciesModule } from '../competencies/competencies.module';
import { IdentityModule } from '../identity/identity.module';
import { LearningModule } from '../learning/learning.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { AREAS, DEVELOPMENT_PLAN_ENTITIES } from './areas';
import { DevelopmentPlansApi } from './development-plans.api';

/**
 * Rencana Pengembangan Kompetensi: needs analysis, individual plans fed by completions,
 * mentoring, Kirkpatrick evaluation and the public satisfaction survey. Each area lives in
 * its own folder and lists its parts there (see areas.ts).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(DEVELOPMENT_PLAN_ENTITIES),
    AssessmentModule,
    CatalogModule,
    CompetenciesModule,
    IdentityModule,
    LearningModule,
    NotificationsModule,
    OrganisationModule,
  ],
  controllers: AREAS.flatMap((a) => a.controllers),
  providers: [...AREAS.flatMap((a) => a.providers), DevelopmentPlansApi],
  exports: [...AREAS.flatMap((a) => a.exports), DevelopmentPlansApi],
})
export class DevelopmentPlansModule {}
