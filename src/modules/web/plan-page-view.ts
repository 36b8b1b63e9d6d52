import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser } from '../../../libs/auth';
import { CatalogApi } from '../catalog/catalog.api';
import { CompetenciesApi } from '../competencies/competencies.api';
import { GapService } from '../development-plans/needs/gap.service';
import { PlansService } from '../development-plans/plans/plans.service';
import { PlanView } from '../development-plans/plans/plan-view';
import { LearningApi } from '../learning/learning.api';
import { formatters } from './format';
import { doneFlag } from './page-actions';
import { pageContext, render } from './page-context';
import { PlanFormProblem, SLUG_OF } from './plan-forms';

const NOTICES = ['created', 'saved', 'submit', 'endorse', 'return', 'approve', 'close'] as const;

/**
 * Gathers what the plan page shows: the plan, the owner's gap table, and while the owner
 * may edit it the choices of the add forms (competencies, courses for its goals, forms of
 * development). A plain class the page controllers build (not a provider of its own).
 */
export class PlanPageView {
  constructor(
    private readonly plans: PlansService,
    private readonly gaps: GapService,
    private readonly catalog: CatalogApi,
    private readonly learning: LearningApi,
    private readonly competencies: CompetenciesApi,
  ) {}

  async render(
    user: AuthUser,
    planId: string,
    req: FastifyRequest,
    reply: FastifyReply,
    problem: PlanFormProblem | null,
  ): Promise<void> {
    const plan = await this.plans.get(user, planId);
    const ctx = pageContext(req, reply, user);
    const gaps = await this.gaps.gapsOf(plan.userId);
    const choices = plan.editable
      ? await this.choices(
          plan,
          gaps.rows.map((r) => r.competencyCode),
        )
      : null;
    const flag = doneFlag(req) as (typeof NOTICES)[number] | null;
    await render(
      reply,
      'plans/plan.eta',
      {
        ...ctx,
        title: ctx.t('plans.title', { year: plan.year }),
        fmt: formatters(ctx.locale),
        plan,
        gaps: gaps.rows.filter((r) => r.gap > 0 || (r.targetGap ?? 0) > 0 || r.requiredLevel !== null),
        choices,
        problem,
        slug: SLUG_OF,
        notice: flag && NOTICES.includes(flag) ? ctx.t(`plans.ok.${flag}`) : null,
      },
      problem?.statusCode ?? 200,
    );
  }

  private async choices(plan: PlanView, gapCodes: string[]) {
    const codes = [...new Set([...plan.goals.map((g) => g.competencyCode), ...gapCodes])];
    const [competencies, courses, forms] = await Promise.all([
      this.competencies.offered(),
      this.catalog.coursesForCompetencies(codes),
      this.learning.developmentForms(),
    ]);
    const planned = new Set(plan.activities.map((a) => a.courseId));
    const seen = new Set<string>();
    const courseOptions = courses.filter((c) => {
      if (planned.has(c.courseId) || seen.has(c.courseId)) return false;
      seen.add(c.courseId);
      return true;
    });
    const taken = new Set(plan.goals.map((g) => g.competencyCode));
    return {
      competencies: competencies.filter((c) => !taken.has(c.code)),
      courses: courseOptions.map((c) => ({ id: c.courseId, title: c.title, jp: c.jpTenths / 10 })),
      forms: forms.filter((f) => f.active),
    };
  }
}
