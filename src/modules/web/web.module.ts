import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AssessmentModule } from '../assessment/assessment.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CertificationModule } from '../certification/certification.module';
import { CompetenciesModule } from '../competencies/competencies.module';
import { IdentityModule } from '../identity/identity.module';
import { LearningModule } from '../learning/learning.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { AssignmentPagesController } from './assignment-pages.controller';
import { AuthoringPagesController } from './authoring-pages.controller';
import { CertificateAdminPagesController } from './certificate-admin-pages.controller';
import { CertificatePagesController } from './certificate-pages.controller';
import { CertificateTemplatePagesController } from './certificate-template-pages.controller';
import { CertificateVerificationPagesController } from './certificate-verification-pages.controller';
import { ExternalPagesController } from './external-pages.controller';
import { HomeController } from './home.controller';
import { LearnerPagesController } from './learner-pages.controller';
import { NotificationAdminPagesController } from './notification-admin-pages.controller';
import { NotificationBadgeInterceptor } from './notification-badge.interceptor';
import { NotificationMailboxPagesController } from './notification-mailbox-pages.controller';
import { NotificationPagesController } from './notification-pages.controller';
import { NotificationUnsubscribePagesController } from './notification-unsubscribe-pages.controller';
import { QuizPagesController } from './quiz-pages.controller';
import { QuizAuthoringPagesController } from './quiz-authoring-pages.controller';
import { HomeService } from './home.service';
import { ReviewPagesController } from './review-pages.controller';
import { SignInController } from './sign-in.controller';
import { DevelopmentPlansModule } from '../development-plans/development-plans.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { DEVELOPMENT_PAGES } from './development-pages';
import { MonitoringExportPagesController } from './monitoring-export-pages.controller';
import { MonitoringPagesController } from './monitoring-pages.controller';
import { MonitoringPeoplePagesController } from './monitoring-people-pages.controller';

/** Server-rendered pages over the modules' services (Bahasa Indonesia first). */
@Module({
  imports: [
    IdentityModule,
    OrganisationModule,
    CompetenciesModule,
    CatalogModule,
    LearningModule,
    AssessmentModule,
    CertificationModule,
    NotificationsModule,
    DevelopmentPlansModule,
    MonitoringModule,
  ],
  controllers: [
    SignInController,
    HomeController,
    LearnerPagesController,
    ExternalPagesController,
    AuthoringPagesController,
    AssignmentPagesController,
    ReviewPagesController,
    QuizPagesController,
    QuizAuthoringPagesController,
    CertificatePagesController,
    CertificateVerificationPagesController,
    CertificateAdminPagesController,
    CertificateTemplatePagesController,
    NotificationPagesController,
    NotificationUnsubscribePagesController,
    NotificationAdminPagesController,
    NotificationMailboxPagesController,
    ...DEVELOPMENT_PAGES,
    MonitoringPagesController,
    MonitoringPeoplePagesController,
    MonitoringExportPagesController,
  ],
  providers: [HomeService, { provide: APP_INTERCEPTOR, useClass: NotificationBadgeInterceptor }],
})
export class WebModule {}
