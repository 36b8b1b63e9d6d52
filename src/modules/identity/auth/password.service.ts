import { Injectable } from '@nestjs/common';
import { Clock, DomainException } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { User } from '../entities';
import { IdentityError } from '../identity.errors';
import { UsersService } from '../users.service';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class PasswordService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async change(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.byIdOrFail(userId);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new DomainException(IdentityError.WRONG_PASSWORD, 'The current password is wrong', {
        fields: [{ field: 'currentPassword', rule: 'matches', message: 'currentPassword is wrong' }],
      });
    }
    await this.set(userId, newPassword);
  }

  async set(userId: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.tx.run((m) => m.update(User, { id: userId }, { passwordHash, updatedAt: this.clock.now() }));
  }
}
