import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { CatalogApi } from '../../../catalog/catalog.api';
import { IdentityApi } from '../../../identity/identity.api';
import { NotificationsApi } from '../../../notifications/notifications.api';
import { answerByAt, followUpEventKey, nextFollowUpStep, startOfWibDay } from '../domain/follow-up-schedule';
import { FollowUpSurvey } from '../entities';

const PAGE = 500;

/**
 * The daily L3 scan: sends follow-ups that fell due, reminds the unanswered ones every
 * 7 days and expires them 30 days after the first send (rules in domain/follow-up-schedule).
 * Each change is a conditional update, and each send has its own event key, so a scan run
 * twice, or two workers at once, notify nobody twice.
 */
@Injectable()
export class FollowUpScan {
  constructor(
    private readonly catalog: CatalogApi,
    private readonly identity: IdentityApi,
    private readonly notifications: NotificationsApi,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async run(day: string): Promise<void> {
    const endOfDay = startOfWibDay(day, 1);
    let after = '';
    for (;;) {
      const page = await this.tx.run((m) =>
        m
          .createQueryBuilder(FollowUpSurvey, 's')
          .where('s.status IN (:...open)', { open: ['scheduled', 'sent'] })
          .andWhere('s.due_at < :endOfDay', { endOfDay })
          .andWhere('s.id > :after', { after })
          .orderBy('s.id', 'ASC')
          .take(PAGE)
          .getMany(),
      );
      if (page.length === 0) return;
      await this.handlePage(page, day);
      after = page[page.length - 1].id;
    }
  }

  private async handlePage(page: FollowUpSurvey[], day: string): Promise<void> {
    const work = page.map((s) => ({ s, step: nextFollowUpStep(s, day) })).filter((w) => w.step.kind !== 'wait');
    if (work.length === 0) return;
    await this.refreshSupervisors(work.filter((w) => w.step.kind === 'send').map((w) => w.s));
    const titles = await this.catalog.courseTitles([...new Set(work.map((w) => w.s.courseId))]);
    const names = await this.identity.namesOf([...new Set(work.map((w) => w.s.learnerId))]);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      for (const { s, step } of work) {
        if (step.kind === 'expire') {
          await this.update(m, s, { status: 'expired', expiredAt: now }, 'sent', s.reminders);
          continue;
        }
        const reminder = step.kind === 'remind' ? step.reminder : 0;
        const changed =
          step.kind === 'send'
            ? await this.update(
                m,
                s,
                { status: 'sent', firstSentAt: now, lastSentAt: now, respondentId: s.respondentId },
                'scheduled',
                0,
              )
            : await this.update(m, s, { lastSentAt: now, reminders: reminder }, 'sent', reminder - 1);
        if (!changed) continue;
        const firstSentAt = s.firstSentAt ?? now;
        await this.notifications.notify(m, {
          category: 'follow-up-survey-due',
          eventKey: followUpEventKey(s.id, reminder),
          recipientIds: [s.respondentId],
          params: {
            course: titles.get(s.courseId) ?? '',
            ...(s.role === 'supervisor' ? { learner: names.get(s.learnerId)?.name ?? '' } : {}),
            dueDate: answerByAt(firstSentAt).toISOString(),
          },
          link: `/survei/tindak-lanjut/${s.id}`,
        });
      }
    });
  }

  /** The supervisor who gets a follow-up is the learner's supervisor when it goes out. */
  private async refreshSupervisors(sending: FollowUpSurvey[]): Promise<void> {
    const supervised = sending.filter((s) => s.role === 'supervisor');
    if (supervised.length === 0) return;
    const facts = await this.identity.factsOf([...new Set(supervised.map((s) => s.learnerId))]);
    const current = new Map(facts.map((f) => [f.id, f.supervisorId]));
    for (const s of supervised) {
      const now = current.get(s.learnerId);
      if (now && now !== s.learnerId) s.respondentId = now;
    }
  }

  private async update(
    m: EntityManager,
    s: FollowUpSurvey,
    set: Partial<FollowUpSurvey>,
    fromStatus: FollowUpSurvey['status'],
    fromReminders: number,
  ): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(FollowUpSurvey)
      .set(set)
      .where({ id: s.id, status: fromStatus, reminders: fromReminders })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
