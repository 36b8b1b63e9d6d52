import { Module } from '@nestjs/common';
import { CatalogModule } from '../../catalog/catalog.module';
import { LearningModule } from '../../learning/learning.module';
import { NotificationsModule } from '../notifications.module';
import { DeadlineRemindersService } from './deadline-reminders.service';
import { DeadlineScanJob } from './deadline-scan.job';
import { DeadlineScheduler } from './deadline.scheduler';

/**
 * Deadline reminders read learning's enrolments, and learning produces notifications (a
 * course assigned): kept apart from NotificationsModule so that neither imports the other
 * in a circle (learning → notifications; reminders → learning, notifications).
 */
@Module({
  imports: [NotificationsModule, LearningModule, CatalogModule],
  providers: [DeadlineRemindersService, DeadlineScanJob, DeadlineScheduler],
  exports: [DeadlineRemindersService, DeadlineScheduler],
})
export class DeadlineRemindersModule {}
