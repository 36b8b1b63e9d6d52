import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from '../../../libs/auth';
import { Clock, newId } from '../../../libs/common';
import { TransactionRunner } from '../../../libs/database';
import { OrganisationApi } from '../organisation/organisation.api';
import { PasswordHasher } from './auth/password-hasher';
import { EmployeeType } from './domain/golongan';
import { User } from './entities';
import { PeopleChangedSubscribers } from './people-changed';
import { toUserView, UserView } from './user.view';

export interface NewAccount {
  name: string;
  role: Role;
  password: string;
  nip?: string | null;
  email?: string | null;
  phone?: string | null;
  employeeType?: EmployeeType | null;
  golongan?: string | null;
  unitId?: string | null;
  positionId?: string | null;
  supervisorId?: string | null;
  scopeRegionCode?: string | null;
  locale?: 'id' | 'en';
}

/**
 * Trusted account creation for provisioning (demo data, first national admin, test
 * factories). It skips the caller-scope checks of UsersService, so it is never
 * reachable from a request.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly organisation: OrganisationApi,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly peopleChanged: PeopleChangedSubscribers,
  ) {}

  count(): Promise<number> {
    return this.users.count();
  }

  async create(account: NewAccount): Promise<UserView> {
    const [unit] = account.unitId ? await this.organisation.unitsByIds([account.unitId]) : [];
    const user = this.users.create({
      id: newId(),
      nip: account.nip ?? null,
      name: account.name,
      email: account.email?.toLowerCase() ?? null,
      phone: account.phone ?? null,
      passwordHash: await this.hasher.hash(account.password),
      role: account.role,
      employeeType: account.employeeType ?? null,
      golongan: account.golongan ?? null,
      positionId: account.positionId ?? null,
      unitId: unit?.id ?? null,
      regionCode: unit?.regionCode ?? null,
      scopeRegionCode: account.scopeRegionCode ?? null,
      supervisorId: account.supervisorId ?? null,
      locale: account.locale ?? 'id',
      active: true,
      createdAt: this.clock.now(),
      updatedAt: this.clock.now(),
    });
    await this.tx.run(async (m) => {
      await m.insert(User, user);
      await this.peopleChanged.notify(m, { userIds: [user.id] });
    });
    return toUserView(user);
  }
}
