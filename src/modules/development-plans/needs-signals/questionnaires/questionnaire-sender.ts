import { Injectable } from '@nestjs/common';
import { regionWithin } from '../../../../../libs/auth';
import { Clock, newId } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { failUnfinishedRun } from '../../../../../libs/queue';
import { IdentityApi, PeopleFilter, PersonFacts } from '../../../identity/identity.api';
import { NotificationsApi } from '../../../notifications/notifications.api';
import { Questionnaire, QuestionnaireRecipient } from '../entities';

export const SEND_BATCH = 200;

/**
 * Sends a questionnaire to its population, a batch per transaction: the recipient rows,
 * their notifications and the cursor commit together, so a run that dies half way resumes
 * after its last batch. A person is a recipient once (unique row) and notified once (the
 * event key is the questionnaire), however often the job runs.
 */
@Injectable()
export class QuestionnaireSender {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly identity: IdentityApi,
    private readonly notifications: NotificationsApi,
  ) {}

  async run(questionnaireId: string, batchSize = SEND_BATCH): Promise<void> {
    const q = await this.tx.run((m) => m.findOneBy(Questionnaire, { id: questionnaireId }));
    if (!q || q.status === 'done') return;
    await this.tx.run((m) => m.update(Questionnaire, { id: q.id }, { status: 'running' }));
    const filter = JSON.parse(q.filterJson) as PeopleFilter;
    let cursor = q.cursor;
    for (;;) {
      const people = await this.identity.peoplePage(filter, cursor, batchSize);
      if (people.length === 0) break;
      const next = people[people.length - 1].id;
      await this.apply(q, people, cursor, next);
      cursor = next;
    }
    await this.tx.run((m) => m.update(Questionnaire, { id: q.id }, { status: 'done', finishedAt: this.clock.now() }));
  }

  /**
   * Fails a sending that has not finished, with why. Conditional on queued/running: a sending
   * done (or failed) meanwhile, say by a worker that finished it before dying, is left as it
   * is. Returns whether this call failed it.
   */
  async fail(questionnaireId: string, error: string): Promise<boolean> {
    return this.tx.run((m) => failUnfinishedRun(m, Questionnaire, questionnaireId, { error: error.slice(0, 300) }));
  }

  private async apply(q: Questionnaire, people: PersonFacts[], fromCursor: string | null, toCursor: string) {
    // The filter already lies within the sender's region; this guards a region code edited since.
    const reachable = people.filter((p) => q.scopeRegionCode === null || regionWithin(p.regionCode, q.scopeRegionCode));
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      if (reachable.length) {
        await m
          .createQueryBuilder()
          .insert()
          .into(QuestionnaireRecipient)
          .values(
            reachable.map((p) => ({
              id: newId(),
              questionnaireId: q.id,
              userId: p.id,
              positionId: p.positionId,
              regionCode: p.regionCode,
              note: null,
              answeredAt: null,
              createdAt: now,
            })),
          )
          .orIgnore()
          .updateEntity(false)
          .execute();
        await this.notifications.notify(m, {
          category: 'needs-questionnaire',
          eventKey: `needs-questionnaire:${q.id}`,
          recipientIds: reachable.map((p) => p.id),
          // Noon WIB of the due day: the template prints the day itself (its closing instant is the next midnight).
          params: { title: q.title, ...(q.dueOn ? { dueDate: `${q.dueOn}T05:00:00.000Z` } : {}) },
          link: `/kuesioner/${q.id}`,
        });
      }
      // The cursor guard: if another run of this job moved on meanwhile, this batch is dropped.
      const moved = await m
        .createQueryBuilder()
        .update(Questionnaire)
        .set({ cursor: toCursor })
        .where('id = :id', { id: q.id })
        .andWhere(fromCursor === null ? 'cursor IS NULL' : 'cursor = :fromCursor', { fromCursor })
        .execute();
      if (moved.affected !== 1) throw new Error('Another run of this questionnaire moved on; this batch is dropped');
    });
  }
}
