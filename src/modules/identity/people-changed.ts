import { Injectable } from '@nestjs/common';
import { InTxListeners } from '../../../libs/queue';

/**
 * People were created, imported, moved (unit/region), changed position, golongan or
 * employee type, or were deactivated: announced in the writer's transaction.
 */
export interface PeopleChanged {
  userIds: string[];
}

/** Modules that follow people's facts (monitoring) register here through IdentityApi. */
@Injectable()
export class PeopleChangedSubscribers extends InTxListeners<PeopleChanged> {}
