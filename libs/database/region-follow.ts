import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { TransactionRunner } from './transaction-runner';

/** People looked up per statement (the IN list's length). */
export const FOLLOW_CHUNK = 1000;
/** Rounds of "write, then check nobody moved meanwhile" before the caller's job is left to its retry. */
const MAX_ROUNDS = 3;

export interface PersonRegion {
  userId: string;
  regionCode: string | null;
}

/**
 * Rows that carry their person's region (a `region_code` beside a `user_id`, so that a
 * region's lists are plain indexed reads) taken to where these people are now. Read, write,
 * then read again: a person who moved between the read and the write (the job of that later
 * move may already have run) is written again, so the last write is never an older region.
 * Runs again as is: rows already in the right region are not written.
 */
export async function followRegions(
  tx: TransactionRunner,
  regionsOf: (userIds: string[]) => Promise<PersonRegion[]>,
  entities: Array<EntityTarget<ObjectLiteral>>,
  userIds: string[],
): Promise<void> {
  let pending = [...new Set(userIds)];
  for (let round = 1; pending.length > 0; round++) {
    if (round > MAX_ROUNDS) throw new Error(`${pending.length} people kept moving while their rows followed`);
    const written: PersonRegion[] = [];
    for (let i = 0; i < pending.length; i += FOLLOW_CHUNK) {
      const regions = await regionsOf(pending.slice(i, i + FOLLOW_CHUNK));
      await tx.run((m) => moveToRegions(m, entities, regions));
      written.push(...regions);
    }
    pending = await movedSince(regionsOf, written);
  }
}

/** The people of `written` now elsewhere than written. */
export async function movedSince(
  regionsOf: (userIds: string[]) => Promise<PersonRegion[]>,
  written: PersonRegion[],
): Promise<string[]> {
  const moved: string[] = [];
  for (let i = 0; i < written.length; i += FOLLOW_CHUNK) {
    const chunk = written.slice(i, i + FOLLOW_CHUNK);
    const now = new Map((await regionsOf(chunk.map((w) => w.userId))).map((p) => [p.userId, p.regionCode]));
    moved.push(...changedRegions(chunk, now));
  }
  return moved;
}

/** The people whose region now differs from the one written (people no longer found are left). */
export function changedRegions(written: PersonRegion[], now: Map<string, string | null>): string[] {
  return [
    ...new Set(written.filter((w) => now.has(w.userId) && now.get(w.userId) !== w.regionCode).map((w) => w.userId)),
  ];
}

/** The people grouped by the region their rows take: one UPDATE per table and region. */
export function byRegion(regions: PersonRegion[]): Map<string | null, string[]> {
  const groups = new Map<string | null, string[]>();
  for (const { userId, regionCode } of regions) {
    const group = groups.get(regionCode);
    if (group) group.push(userId);
    else groups.set(regionCode, [userId]);
  }
  return groups;
}

/** Sets the region of these people's rows; rows already there are not written. */
async function moveToRegions(
  m: EntityManager,
  entities: Array<EntityTarget<ObjectLiteral>>,
  regions: PersonRegion[],
): Promise<void> {
  for (const [regionCode, userIds] of byRegion(regions)) {
    for (const entity of entities) {
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
