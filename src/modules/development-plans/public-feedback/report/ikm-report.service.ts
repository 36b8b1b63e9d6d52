import { Injectable } from '@nestjs/common';
import { AccessScope, regionWithin } from '../../../../../libs/auth';
import { Clock, DomainException } from '../../../../../libs/common';
import { OrganisationApi, UnitView } from '../../../organisation/organisation.api';
import { IkmCategoryLetter, ikmOf } from '../domain/ikm';
import { periodOf, PeriodKind, periodsEnding } from '../domain/survey-period';
import { IkmSettingsService } from '../ikm-settings.service';
import { PublicFeedbackError } from '../public-feedback.errors';
import { IkmAggregates, RespondentProfile } from './ikm-aggregates';
import { PeriodTraining, UnitTraining, UnitTrainingReader } from './unit-training';

export interface IkmPeriodRow {
  period: string;
  from: Date;
  to: Date;
  responses: number;
  /** Null without responses. */
  ikm: number | null;
  category: IkmCategoryLetter | null;
  /** Mean answer (1-4) per element u1…u9; empty without responses. */
  elementMeans: number[];
  training: PeriodTraining;
}

export interface UnitIkmReport {
  unit: Pick<UnitView, 'id' | 'code' | 'name' | 'regionCode'>;
  periodKind: PeriodKind;
  staff: number;
  /** Oldest first; the last is the current period. */
  periods: IkmPeriodRow[];
  suggestions: Array<{ text: string; submittedAt: Date }>;
  /** The respondent profile of the latest period shown that has responses (null: none yet). */
  profile: { period: string; responses: number; counts: RespondentProfile } | null;
}

export interface UnitIkmSummary {
  unit: Pick<UnitView, 'id' | 'code' | 'name' | 'regionCode'>;
  responses: number;
  ikm: number | null;
  category: IkmCategoryLetter | null;
}

/** Periods a report shows: four years of semesters, two of quarters, a year of months. */
const PERIODS_SHOWN: Record<PeriodKind, number> = { year: 5, semester: 8, quarter: 8, month: 12 };
const NO_TRAINING: PeriodTraining = { people: 0, completions: 0, courses: 0, jp: 0 };

/** What unit and national admins read: a unit's index over time beside its staff's training. */
@Injectable()
export class IkmReportService {
  constructor(
    private readonly organisation: OrganisationApi,
    private readonly settings: IkmSettingsService,
    private readonly aggregates: IkmAggregates,
    private readonly training: UnitTrainingReader,
    private readonly clock: Clock,
  ) {}

  /** A unit outside the caller's region is reported as missing. */
  async unitInScope(scope: AccessScope, code: string): Promise<UnitView> {
    const [unit] = code.length <= 40 ? await this.organisation.unitsByCodes([code]) : [];
    const visible =
      unit &&
      (scope.kind === 'national' || (scope.kind === 'region' && regionWithin(unit.regionCode, scope.regionCode)));
    if (!visible) throw new DomainException(PublicFeedbackError.SURVEY_UNIT_NOT_FOUND, 'Unit not found');
    return unit;
  }

  async unitReport(scope: AccessScope, code: string): Promise<UnitIkmReport> {
    const unit = await this.unitInScope(scope, code);
    const { periodKind } = await this.settings.get();
    const periods = periodsEnding(this.clock.now(), periodKind, PERIODS_SHOWN[periodKind]);
    const [totals, training, suggestions] = await Promise.all([
      this.aggregates.byPeriod(unit.id, periods),
      this.training.of(unit.id, periods),
      this.aggregates.latestSuggestions(unit.id, 20),
    ]);
    const latest = [...periods].reverse().find((p) => totals.has(p.key));
    const profile = latest
      ? {
          period: latest.key,
          responses: totals.get(latest.key)!.responses,
          counts: await this.aggregates.profile(unit.id, latest),
        }
      : null;
    return {
      unit: pick(unit),
      periodKind,
      profile,
      staff: training.staff,
      periods: periods.map((p) => {
        const t = totals.get(p.key);
        const result = t ? ikmOf(t.sums, t.responses) : null;
        return {
          period: p.key,
          from: p.from,
          to: p.to,
          responses: t?.responses ?? 0,
          ikm: result?.ikm ?? null,
          category: result?.category ?? null,
          elementMeans: result?.elementMeans ?? [],
          training: trainingOf(training, p.key),
        };
      }),
      suggestions,
    };
  }

  /** The units in scope with responses in the current period, best answered first. */
  async currentPeriod(scope: AccessScope): Promise<{ period: string; units: UnitIkmSummary[] }> {
    const { periodKind } = await this.settings.get();
    const period = periodOf(this.clock.now(), periodKind);
    const totals = await this.aggregates.unitsInPeriod(scope, period, 200);
    const ids = [...totals.keys()];
    const units = new Map((ids.length ? await this.organisation.unitsByIds(ids) : []).map((u) => [u.id, u]));
    const rows: UnitIkmSummary[] = [];
    for (const [unitId, t] of totals) {
      const unit = units.get(unitId);
      if (!unit) continue;
      const result = ikmOf(t.sums, t.responses);
      rows.push({
        unit: pick(unit),
        responses: t.responses,
        ikm: result?.ikm ?? null,
        category: result?.category ?? null,
      });
    }
    return { period: period.key, units: rows };
  }
}

const pick = (u: UnitView) => ({ id: u.id, code: u.code, name: u.name, regionCode: u.regionCode });
const trainingOf = (t: UnitTraining, key: string) => t.byPeriod.get(key) ?? NO_TRAINING;
