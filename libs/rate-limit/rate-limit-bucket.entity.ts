import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A counter per key (e.g. "login:ip:1.2.3.4") kept in the database, so that every API
 * process sees the same counts. Keys hold hashes, never personal data.
 */
@Entity('rate_limit_bucket')
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  @Column({ type: 'int' })
  count: number;

  @Column({ name: 'window_started_at', type: 'datetime', precision: 3 })
  windowStartedAt: Date;

  @Column({ name: 'blocked_until', type: 'datetime', precision: 3, nullable: true })
  blockedUntil: Date | null;
}
