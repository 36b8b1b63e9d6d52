import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../libs/common';
import { IdentityApi } from '../../identity/identity.api';
import { GapInputsLoader, PersonInputs } from './analysis/gap-inputs.loader';
import { gapTable } from './domain/gap-table';
import { PersonGaps } from './person-gaps';

/** A person's competency gaps now (current and target position), from all the evidence. */
@Injectable()
export class GapService {
  constructor(
    private readonly identity: IdentityApi,
    private readonly loader: GapInputsLoader,
    private readonly clock: Clock,
  ) {}

  /** Computed live (not from the last analysis run), so a plan starts from today's evidence. */
  async gapsOf(userId: string): Promise<PersonGaps> {
    const [person] = await this.identity.factsOf([userId]);
    if (!person) return { userId, positionId: null, targetPositionId: null, skpRating: null, skpYear: null, rows: [] };
    const [loaded] = await this.loader.load([person], this.clock.now());
    return personGaps(loaded);
  }
}

export function personGaps(loaded: PersonInputs): PersonGaps {
  return {
    userId: loaded.person.id,
    positionId: loaded.person.positionId,
    targetPositionId: loaded.targetPositionId,
    skpRating: loaded.skp?.rating ?? null,
    skpYear: loaded.skp?.year ?? null,
    rows: gapTable(loaded.inputs),
  };
}
