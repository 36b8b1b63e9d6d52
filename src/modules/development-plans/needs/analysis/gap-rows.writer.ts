import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NeedsGap } from '../entities';
import type { PersonGaps } from '../person-gaps';
import { regionRangeCondition } from './region-range';

/** Rows per INSERT statement (12 columns: well under SQLite's and MySQL's parameter limits). */
const ROWS_PER_INSERT = 400;
/** The columns of needs_gap in the order each row's values are pushed (see NeedsGap). */
const COLUMNS = [
  'user_id',
  'competency_code',
  'region_code',
  'unit_id',
  'required_level',
  'target_required_level',
  'current_level',
  'current_source',
  'gap',
  'target_gap',
  'priority',
  'run_id',
];

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
    if (ids.length) await m.query(`DELETE FROM needs_gap WHERE user_id IN (${ids.map(() => '?').join(', ')})`, ids);
    const rows: unknown[][] = [];
    for (const { gaps, regionCode, unitId } of people) {
      for (const r of gaps.rows) {
        if (r.gap <= 0 && (r.targetGap ?? 0) <= 0) continue;
        rows.push([
          gaps.userId,
          r.competencyCode,
          regionCode,
          unitId,
          r.requiredLevel,
          r.targetRequiredLevel,
          r.currentLevel,
          r.currentSource,
          r.gap,
          r.targetGap,
          r.priority,
          runId,
        ]);
      }
    }
    // Plain multi-row INSERTs: the query builder's parameter handling grows with the square
    // of a statement's parameters, which made it most of a run's CPU time (bench profile).
    const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      await m.query(
        `INSERT INTO needs_gap (${COLUMNS.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
        chunk.flat(),
      );
    }
    return rows.length;
  }

  /**
   * After a run: rows of its population written by earlier runs belong to people who left
   * it (moved, retired, deactivated). Every person still in it was rewritten by this run.
   */
  async sweep(m: EntityManager, runId: string, regionCode: string, unitId: string | null): Promise<void> {
    const c = regionRangeCondition('region_code', regionCode, 'sweepRegion');
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
