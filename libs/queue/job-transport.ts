import { OutboxMessage } from './outbox-message.entity';

/**
 * Where the relay hands claimed outbox rows. BullMQ takes ownership of a row once it
 * holds the job ('sent'); the in-process runner runs it on the spot ('done'), so in
 * the embedded default the outbox row itself is the durable job.
 */
export interface JobTransport {
  readonly kind: 'bullmq' | 'in-process';
  deliver(message: OutboxMessage): Promise<'sent' | 'done'>;
  /** Hands over a whole claimed batch at once, where the transport can (one round trip per queue). */
  deliverMany?(messages: OutboxMessage[]): Promise<'sent'>;
  /**
   * Why a row can never be delivered (a job name no queue takes, say from a renamed job, or a
   * payload that is not JSON), or null. The relay fails such a row for good instead of
   * letting it fail, again and again, every batch it is claimed in.
   */
  undeliverable?(message: OutboxMessage): string | null;
  /** True when nothing handed over is still waiting or running (tests drain on it). */
  idle(): Promise<boolean>;
  close(): Promise<void>;
}

export const JOB_TRANSPORT = Symbol('JOB_TRANSPORT');
