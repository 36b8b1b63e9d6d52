import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../../../../../libs/common';
import { OutboxService } from '../../../../../libs/queue';
import { IdentityApi } from '../../../identity/identity.api';
import { FOLLOW_CHUNK } from './records-region';

/**
 * People created, imported, moved or deactivated: a job takes their records to where they
 * are now. Only enqueued here: the listener runs inside the writer's transaction, and reading
 * the person from another connection there would see them where they were (MySQL).
 */
@Injectable()
export class RecordsFollowPeople implements OnModuleInit {
  constructor(
    private readonly identity: IdentityApi,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.identity.onPeopleChanged((m, { userIds }) => this.request(m, userIds));
  }

  /** One job per chunk of people; each change asks anew (the job recomputes, so repeats are harmless). */
  request(m: EntityManager, userIds: string[]): Promise<void> {
    const jobs: Array<{ payload: { userIds: string[] }; jobId: string }> = [];
    for (let i = 0; i < userIds.length; i += FOLLOW_CHUNK) {
      jobs.push({ payload: { userIds: userIds.slice(i, i + FOLLOW_CHUNK) }, jobId: newId() });
    }
    return this.outbox.enqueueMany(m, 'development-plans.records-follow-people', jobs);
  }
}
