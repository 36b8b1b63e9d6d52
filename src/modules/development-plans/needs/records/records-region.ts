import { Injectable, Logger } from '@nestjs/common';
import { followRegions, movedSince, PersonRegion, TransactionRunner } from '../../../../../libs/database';
import { IdentityApi } from '../../../identity/identity.api';
import { CompetencyAssessment, SkpRatingRecord } from '../entities';

/**
 * Keeps the region on a person's assessments and SKP ratings where the person is now (the
 * region the identity module holds for them, the one copied onto a record when it is
 * written), so a region's lists are plain indexed reads of `region_code`. Every person
 * is followed, active or not: removal checks a record against its person's current region,
 * so the list shows exactly what its reader may remove.
 */
@Injectable()
export class RecordsRegion {
  private readonly logger = new Logger(RecordsRegion.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityApi,
  ) {}

  /** Moves these people's records to the region they are in now (libs/database followRegions). */
  follow(userIds: string[]): Promise<void> {
    return followRegions(
      this.tx,
      (ids) => this.identity.regionsOf(ids),
      [CompetencyAssessment, SkpRatingRecord],
      userIds,
    );
  }

  /**
   * After records were written with the region their people had when read: a person who
   * moved in between (and whose follow job may have run before these rows were there) takes
   * their records along now. The records are saved by then: a failure here is logged, not
   * reported as a failed save (which would be sent again).
   */
  async settle(written: PersonRegion[]): Promise<void> {
    try {
      const moved = await movedSince((ids) => this.identity.regionsOf(ids), written);
      if (moved.length > 0) await this.follow(moved);
    } catch (err) {
      this.logger.warn({ err, people: written.length }, 'Records written as their people moved kept the old region');
    }
  }
}
