import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../../libs/auth';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { CompetenciesApi } from '../../competencies/competencies.api';
import { ledgerYearOf, TargetProgress, targetProgress } from '../domain/ledger';
import { LearnerContext } from '../enrolment/learner-context';
import { CompetencyEvidence, JpLedgerEntry } from '../entities';
import { LearningSettingsService } from '../learning-settings.service';

export interface LedgerView extends TargetProgress {
  entries: Array<{ id: string; title: string; jp: number; source: JpLedgerEntry['source']; earnedAt: string }>;
}

export interface GainedCompetency {
  code: string;
  name: string;
  pillar: string;
  /** The highest level any evidence shows. */
  level: number;
  lastEarnedAt: string;
}

/** The learner's yearly JP ledger against the target, and the competencies their evidence shows. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly context: LearnerContext,
    private readonly settings: LearningSettingsService,
    private readonly competencies: CompetenciesApi,
  ) {}

  currentYear(): number {
    return ledgerYearOf(this.clock.now());
  }

  async ledger(user: AuthUser, year = this.currentYear()): Promise<LedgerView> {
    const me = await this.context.learner(user);
    const entries = await this.tx.run((m) =>
      m.find(JpLedgerEntry, { where: { userId: user.id, year }, order: { earnedAt: 'DESC', id: 'ASC' } }),
    );
    const target = me.employeeType ? await this.settings.yearlyTarget(me.employeeType, year) : null;
    const earned = entries.reduce((sum, e) => sum + e.jpTenths, 0);
    return {
      ...targetProgress(year, earned, target),
      entries: entries.map((e) => ({
        id: e.id,
        title: e.title,
        jp: e.jpTenths / 10,
        source: e.source,
        earnedAt: new Date(e.earnedAt).toISOString(),
      })),
    };
  }

  async gainedCompetencies(userId: string): Promise<GainedCompetency[]> {
    const evidence = await this.tx.run((m) => m.find(CompetencyEvidence, { where: { userId } }));
    const best = new Map<string, { level: number; last: Date }>();
    for (const e of evidence) {
      const seen = best.get(e.competencyCode);
      const at = new Date(e.earnedAt);
      best.set(e.competencyCode, {
        level: Math.max(seen?.level ?? 0, e.level),
        last: seen && seen.last > at ? seen.last : at,
      });
    }
    const names = new Map((await this.competencies.summaries([...best.keys()])).map((c) => [c.code, c]));
    return [...best]
      .map(([code, b]) => ({
        code,
        name: names.get(code)?.name ?? code,
        pillar: names.get(code)?.pillar ?? 'teknis',
        level: b.level,
        lastEarnedAt: b.last.toISOString(),
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }
}
