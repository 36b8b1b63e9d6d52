import { Injectable } from '@nestjs/common';
import { AccessScope, regionWithin } from '../../../../../libs/auth';
import { DomainException } from '../../../../../libs/common';
import { IdentityApi, PersonFacts } from '../../../identity/identity.api';
import { NeedsError } from '../needs.errors';

/** NIP as stored: digits only (people type it with spaces, as it is printed). */
export const normaliseNip = (nip: string): string => nip.replace(/\s+/g, '');

export function personVisible(scope: AccessScope, person: Pick<PersonFacts, 'id' | 'regionCode'>): boolean {
  if (scope.kind === 'national') return true;
  if (scope.kind === 'region') return regionWithin(person.regionCode, scope.regionCode);
  return scope.userId === person.id;
}

/** Finds an ASN the caller may see; anyone else is "not found" (their existence is not confirmed). */
@Injectable()
export class PeopleInScope {
  constructor(private readonly identity: IdentityApi) {}

  async byId(scope: AccessScope, userId: string): Promise<PersonFacts> {
    const [person] = await this.identity.factsOf([userId]);
    if (!person || !person.nip || !personVisible(scope, person)) throw notFound();
    return person;
  }

  async byNip(scope: AccessScope, nip: string): Promise<PersonFacts> {
    const [person] = await this.identity.peopleByNips([normaliseNip(nip)]);
    if (!person || !personVisible(scope, person)) throw notFound();
    return person;
  }
}

const notFound = () =>
  new DomainException(NeedsError.NEEDS_PERSON_NOT_FOUND, 'No ASN with that id or NIP in your scope');
