import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../../libs/auth';
import { AccountsService, NewAccount } from './accounts.service';
import { UsersService } from './users.service';
import { UserView } from './user.view';

/** What other modules may ask of the identity module. */
@Injectable()
export class IdentityApi {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountsService,
  ) {}

  getUser(scope: AccessScope, id: string): Promise<UserView> {
    return this.users.get(scope, id);
  }

  /** Provisioning only (demo data, tests): creates an account without a caller. */
  provisionAccount(account: NewAccount): Promise<UserView> {
    return this.accounts.create(account);
  }

  countAccounts(): Promise<number> {
    return this.accounts.count();
  }

  /** How many people name this person as their direct supervisor. */
  async countDirectReports(supervisorId: string): Promise<number> {
    const page = await this.users.list({ kind: 'own', userId: supervisorId }, { page: 1, pageSize: 1 });
    return Math.max(0, page.total - 1);
  }
}
