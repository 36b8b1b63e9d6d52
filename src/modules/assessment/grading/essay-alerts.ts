import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CatalogApi } from '../../catalog/catalog.api';
import { IdentityApi } from '../../identity/identity.api';
import { NotificationsApi } from '../../notifications/notifications.api';
import { Quiz, QuizAttempt } from '../entities';

/**
 * Tells a course's instructors that an attempt waits for an essay mark, inside the grading
 * transaction (no alert for a batch that rolled back). Essays are a small share of attempts,
 * so the lookups here run only for them.
 */
@Injectable()
export class EssayAlerts {
  constructor(
    private readonly catalog: CatalogApi,
    private readonly identity: IdentityApi,
    private readonly notifications: NotificationsApi,
  ) {}

  async awaitingGrading(m: EntityManager, attempts: QuizAttempt[]): Promise<void> {
    if (attempts.length === 0) return;
    const courseIds = [...new Set(attempts.map((a) => a.courseId))];
    const [quizzes, instructors, courses, learners] = await Promise.all([
      m.find(Quiz, {
        where: { id: In([...new Set(attempts.map((a) => a.quizId))]) },
        select: { id: true, title: true },
      }),
      this.catalog.instructorIds(courseIds),
      this.catalog.courseTitles(courseIds),
      this.identity.namesOf([...new Set(attempts.map((a) => a.userId))]),
    ]);
    const quizTitle = new Map(quizzes.map((q) => [q.id, q.title]));
    for (const a of attempts) {
      await this.notifications.notify(m, {
        category: 'essay-awaiting-grading',
        eventKey: `essay-awaiting:${a.id}:${a.gradeVersion + 1}`,
        recipientIds: instructors.get(a.courseId) ?? [],
        params: {
          quiz: quizTitle.get(a.quizId) ?? '',
          course: courses.get(a.courseId) ?? '',
          learner: learners.get(a.userId)?.name ?? '',
        },
        link: `/pengajar/kursus/${a.courseId}/penilaian/${a.id}`,
      });
    }
  }
}
