import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from '../libs/auth';
import { CommonModule } from '../libs/common';
import { AppConfig, ConfigModule } from '../libs/config';
import { DatabaseModule, dataSourceOptions } from '../libs/database';
import { QueueModule } from '../libs/queue';
import { RateLimitModule } from '../libs/rate-limit';
import { StorageModule } from '../libs/storage';
import { MIGRATIONS } from '../migrations';
import { DemoModule } from './demo/demo.module';
import { ALL_ENTITIES } from './entities';
import { HealthModule } from './health/health.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { CompetenciesModule } from './modules/competencies/competencies.module';
import { IdentityModule } from './modules/identity/identity.module';
import { LearningModule } from './modules/learning/learning.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { DeadlineRemindersModule } from './modules/notifications/reminders/deadline-reminders.module';
import { AssessmentModule } from './modules/assessment/assessment.module';
import { CertificationModule } from './modules/certification/certification.module';
import { DevelopmentPlansModule } from './modules/development-plans/development-plans.module';
import { MonitoringModule } from './modules/monitoring/monitoring.module';
import { OrganisationModule } from './modules/organisation/organisation.module';
import { PlatformModule } from './platform/platform.module';
import { WebModule } from './modules/web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DatabaseModule.forRoot({ options: dataSourceOptions(config.database, ALL_ENTITIES, MIGRATIONS) }),
        QueueModule.forRoot(config),
        RateLimitModule,
        StorageModule,
        PlatformModule,
        HealthModule,
        CompetenciesModule,
        OrganisationModule,
        IdentityModule,
        NotificationsModule,
        CatalogModule,
        LearningModule,
        AssessmentModule,
        CertificationModule,
        DevelopmentPlansModule,
        MonitoringModule,
        DeadlineRemindersModule,
        WebModule,
        DemoModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
