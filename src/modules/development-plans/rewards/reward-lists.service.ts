import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope, regionWithin } from '../../../../libs/auth';
import { Clock, DomainException, Page, skipOf, toPage } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { EmployeeType } from '../../identity/domain/golongan';
import { IdentityApi, PersonFacts } from '../../identity/identity.api';
import { LearningApi } from '../../learning/learning.api';
import { OrganisationApi } from '../../organisation/organisation.api';
import { DevelopmentPlan, PlanGoal } from '../plans/entities';
import { ledgerYear } from './ledger-year';
import { deservesRecognition, followUpReasons, goalsReached, PersonYear } from './domain/reward-rules';
import { RewardListKind } from './dto/reward-list.dto';
import { RewardError } from './rewards.errors';
import { RewardRow } from './reward-row';

const BATCH = 500;

export interface RewardListRequest {
  kind: RewardListKind;
  year?: number;
  regionCode?: string;
}

export interface RewardPage extends Page<RewardRow> {
  year: number;
  kind: RewardListKind;
}

/**
 * The unit admin's two lists of a year over the ASN of their region subtree (everyone for
 * a national admin): those who met the JP target and improved, and those who need
 * follow-up. Walks the people in batches; each batch is three bulk queries.
 */
@Injectable()
export class RewardListsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly identity: IdentityApi,
    private readonly learning: LearningApi,
    private readonly organisation: OrganisationApi,
  ) {}

  async page(scope: AccessScope, request: RewardListRequest, query: { page: number; pageSize: number }) {
    const { year, rows } = await this.matching(scope, request);
    const slice = rows.slice(skipOf(query), skipOf(query) + query.pageSize);
    const page: RewardPage = { ...toPage(await this.withUnits(slice), rows.length, query), year, kind: request.kind };
    return page;
  }

  /** Every row of the list, for the CSV and XLSX exports. */
  async all(scope: AccessScope, request: RewardListRequest): Promise<{ year: number; rows: RewardRow[] }> {
    const { year, rows } = await this.matching(scope, request);
    return { year, rows: await this.withUnits(rows) };
  }

  private async matching(scope: AccessScope, request: RewardListRequest) {
    const year = request.year ?? ledgerYear(this.clock.now());
    const regionCode = this.regionOf(scope, request.regionCode);
    const now = this.clock.now();
    const targets = new Map<EmployeeType, Promise<number | null>>();
    const targetOf = (type: EmployeeType | null) => {
      if (!type) return Promise.resolve(null);
      if (!targets.has(type)) targets.set(type, this.learning.yearlyTarget(type, year));
      return targets.get(type)!;
    };
    const rows: RewardRow[] = [];
    for (let afterId: string | null = null; ;) {
      const people = await this.identity.peoplePage(regionCode ? { regionCode } : {}, afterId, BATCH);
      if (people.length === 0) break;
      afterId = people[people.length - 1].id;
      const facts = await this.factsOf(people, year, targetOf);
      for (const [person, fact] of facts) {
        const reasons = followUpReasons(fact, year, now);
        const listed = request.kind === 'recognition' ? deservesRecognition(fact) : reasons.length > 0;
        if (listed) rows.push(rowOf(person, fact, request.kind === 'follow-up' ? reasons : []));
      }
      if (people.length < BATCH) break;
    }
    await this.withNames(rows);
    rows.sort((a, b) => a.name.localeCompare(b.name, 'id') || (a.nip ?? '').localeCompare(b.nip ?? ''));
    return { year, rows };
  }

  /** A unit admin may narrow to a region inside their subtree; anything else is a 404. */
  private regionOf(scope: AccessScope, asked: string | undefined): string | null {
    if (scope.kind === 'region') {
      if (asked && !regionWithin(asked, scope.regionCode)) {
        throw new DomainException(RewardError.REWARD_REGION_NOT_FOUND, 'No such region in your scope');
      }
      return asked ?? scope.regionCode;
    }
    if (scope.kind === 'national') return asked ?? null;
    throw new DomainException(RewardError.REWARD_REGION_NOT_FOUND, 'No such region in your scope');
  }

  private async factsOf(
    people: PersonFacts[],
    year: number,
    targetOf: (type: EmployeeType | null) => Promise<number | null>,
  ): Promise<Array<[PersonFacts, PersonYear]>> {
    const ids = people.map((p) => p.id);
    const [totals, plans] = await Promise.all([
      this.learning.jpTotals(ids, year),
      this.tx.run((m) => m.find(DevelopmentPlan, { where: { userId: In(ids), year } })),
    ]);
    const goals = plans.length
      ? await this.tx.run((m) => m.find(PlanGoal, { where: { planId: In(plans.map((p) => p.id)) } }))
      : [];
    const planOf = new Map(plans.map((p) => [p.userId, p]));
    return Promise.all(
      people.map(async (person): Promise<[PersonFacts, PersonYear]> => {
        const plan = planOf.get(person.id);
        return [
          person,
          {
            earnedTenths: totals.get(person.id) ?? 0,
            targetJp: await targetOf(person.employeeType),
            plan: plan
              ? {
                  status: plan.status,
                  submittedAt: plan.submittedAt,
                  goals: goals.filter((g) => g.planId === plan.id),
                }
              : null,
          },
        ];
      }),
    );
  }

  private async withNames(rows: RewardRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      const names = await this.identity.namesOf(chunk.map((r) => r.userId));
      for (const row of chunk) {
        row.name = names.get(row.userId)?.name ?? '-';
        row.nip = names.get(row.userId)?.nip ?? null;
      }
    }
  }

  private async withUnits(rows: RewardRow[]): Promise<RewardRow[]> {
    const ids = [...new Set(rows.map((r) => r.unitId).filter((id): id is string => !!id))];
    const units = new Map((ids.length ? await this.organisation.unitsByIds(ids) : []).map((u) => [u.id, u.name]));
    return rows.map((r) => ({ ...r, unitName: r.unitId ? (units.get(r.unitId) ?? null) : null }));
  }
}

function rowOf(person: PersonFacts, fact: PersonYear, reasons: RewardRow['reasons']): RewardRow {
  const goals = fact.plan?.goals ?? [];
  return {
    userId: person.id,
    name: '',
    nip: null,
    unitId: person.unitId,
    unitName: null,
    earnedJp: fact.earnedTenths / 10,
    targetJp: fact.targetJp,
    goalsReached: goalsReached(goals),
    goalsTotal: goals.length,
    planStatus: fact.plan?.status ?? null,
    reasons,
  };
}
