import { Injectable } from '@nestjs/common';
import { IdentityApi, PersonContact } from '../../identity/identity.api';
import { AddressFailuresService } from './address-failures.service';

/** The person to write to, if e-mail can reach them at all. */
export type Reachability =
  | { reachable: true; contact: PersonContact }
  | { reachable: false; contact: PersonContact | null; reason: 'no-address' | 'address-failed' };

@Injectable()
export class RecipientCheck {
  constructor(
    private readonly identity: IdentityApi,
    private readonly failures: AddressFailuresService,
  ) {}

  async reach(userId: string): Promise<Reachability> {
    const [contact] = await this.identity.contactsOf([userId]);
    if (!contact || !contact.active || !contact.email)
      return { reachable: false, contact: contact ?? null, reason: 'no-address' };
    if (await this.failures.isFailed(contact.email)) return { reachable: false, contact, reason: 'address-failed' };
    return { reachable: true, contact };
  }
}
