import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope, regionWithin } from '../../../../../libs/auth';
import { TransactionRunner } from '../../../../../libs/database';
import { CatalogApi } from '../../../catalog/catalog.api';
import { CompetenciesApi } from '../../../competencies/competencies.api';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { NeedAggregate, rankNeeds, RankedNeed } from '../domain/agency-needs';
import { AgencyQuery } from '../dto/needs-run.dto';
import { NeedsGap, NeedsRun } from '../entities';
import { Population, Populations } from './population';
import { regionRangeCondition } from './region-range';

export type NamedNeed = RankedNeed & { competencyName: string };

export interface AgencyNeeds {
  population: Population;
  /** When the newest analysis covering this population finished (null: never analysed). */
  analysedAt: Date | null;
  /** The whole population's needs, ranked. */
  needs: NamedNeed[];
  /** The same per unit, units by name. */
  units: Array<{ unitId: string; unitName: string; needs: NamedNeed[] }>;
}

type RawAggregate = Record<string, string | number | null>;

/**
 * The agency view: a population's training needs, summed up from the gap rows alone (the
 * rows carry region and unit, so the GROUP BY reads one covering index).
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
    const [perUnit, analysedAt] = await Promise.all([this.aggregate(population), this.analysedAt(population)]);
    const whole = sumByCompetency(perUnit);
    const codes = [...new Set(whole.map((a) => a.competencyCode))];
    const [courses, names, units] = await Promise.all([
      this.catalog.coursesForCompetencies(codes),
      this.competencies.summaries(codes),
      this.organisation.unitsByIds([...new Set(perUnit.map((a) => a.unitId).filter((u): u is string => !!u))]),
    ]);
    const nameOf = new Map(names.map((c) => [c.code, c.name]));
    const named = (aggregates: NeedAggregate[]): NamedNeed[] =>
      rankNeeds(aggregates, courses).map((n) => ({
        ...n,
        competencyName: nameOf.get(n.competencyCode) ?? n.competencyCode,
      }));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const byUnit = new Map<string, NeedAggregate[]>();
    for (const a of perUnit) if (a.unitId) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
    return {
      population,
      analysedAt,
      needs: named(whole),
      units: [...byUnit]
        .map(([unitId, aggregates]) => ({ unitId, unitName: unitName.get(unitId) ?? '', needs: named(aggregates) }))
        .sort((a, b) => a.unitName.localeCompare(b.unitName)),
    };
  }

  /**
   * One pass over the population's gap rows, grouped by unit and competency (people
   * without a unit form their own group); the whole population is their sum.
   */
  private async aggregate(p: Population): Promise<Array<NeedAggregate & { unitId: string | null }>> {
    const raw = await this.tx.run((m) => {
      const region = regionRangeCondition('g.region_code', p.regionCode);
      const qb = m
        .createQueryBuilder(NeedsGap, 'g')
        .select('g.unit_id', 'unitId')
        .addSelect('g.competency_code', 'competencyCode')
        .addSelect('COUNT(*)', 'people')
        .addSelect('SUM(g.gap)', 'gapSum')
        .addSelect("SUM(CASE WHEN g.priority = 'high' THEN 1 ELSE 0 END)", 'high')
        .addSelect("SUM(CASE WHEN g.priority = 'medium' THEN 1 ELSE 0 END)", 'medium')
        .addSelect('MAX(g.required_level)', 'maxRequired')
        .where(region.sql, region.params)
        .andWhere('g.gap > 0')
        .groupBy('g.unit_id')
        .addGroupBy('g.competency_code');
      if (p.unitId) qb.andWhere('g.unit_id = :unitId', { unitId: p.unitId });
      return qb.getRawMany<RawAggregate>();
    });
    return raw.map((r) => {
      const people = Number(r.people);
      const high = Number(r.high);
      const medium = Number(r.medium);
      return {
        unitId: r.unitId === null || r.unitId === undefined ? null : String(r.unitId),
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

  /** The newest finished run over this population or a region containing it. */
  private async analysedAt(p: Population): Promise<Date | null> {
    const runs = await this.tx.run((m) =>
      m.find(NeedsRun, { where: { status: In(['done']) }, order: { finishedAt: 'DESC' }, take: 200 }),
    );
    const covering = runs.find(
      (r) => regionWithin(p.regionCode, r.regionCode) && (r.unitId === null || r.unitId === p.unitId),
    );
    return covering?.finishedAt ?? null;
  }
}

/** The whole population's aggregate per competency: the sum of its units'. */
function sumByCompetency(rows: NeedAggregate[]): NeedAggregate[] {
  const sums = new Map<string, NeedAggregate>();
  for (const r of rows) {
    const s = sums.get(r.competencyCode);
    if (!s) {
      sums.set(r.competencyCode, { ...r });
      continue;
    }
    s.people += r.people;
    s.gapSum += r.gapSum;
    s.high += r.high;
    s.medium += r.medium;
    s.low += r.low;
    s.maxRequired = Math.max(s.maxRequired, r.maxRequired);
  }
  return [...sums.values()].map(({ competencyCode, people, gapSum, high, medium, low, maxRequired }) => ({
    competencyCode,
    people,
    gapSum,
    high,
    medium,
    low,
    maxRequired,
  }));
}
