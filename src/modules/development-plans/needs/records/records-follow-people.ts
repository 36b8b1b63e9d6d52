import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FOLLOW_CHUNK } from '../../../../../libs/database';
import { jobsPerChunk, OutboxService } from '../../../../../libs/queue';
import { IdentityApi } from '../../../identity/identity.api';

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

  request(m: EntityManager, userIds: string[]): Promise<void> {
    const jobs = jobsPerChunk(userIds, FOLLOW_CHUNK, (chunk) => ({ userIds: chunk }));
    return this.outbox.enqueueMany(m, 'development-plans.records-follow-people', jobs);
  }
}
