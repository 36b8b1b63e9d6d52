import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../../../../libs/auth';
import { TransactionRunner } from '../../../../../libs/database';
import { CatalogApi } from '../../../catalog/catalog.api';
import { CompetenciesApi } from '../../../competencies/competencies.api';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { childRegion, NeedAggregate, rankNeeds, RankedNeed, sumByCompetency } from '../domain/agency-needs';
import { AgencyQuery } from '../dto/needs-run.dto';
import { NeedsRun } from '../entities';
import { gapAggregates, PlacedAggregate } from './gap-aggregates';
import { Population, Populations } from './population';
import { regionAndAncestors } from './region-range';

export type NamedNeed = RankedNeed & { competencyName: string };

export interface AgencyNeeds {
  population: Population;
  /** When the newest analysis covering this population finished (null: never analysed). */
  analysedAt: Date | null;
  /** The whole population's needs, ranked. */
  needs: NamedNeed[];
  /** The same per region one level down (kota/kabupaten of a province, ...), by code. */
  regions: Array<{ regionCode: string; regionName: string; needs: NamedNeed[] }>;
  /** The same per unit, units by name. */
  units: Array<{ unitId: string; unitName: string; needs: NamedNeed[] }>;
}

/**
 * The agency view: a population's training needs, summed up from the gap rows alone (the
 * rows carry region and unit, so one GROUP BY over their covering index is all it reads).
 */
@Injectable()
export class AgencyNeedsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly populations: Populations,
    private readonly catalog: CatalogApi,
    private readonly competencies: CompetenciesApi,
    private readonly organisation: OrganisationApi,
  ) {}

  async view(scope: AccessScope, query: AgencyQuery): Promise<AgencyNeeds> {
    const population = await this.populations.resolve(scope, query);
    const [groups, analysedAt] = await Promise.all([
      this.tx.run((m) => gapAggregates(m, population.regionCode, population.unitId)),
      this.analysedAt(population),
    ]);
    const whole = sumByCompetency(groups);
    const codes = whole.map((a) => a.competencyCode);
    const byUnit = groupBy(groups, (g) => g.unitId);
    const byRegion = population.unitId
      ? new Map()
      : groupBy(groups, (g) => childRegion(g.regionCode, population.regionCode));
    const [courses, names, units, regionNames] = await Promise.all([
      this.catalog.coursesForCompetencies(codes),
      this.competencies.summaries(codes),
      this.organisation.unitsByIds([...byUnit.keys()]),
      this.regionNames([...byRegion.keys()]),
    ]);
    const nameOf = new Map(names.map((c) => [c.code, c.name]));
    const named = (aggregates: NeedAggregate[]): NamedNeed[] =>
      rankNeeds(sumByCompetency(aggregates), courses).map((n) => ({
        ...n,
        competencyName: nameOf.get(n.competencyCode) ?? n.competencyCode,
      }));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return {
      population,
      analysedAt,
      needs: named(whole),
      regions: [...byRegion]
        .map(([regionCode, rows]) => ({
          regionCode,
          regionName: regionNames.get(regionCode) ?? regionCode,
          needs: named(rows),
        }))
        .sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
      units: [...byUnit]
        .map(([unitId, rows]) => ({ unitId, unitName: unitName.get(unitId) ?? '', needs: named(rows) }))
        .sort((a, b) => a.unitName.localeCompare(b.unitName)),
    };
  }

  private async regionNames(codes: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const code of codes) {
      const region = await this.organisation.getRegion(code).catch(() => null);
      if (region) names.set(code, region.name);
    }
    return names;
  }

  /**
   * The newest finished run over this population or a region containing it: a run of the
   * region or one of its ancestors, over the whole region or this population's unit.
   */
  private async analysedAt(p: Population): Promise<Date | null> {
    const run = await this.tx.run((m) => {
      const qb = m
        .createQueryBuilder(NeedsRun, 'r')
        .select(['r.id', 'r.finishedAt'])
        .where('r.region_code IN (:...regions)', { regions: regionAndAncestors(p.regionCode) })
        .andWhere('r.status = :done', { done: 'done' })
        .orderBy('r.finishedAt', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .limit(1);
      if (p.unitId) qb.andWhere('(r.unit_id IS NULL OR r.unit_id = :unitId)', { unitId: p.unitId });
      else qb.andWhere('r.unit_id IS NULL');
      return qb.getOne();
    });
    return run?.finishedAt ?? null;
  }
}

/** Groups by a key, leaving out rows whose key is null. */
function groupBy(
  rows: PlacedAggregate[],
  key: (row: PlacedAggregate) => string | null,
): Map<string, PlacedAggregate[]> {
  const out = new Map<string, PlacedAggregate[]>();
  for (const row of rows) {
    const k = key(row);
    if (k !== null) out.set(k, [...(out.get(k) ?? []), row]);
  }
  return out;
}
