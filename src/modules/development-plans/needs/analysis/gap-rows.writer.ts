import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { regionSubtreeCondition } from '../../../../../libs/auth';
import { NeedsGap } from '../entities';
import type { PersonGaps } from '../person-gaps';

/** Rows per INSERT statement (13 columns: well under SQLite's and MySQL's parameter limits). */
const ROWS_PER_INSERT = 400;

/** Writes the gap rows of a batch of people, replacing theirs; sweeps what a run left stale. */
@Injectable()
export class GapRowsWriter {
  /** Replaces the rows of these people with their gaps now (only competencies with a gap). */
  async replace(
    m: EntityManager,
    runId: string,
    people: Array<{ gaps: PersonGaps; regionCode: string | null; unitId: string | null }>,
  ): Promise<number> {
    const ids = people.map((p) => p.gaps.userId);
    if (ids.length) await m.delete(NeedsGap, { userId: In(ids) });
    const rows: NeedsGap[] = [];
    for (const { gaps, regionCode, unitId } of people) {
      for (const r of gaps.rows) {
        if (r.gap <= 0 && (r.targetGap ?? 0) <= 0) continue;
        rows.push({
          userId: gaps.userId,
          competencyCode: r.competencyCode,
          regionCode,
          unitId,
          requiredLevel: r.requiredLevel,
          targetRequiredLevel: r.targetRequiredLevel,
          currentLevel: r.currentLevel,
          currentSource: r.currentSource,
          gap: r.gap,
          targetGap: r.targetGap,
          priority: r.priority,
          runId,
        });
      }
    }
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await m
        .createQueryBuilder()
        .insert()
        .into(NeedsGap)
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .updateEntity(false)
        .execute();
    }
    return rows.length;
  }

  /**
   * After a run: rows of its population written by earlier runs belong to people who left
   * it (moved, retired, deactivated). Every person still in it was rewritten by this run.
   */
  async sweep(m: EntityManager, runId: string, regionCode: string, unitId: string | null): Promise<void> {
    const c = regionSubtreeCondition('region_code', regionCode, 'sweepRegion');
    const qb = m
      .createQueryBuilder()
      .delete()
      .from(NeedsGap)
      .where(c.sql, c.params)
      .andWhere('run_id <> :runId', { runId });
    if (unitId) qb.andWhere('unit_id = :unitId', { unitId });
    await qb.execute();
  }
}
