import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { Clock } from '../common/clock';
import { CommonError, DomainException } from '../common/errors';
import { isMysqlFamily } from '../database/dialect';
import { runRetryingDeadlocks } from '../database/deadlock';
import { TransactionRunner } from '../database/transaction-runner';
import { RateLimitBucket } from './rate-limit-bucket.entity';

export interface RateLimitRule {
  /** How many hits a window allows; the hit that reaches it starts the block. */
  limit: number;
  windowMs: number;
}

/** Hashes what goes into a key so that no e-mail, NIP or IP sits in the table in clear. */
export function rateKey(kind: string, subject: string): string {
  return `${kind}:${createHash('sha256').update(subject.trim().toLowerCase()).digest('base64url').slice(0, 32)}`;
}

@Injectable()
export class RateLimiterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Throws 429 (with Retry-After) when any of the keys is blocked now. */
  async assertNotBlocked(keys: string[], message: string): Promise<void> {
    const now = this.clock.now();
    const buckets = await this.dataSource.getRepository(RateLimitBucket).findBy({ key: In(keys) });
    const until = buckets
      .map((b) => b.blockedUntil)
      .filter((d): d is Date => !!d && d > now)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (until) throw rateLimited(message, until, now);
  }

  /**
   * Counts one hit, and throws 429 when it is over the window's limit; the hit that reaches
   * the limit still passes and blocks the key until the window ends. The count is taken
   * under a row lock before the caller's work, so requests in flight together each take one
   * of the window's hits: however many arrive at once, no more than `limit` pass.
   */
  async consume(key: string, rule: RateLimitRule, message: string): Promise<void> {
    // The locking read of a key not counted yet locks the gap where it would go; concurrent
    // first hits of keys in one gap (sign-ins of different people at once) can then deadlock
    // on their inserts. The loser was rolled back whole and counts again.
    const { count, blockedUntil } = await runRetryingDeadlocks(this.tx, async (m) => {
      const now = this.clock.now();
      const bucket = await this.lockedBucket(m, key);
      const expired = !bucket || now.getTime() - bucket.windowStartedAt.getTime() >= rule.windowMs;
      const count = expired ? 1 : bucket.count + 1;
      const windowStartedAt = expired ? now : bucket.windowStartedAt;
      const blockedUntil = count >= rule.limit ? new Date(windowStartedAt.getTime() + rule.windowMs) : null;
      await m
        .createQueryBuilder()
        .insert()
        .into(RateLimitBucket)
        .values({ key, count, windowStartedAt, blockedUntil })
        .orUpdate(['count', 'window_started_at', 'blocked_until'], ['key'])
        .execute();
      return { count, blockedUntil };
    });
    if (count > rule.limit && blockedUntil) throw rateLimited(message, blockedUntil, this.clock.now());
  }

  /**
   * Takes back one hit that turned out harmless (a sign-in with the right password), and the
   * block it may have set: a training room of 40 behind one address signs in without 429s,
   * while wrong guesses from it still add up.
   */
  async giveBack(key: string, rule: RateLimitRule): Promise<void> {
    await runRetryingDeadlocks(this.tx, async (m) => {
      const bucket = await this.lockedBucket(m, key);
      if (!bucket || bucket.count <= 0) return;
      const count = bucket.count - 1;
      const blockedUntil = count >= rule.limit ? bucket.blockedUntil : null;
      await m.update(RateLimitBucket, { key }, { count, blockedUntil });
    });
  }

  async reset(key: string): Promise<void> {
    await this.tx.run((m) => m.delete(RateLimitBucket, { key }));
  }

  /** Housekeeping: buckets whose window and block are long over. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    const result = await this.tx.run((m) => m.delete(RateLimitBucket, { windowStartedAt: LessThan(cutoff) }));
    return result.affected ?? 0;
  }

  private lockedBucket(m: EntityManager, key: string): Promise<RateLimitBucket | null> {
    const qb = m.getRepository(RateLimitBucket).createQueryBuilder('b').where('b.key = :key', { key });
    // SQLite transactions are already serial (TransactionRunner); MySQL needs the row lock.
    if (isMysqlFamily(m.connection)) qb.setLock('pessimistic_write');
    return qb.getOne();
  }
}

function rateLimited(message: string, until: Date, now: Date): DomainException {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new DomainException(
    CommonError.RATE_LIMITED,
    message,
    { retryAfterSeconds: retryAfter },
    {
      'Retry-After': String(retryAfter),
    },
  );
}
