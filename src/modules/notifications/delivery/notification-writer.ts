import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock, newId } from '../../../../libs/common';
import { OutboxService } from '../../../../libs/queue';
import { URGENT_BY_DEFAULT } from '../domain/categories';
import { NotificationEvent, problemsOfEvent } from '../domain/notification-event';
import { Notification } from '../entities';

/** Recipients per statement and per fan-out job (an assignment batch fits in one). */
const CHUNK = 500;

/**
 * Writes an event's notifications inside the producer's transaction: one row per
 * recipient (a duplicate event adds nothing) and one outbox job that fans out to a
 * delivery job per recipient. Nothing is lost if the process dies after the commit, and
 * nothing is sent for a change that rolled back.
 */
@Injectable()
export class NotificationWriter {
  constructor(
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  async write(manager: EntityManager, event: NotificationEvent): Promise<void> {
    const problems = problemsOfEvent(event);
    if (problems.length) throw new Error(`Invalid notification event ${event.eventKey}: ${problems.join('; ')}`);
    const recipients = [...new Set(event.recipientIds)].sort();
    const now = this.clock.now();
    const urgent = event.urgent ?? URGENT_BY_DEFAULT[event.category];
    const paramsJson = JSON.stringify(event.params ?? {});
    for (let i = 0; i < recipients.length; i += CHUNK) {
      const chunk = recipients.slice(i, i + CHUNK);
      await manager
        .createQueryBuilder()
        .insert()
        .into(Notification)
        .values(
          chunk.map((recipientId) => ({
            id: newId(),
            eventKey: event.eventKey,
            recipientId,
            category: event.category,
            paramsJson,
            link: event.link,
            urgent,
            emailStatus: 'pending' as const,
            digestKey: null,
            createdAt: now,
            readAt: null,
            emailedAt: null,
          })),
        )
        .orIgnore()
        .updateEntity(false)
        .execute();
      await this.outbox.enqueue(
        manager,
        'notifications.fan-out',
        { eventKey: event.eventKey, recipientIds: chunk },
        { jobId: fanOutJobId(event.eventKey, chunk) },
      );
    }
  }
}

/** The same call (event and recipients) is the same job; another batch of the same event is another. */
function fanOutJobId(eventKey: string, recipients: string[]): string {
  return createHash('sha256')
    .update(`${eventKey}\n${recipients.join(',')}`)
    .digest('hex');
}
