import { Injectable } from '@nestjs/common';
import { Clock, DomainException, newId } from '../../../../libs/common';
import { isDuplicateKey, TransactionRunner } from '../../../../libs/database';
import { CatalogApi } from '../../catalog/catalog.api';
import { IdentityApi } from '../../identity/identity.api';
import { LearningApi } from '../../learning/learning.api';
import { GapService } from '../needs/gap.service';
import { proposePlan, targetLevelOf } from './domain/proposal';
import { DevelopmentPlan, PlanActivity, PlanGoal } from './entities';
import { PlanChanges } from './plan-changes';
import { audit } from './plan-writes';
import { PlansError } from './plans.errors';
import { PlanProgressService } from './progress/plan-progress.service';

/**
 * Creates an ASN's plan of a year as a proposed draft: goals from their gap table, courses
 * and non-classical forms suggested for them, the yearly JP target of their employee type,
 * and their region, unit and supervisor (refreshed again at submission).
 */
@Injectable()
export class PlanProposer {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly identity: IdentityApi,
    private readonly learning: LearningApi,
    private readonly catalog: CatalogApi,
    private readonly gaps: GapService,
    private readonly progress: PlanProgressService,
    private readonly changes: PlanChanges,
  ) {}

  /** The new plan's id (or the existing one's, when a second request won the race). */
  async propose(userId: string, year: number): Promise<string> {
    const [person] = await this.identity.factsOf([userId]);
    if (!person) throw new DomainException(PlansError.PERSON_NOT_FOUND, 'No such person');
    const gaps = await this.gaps.gapsOf(userId);
    const codes = gaps.rows.filter((r) => targetLevelOf(r) !== null).map((r) => r.competencyCode);
    const [courses, forms, targetJp] = await Promise.all([
      this.catalog.coursesForCompetencies(codes),
      this.learning.developmentForms(),
      this.learning.yearlyTarget(person.employeeType ?? 'PNS', year),
    ]);
    const proposal = proposePlan(gaps.rows, courses, forms);
    const now = this.clock.now();
    const planId = newId();
    try {
      await this.tx.run(async (m) => {
        await m.insert(DevelopmentPlan, {
          id: planId,
          userId,
          year,
          status: 'draft',
          regionCode: person.regionCode,
          unitId: person.unitId,
          supervisorId: person.supervisorId,
          targetJpTenths: Math.round((targetJp ?? 0) * 10),
          plannedJpTenths: proposal.plannedJpTenths,
          earnedJpTenths: 0,
          summary: null,
          version: 1,
          submittedAt: null,
          approvedAt: null,
          closedAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await this.changes.notify(m, { planId });
        const goalIds = new Map(proposal.goals.map((g) => [g.competencyCode, newId()]));
        if (proposal.goals.length) {
          await m.insert(
            PlanGoal,
            proposal.goals.map((g, i) => ({
              id: goalIds.get(g.competencyCode)!,
              planId,
              competencyCode: g.competencyCode,
              baselineLevel: g.baselineLevel,
              targetLevel: g.targetLevel,
              currentLevel: g.baselineLevel,
              priority: g.priority,
              reachedAt: null,
              position: i + 1,
            })),
          );
        }
        if (proposal.activities.length) {
          await m.insert(
            PlanActivity,
            proposal.activities.map((a, i) => ({
              id: newId(),
              planId,
              goalId: goalIds.get(a.goalCode) ?? null,
              kind: a.kind,
              courseId: a.courseId,
              formCode: a.formCode,
              title: a.title,
              plannedJpTenths: a.plannedJpTenths,
              status: 'planned' as const,
              doneAt: null,
              creditedJpTenths: 0,
              doneSource: null,
              doneSourceId: null,
              position: i + 1,
            })),
          );
        }
        await audit(m, {
          planId,
          actorId: userId,
          action: 'created',
          toStatus: 'draft',
          comment: `Diusulkan dari analisis kebutuhan: ${proposal.goals.length} tujuan, ${proposal.activities.length} kegiatan.`,
          at: now,
        });
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.tx.run((m) => m.findOneByOrFail(DevelopmentPlan, { userId, year }));
      return existing.id;
    }
    // Courses finished earlier in the year count at once.
    await this.progress.refresh(userId);
    return planId;
  }
}
