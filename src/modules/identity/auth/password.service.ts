import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { Clock, DomainException } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { RateLimiterService } from '../../../../libs/rate-limit';
import { User } from '../entities';
import { IdentityError } from '../identity.errors';
import { UsersService } from '../users.service';
import { personRateKey } from './auth.service';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class PasswordService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly limiter: RateLimiterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the current password under the same per-person allowance as sign-in: a stolen
   * token must not guess the password here without limit, then set one of its own.
   */
  async change(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.byIdOrFail(userId);
    const key = personRateKey(userId);
    const { maxFailuresPerAccount, windowSeconds } = this.config.login;
    const message = 'Too many wrong passwords; try again later';
    await this.limiter.assertNotBlocked([key], message);
    await this.limiter.consume(key, { limit: maxFailuresPerAccount, windowMs: windowSeconds * 1000 }, message);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new DomainException(IdentityError.WRONG_PASSWORD, 'The current password is wrong', {
        fields: [{ field: 'currentPassword', rule: 'matches', message: 'currentPassword is wrong' }],
      });
    }
    await this.limiter.reset(key);
    await this.set(userId, newPassword);
  }

  /** A new password ends every session of the person: tokens issued before it are refused. */
  async set(userId: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    await this.tx.run((m) => m.update(User, { id: userId }, { passwordHash, sessionsValidFrom: now, updatedAt: now }));
  }
}
