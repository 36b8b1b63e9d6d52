import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { CompetenciesModule } from '../competencies/competencies.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AssignmentRunner } from './assignments/assignment-runner';
import { AssignmentsService } from './assignments/assignments.service';
import { AssignmentsController } from './assignments.controller';
import { AssignmentRunJob } from './jobs/assignment-run.job';
import { ExternalActivitiesController } from './external-activities.controller';
import { ExternalActivitiesService } from './external/external-activities.service';
import { CourseLearnersController } from './course-learners.controller';
import { DevelopmentFormsController } from './development-forms.controller';
import { DevelopmentFormsService } from './development-forms.service';
import { EnrolmentRequestsController } from './enrolment-requests.controller';
import { EnrolmentsService } from './enrolment/enrolments.service';
import { LearnerCatalogueService } from './enrolment/learner-catalogue.service';
import { LearnerContext } from './enrolment/learner-context';
import { LearnerCoursesService } from './enrolment/learner-courses.service';
import { LEARNING_ENTITIES } from './entities';
import { LearnerRecords } from './ledger/learner-records';
import { CreditsChangedSubscribers, CreditWriter } from './ledger/credits';
import { JpYears } from './ledger/jp-years';
import { EnrolmentChanges } from './enrolment/enrolment-changes';
import { EnrolmentCounts } from './enrolment/enrolment-counts';
import { CourseCompletedJob } from './jobs/course-completed.job';
import { ExternalVerifiedJob } from './jobs/external-verified.job';
import { LearnerController } from './learner.controller';
import { LearningApi } from './learning.api';
import { LearningSettingsController } from './learning-settings.controller';
import { JpTargetsChangedSubscribers, LearningSettingsService } from './learning-settings.service';
import { LearnerHomeService } from './ledger/learner-home.service';
import { LedgerService } from './ledger/ledger.service';
import { CompletionRecorder } from './progress/completion-recorder';
import { CourseCompletedSubscribers } from './progress/course-completed.subscribers';
import { ExternalVerifiedSubscribers } from './progress/external-verified.subscribers';
import { QuizProgress } from './progress/quiz-progress';
import { VersionFacts } from './progress/version-facts';
import { VersionMigrationService } from './progress/version-migration.service';

@Module({
  imports: [
    TypeOrmModule.forFeature(LEARNING_ENTITIES),
    CatalogModule,
    CompetenciesModule,
    IdentityModule,
    NotificationsModule,
  ],
  controllers: [
    LearningSettingsController,
    DevelopmentFormsController,
    LearnerController,
    EnrolmentRequestsController,
    CourseLearnersController,
    AssignmentsController,
    ExternalActivitiesController,
  ],
  providers: [
    LearningSettingsService,
    JpTargetsChangedSubscribers,
    DevelopmentFormsService,
    LearningApi,
    LearnerContext,
    LearnerCatalogueService,
    EnrolmentsService,
    LearnerCoursesService,
    LedgerService,
    LearnerRecords,
    CreditWriter,
    CreditsChangedSubscribers,
    JpYears,
    LearnerHomeService,
    CompletionRecorder,
    EnrolmentChanges,
    EnrolmentCounts,
    CourseCompletedSubscribers,
    CourseCompletedJob,
    ExternalVerifiedSubscribers,
    ExternalVerifiedJob,
    VersionFacts,
    QuizProgress,
    VersionMigrationService,
    AssignmentsService,
    AssignmentRunner,
    AssignmentRunJob,
    ExternalActivitiesService,
  ],
  // The pages (web module) drive the same services as the API controllers.
  exports: [
    LearningApi,
    LearnerCatalogueService,
    EnrolmentsService,
    LearnerCoursesService,
    LedgerService,
    LearnerHomeService,
    AssignmentsService,
    ExternalActivitiesService,
    DevelopmentFormsService,
    VersionMigrationService,
  ],
})
export class LearningModule {}
