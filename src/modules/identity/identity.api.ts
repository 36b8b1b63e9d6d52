import { Injectable } from '@nestjs/common';
import { AccessScope, regionWithin } from '../../../libs/auth';
import { AccountsService, NewAccount } from './accounts.service';
import { UserQuery } from './dto/user.dto';
import { UsersService } from './users.service';
import { PeopleDirectory, PeopleFilter, PersonContact, PersonFacts } from './people-directory';
import { PeopleChanged, PeopleChangedSubscribers } from './people-changed';
import { InTxListener } from '../../../libs/queue';
import { UserView } from './user.view';
import type { PersonRegion } from '../../../libs/database';

export type { PeopleFilter, PersonContact, PersonFacts } from './people-directory';
export type { PeopleChanged } from './people-changed';
export { PopulationFilterDto } from './dto/population-filter.dto';

/** What other modules may ask of the identity module. */
@Injectable()
export class IdentityApi {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountsService,
    private readonly people: PeopleDirectory,
    private readonly peopleChanged: PeopleChangedSubscribers,
  ) {}

  /**
   * Called in the writer's transaction with the ids of people created, imported, moved,
   * given another position, golongan or employee type, or deactivated.
   */
  onPeopleChanged(listener: InTxListener<PeopleChanged>): void {
    this.peopleChanged.subscribe(listener);
  }

  /** ASN (employee type set, account active) in id order after `afterId`; optionally one position's holders. */
  asnPage(filter: { positionId?: string }, afterId: string | null, limit: number): Promise<PersonFacts[]> {
    return this.people.asnPage(filter, afterId, limit);
  }

  /** Those of these people who are ASN (employee type set, account active), with their facts. */
  asnFactsOf(ids: string[]): Promise<PersonFacts[]> {
    return this.people.asnOf(ids);
  }

  /** ASN matching a filter, `limit` at a time after `afterId` (for resumable jobs). */
  peoplePage(filter: PeopleFilter, afterId: string | null, limit: number): Promise<PersonFacts[]> {
    return this.people.page(filter, afterId, limit);
  }

  /** Finds a colleague by the NIP or e-mail they sign in with (to add a co-instructor, say). */
  findByLogin(identifier: string): Promise<{ id: string; name: string; role: string } | null> {
    return this.people.byLogin(identifier);
  }

  namesOf(ids: string[]): Promise<Map<string, { name: string; nip: string | null }>> {
    return this.people.namesOf(ids);
  }

  /** Name, e-mail, language and region of each person (for notifications). */
  contactsOf(ids: string[]): Promise<PersonContact[]> {
    return this.people.contactsOf(ids);
  }

  /** Region, unit, position, supervisor, ... of each person (ids the caller may already see). */
  factsOf(ids: string[]): Promise<PersonFacts[]> {
    return this.people.factsOf(ids);
  }

  /** Where each person is now: what rows following their person take (libs/database followRegions). */
  async regionsOf(ids: string[]): Promise<PersonRegion[]> {
    return (await this.people.factsOf(ids)).map((p) => ({ userId: p.id, regionCode: p.regionCode }));
  }

  peopleByNips(nips: string[]): Promise<PersonFacts[]> {
    return this.people.byNips(nips);
  }

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

  /**
   * Active unit admins whose scope contains this region (the region or one of its
   * ancestors): who approves a development plan of someone there.
   */
  async unitAdminsCovering(regionCode: string): Promise<string[]> {
    const found: string[] = [];
    for (let page = 1; ; page++) {
      const query = Object.assign(new UserQuery(), { page, pageSize: 100, role: 'unit_admin' });
      const batch = await this.users.list({ kind: 'national' }, query);
      for (const u of batch.items)
        if (u.active && u.scopeRegionCode && regionWithin(regionCode, u.scopeRegionCode)) found.push(u.id);
      if (page >= batch.totalPages) return found;
    }
  }

  /** How many people name this person as their direct supervisor. */
  async countDirectReports(supervisorId: string): Promise<number> {
    const page = await this.users.list({ kind: 'own', userId: supervisorId }, { page: 1, pageSize: 1 });
    return Math.max(0, page.total - 1);
  }
}
