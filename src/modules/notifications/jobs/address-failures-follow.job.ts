import { Injectable, OnModuleInit } from '@nestjs/common';
import { FOLLOW_CHUNK } from '../../../../libs/database';
import { JobHandler, JobPayloads, JobProcessor, jobsPerChunk, OutboxService } from '../../../../libs/queue';
import { IdentityApi } from '../../identity/identity.api';
import { AddressFailuresService } from '../delivery/address-failures.service';

/**
 * People created, imported, moved or deactivated: their refused addresses follow them to
 * the admins of where they are now. Only enqueued in the writer's transaction (reading the
 * person from another connection there would still see the old region on MySQL).
 */
@Injectable()
@JobHandler('notifications.address-failures-follow')
export class AddressFailuresFollowJob implements JobProcessor<'notifications.address-failures-follow'>, OnModuleInit {
  constructor(
    private readonly identity: IdentityApi,
    private readonly outbox: OutboxService,
    private readonly failures: AddressFailuresService,
  ) {}

  onModuleInit(): void {
    this.identity.onPeopleChanged((m, { userIds }) =>
      this.outbox.enqueueMany(
        m,
        'notifications.address-failures-follow',
        jobsPerChunk(userIds, FOLLOW_CHUNK, (chunk) => ({ userIds: chunk })),
      ),
    );
  }

  handle({ userIds }: JobPayloads['notifications.address-failures-follow']): Promise<void> {
    return this.failures.follow(userIds);
  }
}
