import { Injectable } from '@nestjs/common';
import { PersonGaps } from './person-gaps';

/** A person's competency gaps now (current and target position), from all the evidence. */
@Injectable()
export class GapService {
  // Built by the needs area.
  async gapsOf(userId: string): Promise<PersonGaps> {
    return { userId, positionId: null, targetPositionId: null, skpRating: null, skpYear: null, rows: [] };
  }
}
