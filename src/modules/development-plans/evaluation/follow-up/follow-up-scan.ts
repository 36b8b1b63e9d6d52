import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock, newId } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { CatalogApi } from '../../../catalog/catalog.api';
import { IdentityApi } from '../../../identity/identity.api';
import { NotificationsApi } from '../../../notifications/notifications.api';
import {
  answerByAt,
  followUpEventKey,
  FollowUpStep,
  nextFollowUpStep,
  startOfWibDay,
} from '../domain/follow-up-schedule';
import { FollowUpSurvey } from '../entities';

/** One follow-up and what today's scan does with it; `isNew` rows are written first. */
interface Work {
  s: FollowUpSurvey;
  step: FollowUpStep;
  isNew?: boolean;
}

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
    const due: Work[] = page.map((s) => ({ s, step: nextFollowUpStep(s, day) })).filter((w) => w.step.kind !== 'wait');
    if (due.length === 0) return;
    const work = await this.withCurrentSupervisors(due);
    const titles = await this.catalog.courseTitles([...new Set(work.map((w) => w.s.courseId))]);
    const names = await this.identity.namesOf([...new Set(work.map((w) => w.s.learnerId))]);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      for (const { s, step, isNew } of work) {
        if (isNew)
          await m.createQueryBuilder().insert().into(FollowUpSurvey).values(s).orIgnore().updateEntity(false).execute();
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

  /**
   * The supervisor who gets a follow-up is the learner's supervisor when it goes out: a
   * changed supervisor takes over, and a learner who had none at completion but has one
   * now gets the supervisor's follow-up too (its unique key keeps it to one per enrolment).
   */
  private async withCurrentSupervisors(due: Work[]): Promise<Work[]> {
    const sending = due.filter((w) => w.step.kind === 'send').map((w) => w.s);
    if (sending.length === 0) return due;
    const facts = await this.identity.factsOf([...new Set(sending.map((s) => s.learnerId))]);
    const current = new Map(facts.map((f) => [f.id, f.supervisorId]));
    const supervisorOf = (learnerId: string) => {
      const id = current.get(learnerId);
      return id && id !== learnerId ? id : null;
    };
    for (const s of sending) if (s.role === 'supervisor') s.respondentId = supervisorOf(s.learnerId) ?? s.respondentId;
    const unsupervised = sending.filter((s) => s.role === 'learner' && supervisorOf(s.learnerId));
    if (unsupervised.length === 0) return due;
    const existing = await this.tx.run((m) =>
      m.find(FollowUpSurvey, {
        select: { enrolmentId: true },
        where: { enrolmentId: In(unsupervised.map((s) => s.enrolmentId)), role: 'supervisor' },
      }),
    );
    const covered = new Set(existing.map((e) => e.enrolmentId));
    const added = unsupervised
      .filter((s) => !covered.has(s.enrolmentId))
      .map((s) => ({
        s: { ...s, id: newId(), role: 'supervisor' as const, respondentId: supervisorOf(s.learnerId)! },
        step: { kind: 'send' as const },
        isNew: true,
      }));
    return [...due, ...added];
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
