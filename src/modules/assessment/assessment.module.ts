import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { CompetenciesModule } from '../competencies/competencies.module';
import { IdentityModule } from '../identity/identity.module';
import { LearningModule } from '../learning/learning.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AssessmentApi } from './assessment.api';
import { EssayAlerts } from './grading/essay-alerts';
import { LearningGainService } from './grading/learning-gain.service';
import { AttemptOutcome } from './attempts/attempt-outcome';
import { AttemptStore } from './attempts/attempt-store';
import { AttemptsController } from './attempts/attempts.controller';
import { AttemptsService } from './attempts/attempts.service';
import { Grader } from './attempts/grader';
import { Submissions } from './attempts/submissions';
import { QuestionBankController } from './bank/question-bank.controller';
import { QuestionBankService } from './bank/question-bank.service';
import { CourseEditors } from './course-editors';
import { ASSESSMENT_ENTITIES } from './entities';
import { AttemptExpireJob } from './jobs/attempt-expire.job';
import { PostTestSubscribers } from './attempts/post-test-subscribers';
import { AttemptGradedJob } from './jobs/attempt-graded.job';
import { GradeAttemptJob } from './jobs/grade-attempt.job';
import { GradingController } from './grading/grading.controller';
import { GradingService } from './grading/grading.service';
import { ItemStatisticsService } from './grading/item-statistics.service';
import { RegradesService } from './grading/regrades.service';
import { RegradeRunJob } from './jobs/regrade-run.job';
import { QuizzesController } from './quizzes/quizzes.controller';
import { QuizzesService } from './quizzes/quizzes.service';
import { AttemptDeadlines } from './attempts/attempt-deadlines';
import { QuizOutcomeChanges } from './quizzes/quiz-outcome-changes';
import { QuizOutcomesJob } from './jobs/quiz-outcomes.job';

@Module({
  imports: [
    TypeOrmModule.forFeature(ASSESSMENT_ENTITIES),
    CatalogModule,
    CompetenciesModule,
    IdentityModule,
    LearningModule,
    NotificationsModule,
  ],
  controllers: [QuestionBankController, QuizzesController, AttemptsController, GradingController],
  providers: [
    CourseEditors,
    QuestionBankService,
    QuizzesService,
    QuizOutcomeChanges,
    QuizOutcomesJob,
    AttemptStore,
    AttemptDeadlines,
    AttemptsService,
    Grader,
    Submissions,
    EssayAlerts,
    AttemptOutcome,
    PostTestSubscribers,
    GradeAttemptJob,
    AttemptExpireJob,
    AttemptGradedJob,
    GradingService,
    RegradesService,
    ItemStatisticsService,
    RegradeRunJob,
    LearningGainService,
    AssessmentApi,
  ],
  exports: [
    AssessmentApi,
    CourseEditors,
    QuestionBankService,
    QuizzesService,
    AttemptsService,
    GradingService,
    RegradesService,
    ItemStatisticsService,
  ],
})
export class AssessmentModule {}
