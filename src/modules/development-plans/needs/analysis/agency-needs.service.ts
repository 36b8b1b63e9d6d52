import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope, regionSubtreeCondition, regionWithin } from '../../../../../libs/auth';
import { TransactionRunner } from '../../../../../libs/database';
import { CatalogApi } from '../../../catalog/catalog.api';
import { CompetenciesApi } from '../../../competencies/competencies.api';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { NeedAggregate, rankNeeds, RankedNeed } from '../domain/agency-needs';
import { AgencyQuery } from '../dto/needs-run.dto';
import { NeedsGap, NeedsRun } from '../entities';
import { Population, Populations } from './population';

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
    const [whole, perUnit, analysedAt] = await Promise.all([
      this.aggregate(population, false),
      this.aggregate(population, true),
      this.analysedAt(population),
    ]);
    const codes = [...new Set(whole.map((a) => a.competencyCode))];
    const [courses, names, units] = await Promise.all([
      this.catalog.coursesForCompetencies(codes),
      this.competencies.summaries(codes),
      this.organisation.unitsByIds([...new Set(perUnit.map((a) => a.unitId))]),
    ]);
    const nameOf = new Map(names.map((c) => [c.code, c.name]));
    const named = (aggregates: NeedAggregate[]): NamedNeed[] =>
      rankNeeds(aggregates, courses).map((n) => ({
        ...n,
        competencyName: nameOf.get(n.competencyCode) ?? n.competencyCode,
      }));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const byUnit = new Map<string, NeedAggregate[]>();
    for (const a of perUnit) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
    return {
      population,
      analysedAt,
      needs: named(whole),
      units: [...byUnit]
        .map(([unitId, aggregates]) => ({ unitId, unitName: unitName.get(unitId) ?? '', needs: named(aggregates) }))
        .sort((a, b) => a.unitName.localeCompare(b.unitName)),
    };
  }

  private async aggregate(p: Population, perUnit: boolean): Promise<Array<NeedAggregate & { unitId: string }>> {
    const raw = await this.tx.run((m) => {
      const c = regionSubtreeCondition('g.region_code', p.regionCode);
      const qb = m
        .createQueryBuilder(NeedsGap, 'g')
        .select('g.competency_code', 'competencyCode')
        .addSelect('COUNT(*)', 'people')
        .addSelect('SUM(g.gap)', 'gapSum')
        .addSelect("SUM(CASE WHEN g.priority = 'high' THEN 1 ELSE 0 END)", 'high')
        .addSelect("SUM(CASE WHEN g.priority = 'medium' THEN 1 ELSE 0 END)", 'medium')
        .addSelect('MAX(g.required_level)', 'maxRequired')
        .where(c.sql, c.params)
        .andWhere('g.gap > 0')
        .groupBy('g.competency_code');
      if (p.unitId) qb.andWhere('g.unit_id = :unitId', { unitId: p.unitId });
      if (perUnit) qb.addSelect('g.unit_id', 'unitId').andWhere('g.unit_id IS NOT NULL').addGroupBy('g.unit_id');
      return qb.getRawMany<RawAggregate>();
    });
    return raw.map((r) => {
      const people = Number(r.people);
      const high = Number(r.high);
      const medium = Number(r.medium);
      return {
        unitId: String(r.unitId ?? ''),
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
