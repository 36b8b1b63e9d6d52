import { EntityManager } from 'typeorm';
import { NeedAggregate } from '../domain/agency-needs';
import { NeedsGap } from '../entities';
import { regionRangeCondition } from './region-range';

/** One competency's gaps among the people of one region code and unit. */
export type PlacedAggregate = NeedAggregate & { regionCode: string | null; unitId: string | null };

/**
 * One pass over a population's gap rows (current-position gaps only), grouped in the
 * order of the covering index: region code, unit, competency. Units, sub-regions and the
 * whole population are sums of these groups.
 */
export async function gapAggregates(
  m: EntityManager,
  regionCode: string,
  unitId: string | null,
): Promise<PlacedAggregate[]> {
  const region = regionRangeCondition('g.region_code', regionCode);
  const qb = m
    .createQueryBuilder(NeedsGap, 'g')
    .select('g.region_code', 'regionCode')
    .addSelect('g.unit_id', 'unitId')
    .addSelect('g.competency_code', 'competencyCode')
    .addSelect('COUNT(*)', 'people')
    .addSelect('SUM(g.gap)', 'gapSum')
    .addSelect("SUM(CASE WHEN g.priority = 'high' THEN 1 ELSE 0 END)", 'high')
    .addSelect("SUM(CASE WHEN g.priority = 'medium' THEN 1 ELSE 0 END)", 'medium')
    .addSelect('MAX(g.required_level)', 'maxRequired')
    .where(region.sql, region.params)
    .andWhere('g.gap > 0')
    .groupBy('g.region_code')
    .addGroupBy('g.unit_id')
    .addGroupBy('g.competency_code');
  if (unitId) qb.andWhere('g.unit_id = :unitId', { unitId });
  const raw = await qb.getRawMany<Record<string, string | number | null>>();
  return raw.map((r) => {
    const people = Number(r.people);
    const high = Number(r.high);
    const medium = Number(r.medium);
    return {
      regionCode: r.regionCode === null ? null : String(r.regionCode),
      unitId: r.unitId === null ? null : String(r.unitId),
      competencyCode: String(r.competencyCode),
      people,
      gapSum: Number(r.gapSum),
      high,
      medium,
      low: people - high - medium,
      maxRequired: Number(r.maxRequired),
    };
  });
}
