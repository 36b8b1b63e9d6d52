import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException, Page, skipOf, toPage } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { planYearOf } from './domain/plan-year';
import { PlanListQuery } from './dto/plan.dto';
import { DevelopmentPlan } from './entities';
import { plansInScope, visiblePlan } from './plan-access';
import { PlanProposer } from './plan-proposer';
import { PlanReader } from './plan-reader';
import { PlanSummaryView, PlanView } from './plan-view';
import { PlansError } from './plans.errors';

/** Reading plans in the caller's scope, and opening the ASN's plan of a year. */
@Injectable()
export class PlansService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly reader: PlanReader,
    private readonly proposer: PlanProposer,
    private readonly clock: Clock,
  ) {}

  /** The current plan year (WIB). */
  currentYear(): number {
    return planYearOf(this.clock.now());
  }

  /**
   * The ASN's plan of a year, created as a proposed draft from their gaps the first time
   * (this year or next year only). `created` says whether this call made it.
   */
  async open(user: AuthUser, year = this.currentYear()): Promise<{ plan: PlanView; created: boolean }> {
    const now = this.currentYear();
    if (year < now || year > now + 1) {
      throw new DomainException(PlansError.YEAR_OUT_OF_RANGE, `A plan can be opened for ${now} or ${now + 1}`, {
        fields: [{ field: 'year', rule: 'range', message: `year must be ${now} or ${now + 1}` }],
      });
    }
    const existing = await this.findOwn(user.id, year);
    if (existing) return { plan: await this.get(user, existing.id), created: false };
    const planId = await this.proposer.propose(user.id, year);
    return { plan: await this.get(user, planId), created: true };
  }

  /** The caller's own plan of a year, or null. */
  async mine(user: AuthUser, year = this.currentYear()): Promise<PlanView | null> {
    const plan = await this.findOwn(user.id, year);
    return plan ? this.get(user, plan.id) : null;
  }

  async get(user: AuthUser, planId: string): Promise<PlanView> {
    return this.tx.run(async (m) => {
      const { plan, roles } = await visiblePlan(m, user, planId);
      return this.reader.view(m, user, plan, roles);
    });
  }

  /** Plans in the caller's scope (region for unit admins; own and reviewed for others), newest activity first. */
  list(user: AuthUser, query: PlanListQuery): Promise<Page<PlanSummaryView>> {
    return this.page(user, query, false);
  }

  /** Plans whose reviewer is the caller (their staff's), awaiting review first. */
  reviews(user: AuthUser, query: PlanListQuery): Promise<Page<PlanSummaryView>> {
    return this.page(user, query, true);
  }

  private async page(user: AuthUser, query: PlanListQuery, reviewsOnly: boolean): Promise<Page<PlanSummaryView>> {
    const [rows, total] = await this.tx.run((m) => {
      const qb = m.createQueryBuilder(DevelopmentPlan, 'p');
      if (reviewsOnly) qb.where('p.supervisor_id = :me', { me: user.id });
      else plansInScope(qb.where('1 = 1'), user);
      if (query.status) qb.andWhere('p.status = :status', { status: query.status });
      if (query.year) qb.andWhere('p.year = :year', { year: query.year });
      return qb
        .orderBy('p.updated_at', 'DESC')
        .addOrderBy('p.id', 'ASC')
        .skip(skipOf(query))
        .take(query.pageSize)
        .getManyAndCount();
    });
    return toPage(await this.reader.summaries(rows), total, query);
  }

  private findOwn(userId: string, year: number): Promise<DevelopmentPlan | null> {
    return this.tx.run((m) => m.findOneBy(DevelopmentPlan, { userId, year }));
  }
}
