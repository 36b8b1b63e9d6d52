import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../../../libs/database';
import { IdentityApi } from '../../../identity/identity.api';
import { CompetencyAssessment, SkpRatingRecord } from '../entities';

/** People whose records are brought up to date per statement (the IN list's length). */
export const FOLLOW_CHUNK = 1000;
/** Rounds of "write, then check nobody moved meanwhile" before the job is left to its retry. */
const MAX_ROUNDS = 3;

export interface WrittenRegion {
  userId: string;
  regionCode: string | null;
}

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

  /**
   * Moves these people's records to the region they are in now. Read, write, then read again:
   * a person who moved between the read and the write (a job of that later move may already
   * have run) is written again, so the last write is never an older region. Runs again as is
   * (rows already in the right region are not written).
   */
  async follow(userIds: string[]): Promise<void> {
    let pending = [...new Set(userIds)];
    for (let round = 1; pending.length > 0; round++) {
      if (round > MAX_ROUNDS) throw new Error(`${pending.length} people kept moving while their records followed`);
      const written: WrittenRegion[] = [];
      for (let i = 0; i < pending.length; i += FOLLOW_CHUNK) {
        const people = await this.identity.factsOf(pending.slice(i, i + FOLLOW_CHUNK));
        const regions = people.map((p) => ({ userId: p.id, regionCode: p.regionCode }));
        await this.tx.run((m) => moveRecords(m, regions));
        written.push(...regions);
      }
      pending = await this.movedSince(written);
    }
  }

  /**
   * After records were written with the region their people had when read: a person who
   * moved in between (and whose follow job may have run before these rows were there) takes
   * their records along now. The records are saved by then: a failure here is logged, not
   * reported as a failed save (which would be sent again).
   */
  async settle(written: WrittenRegion[]): Promise<void> {
    try {
      const moved = await this.movedSince(written);
      if (moved.length > 0) await this.follow(moved);
    } catch (err) {
      this.logger.warn({ err, people: written.length }, 'Records written as their people moved kept the old region');
    }
  }

  private async movedSince(written: WrittenRegion[]): Promise<string[]> {
    const moved: string[] = [];
    for (let i = 0; i < written.length; i += FOLLOW_CHUNK) {
      const chunk = written.slice(i, i + FOLLOW_CHUNK);
      const now = new Map((await this.identity.factsOf(chunk.map((w) => w.userId))).map((p) => [p.id, p.regionCode]));
      moved.push(...changedRegions(chunk, now));
    }
    return moved;
  }
}

/** The people whose region now differs from the one written (people no longer found are left). */
export function changedRegions(written: WrittenRegion[], now: Map<string, string | null>): string[] {
  return [
    ...new Set(written.filter((w) => now.has(w.userId) && now.get(w.userId) !== w.regionCode).map((w) => w.userId)),
  ];
}

/** The people grouped by the region their records take: one UPDATE per table and region. */
export function byRegion(regions: WrittenRegion[]): Map<string | null, string[]> {
  const groups = new Map<string | null, string[]>();
  for (const { userId, regionCode } of regions) {
    const group = groups.get(regionCode);
    if (group) group.push(userId);
    else groups.set(regionCode, [userId]);
  }
  return groups;
}

/** Sets the region of these people's records; rows already there are not written. */
async function moveRecords(m: EntityManager, regions: WrittenRegion[]): Promise<void> {
  for (const [regionCode, userIds] of byRegion(regions)) {
    for (const entity of [CompetencyAssessment, SkpRatingRecord]) {
      const qb = m
        .createQueryBuilder()
        .update(entity)
        .set({ regionCode })
        .where('user_id IN (:...userIds)', { userIds });
      if (regionCode === null) qb.andWhere('region_code IS NOT NULL');
      else qb.andWhere('(region_code IS NULL OR region_code <> :regionCode)', { regionCode });
      await qb.execute();
    }
  }
}
