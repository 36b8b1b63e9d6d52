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
}
