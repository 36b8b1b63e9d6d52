import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { CatalogApi } from '../../catalog/catalog.api';
import { DueEnrolment, LearningApi } from '../../learning/learning.api';
import { NotificationsApi } from '../notifications.api';
import { reminderEventKey, reminderWindows } from './deadline-windows';

const PAGE = 500;

/** Finds enrolments due in 7 days and tomorrow and notifies their learners (once each: the event key). */
@Injectable()
export class DeadlineRemindersService {
  constructor(
    private readonly learning: LearningApi,
    private readonly catalog: CatalogApi,
    private readonly notifications: NotificationsApi,
    private readonly tx: TransactionRunner,
  ) {}

  async scan(day: string): Promise<void> {
    const titles = new Map<string, string>();
    for (const window of reminderWindows(day)) {
      let after: string | null = null;
      for (;;) {
        const page = await this.learning.enrolmentsDueBetween(window.from, window.to, after, PAGE);
        if (page.length === 0) break;
        await this.remind(page, window.days, titles);
        after = page[page.length - 1].id;
      }
    }
  }

  private async remind(page: DueEnrolment[], days: number, titles: Map<string, string>): Promise<void> {
    const groups = new Map<string, DueEnrolment[]>();
    for (const e of page) {
      const key = reminderEventKey(e.courseId, e.deadline, days);
      groups.set(key, [...(groups.get(key) ?? []), e]);
      if (!titles.has(e.versionId))
        titles.set(e.versionId, (await this.catalog.completionFacts(e.versionId))?.title ?? '');
    }
    await this.tx.run(async (m) => {
      for (const [eventKey, enrolments] of groups) {
        const first = enrolments[0];
        await this.notifications.notify(m, {
          category: 'deadline-approaching',
          eventKey,
          recipientIds: enrolments.map((e) => e.userId),
          params: { course: titles.get(first.versionId) ?? '', deadline: first.deadline.toISOString(), days },
          link: `/kursus/${first.courseId}`,
          // The day before is urgent (e-mail at once); a week ahead waits for the digest.
          urgent: days === 1,
        });
      }
    });
  }
}
