import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope, AuthUser, regionSubtreeCondition, regionWithin, scopeOf } from '../../../../../libs/auth';
import { Clock, DomainException, newId, Page, PageQuery, skipOf, toPage } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { OutboxService } from '../../../../../libs/queue';
import { CompetenciesApi } from '../../../competencies/competencies.api';
import { dueDateProblem } from '../domain/questionnaire-rules';
import { CreateQuestionnaireDto } from '../dto/questionnaire.dto';
import { Questionnaire, QuestionnaireAnswer, QuestionnaireRecipient } from '../entities';
import { SignalsError } from '../needs-signals.errors';
import {
  oneDecimal,
  QuestionnaireDetail,
  QuestionnaireView,
  SummaryRow,
  toQuestionnaireView,
} from './questionnaire.view';

const NOTES_SHOWN = 20;

/**
 * A unit admin sends self-assessment and training-needs questionnaires to the ASN of their
 * region and reads the response rate and summary. The sending runs as a queued job.
 */
@Injectable()
export class QuestionnairesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly competencies: CompetenciesApi,
  ) {}

  async create(user: AuthUser, dto: CreateQuestionnaireDto): Promise<QuestionnaireView> {
    const scope = scopeOf(user);
    const scopeRegion = scope.kind === 'region' ? scope.regionCode : null;
    const now = this.clock.now();
    const dueProblem = dto.dueDate ? dueDateProblem(dto.dueDate, now) : null;
    if (dueProblem) {
      throw new DomainException(SignalsError.SIGNALS_DUE_DATE_INVALID, dueProblem, {
        fields: [{ field: 'dueDate', rule: 'due_date', message: dueProblem }],
      });
    }
    const filter: Record<string, string> = Object.fromEntries(
      Object.entries(dto.filter ?? {}).filter(([, v]) => typeof v === 'string' && v !== ''),
    );
    if (scopeRegion) {
      if (!filter.regionCode) filter.regionCode = scopeRegion;
      else if (!regionWithin(filter.regionCode, scopeRegion)) {
        throw new DomainException(SignalsError.SIGNALS_TARGET_OUT_OF_SCOPE, 'The region is outside yours', {
          fields: [{ field: 'filter.regionCode', rule: 'in_scope', message: `must lie within ${scopeRegion}` }],
        });
      }
    }
    const id = newId();
    await this.tx.run(async (m) => {
      await m.insert(Questionnaire, {
        id,
        title: dto.title.trim(),
        kind: dto.kind,
        maxChoices: dto.kind === 'training-needs' ? (dto.maxChoices ?? 3) : 0,
        dueOn: dto.dueDate ?? null,
        scopeRegionCode: scopeRegion,
        filterJson: JSON.stringify(filter),
        status: 'queued',
        cursor: null,
        error: null,
        createdBy: user.id,
        createdAt: now,
        finishedAt: null,
      });
      await this.outbox.enqueue(m, 'development-plans.questionnaire-send', { questionnaireId: id }, { jobId: id });
    });
    return this.get(scope, id);
  }

  /** Sends a failed questionnaire again: it resumes after the last batch that was committed. */
  async resend(scope: AccessScope, id: string): Promise<QuestionnaireView> {
    const q = await this.visible(scope, id);
    if (q.status !== 'failed')
      throw new DomainException(
        SignalsError.SIGNALS_QUESTIONNAIRE_NOT_FAILED,
        `The sending is ${q.status}, not failed`,
      );
    await this.tx.run(async (m) => {
      await m.update(Questionnaire, { id }, { status: 'queued', error: null });
      const run = `${id}:${this.clock.now().getTime()}`;
      await this.outbox.enqueue(m, 'development-plans.questionnaire-send', { questionnaireId: id }, { jobId: run });
    });
    return this.get(scope, id);
  }

  async get(scope: AccessScope, id: string): Promise<QuestionnaireView> {
    const q = await this.visible(scope, id);
    const counts = await this.counts([id]);
    return toQuestionnaireView(q, counts.get(id) ?? { recipients: 0, answered: 0 }, this.clock.now());
  }

  /** The questionnaire with its response rate, per-competency summary and the latest free-text wishes. */
  async detail(scope: AccessScope, id: string): Promise<QuestionnaireDetail> {
    const view = await this.get(scope, id);
    const [rows, notes] = await this.tx.run((m) =>
      Promise.all([
        m
          .createQueryBuilder(QuestionnaireAnswer, 'a')
          .select('a.competencyCode', 'code')
          .addSelect('COUNT(*)', 'people')
          .addSelect('AVG(a.level)', 'meanLevel')
          .addSelect('AVG(a.rank)', 'meanRank')
          .addSelect('SUM(CASE WHEN a.rank = 1 THEN 1 ELSE 0 END)', 'firstChoice')
          .where('a.questionnaireId = :id', { id })
          .groupBy('a.competencyCode')
          .getRawMany<{ code: string; people: unknown; meanLevel: unknown; meanRank: unknown; firstChoice: unknown }>(),
        view.kind === 'training-needs'
          ? m
              .createQueryBuilder(QuestionnaireRecipient, 'r')
              .select('r.note', 'note')
              .where('r.questionnaireId = :id AND r.note IS NOT NULL', { id })
              .orderBy('r.answeredAt', 'DESC')
              .limit(NOTES_SHOWN)
              .getRawMany<{ note: string }>()
          : Promise.resolve([]),
      ]),
    );
    const names = new Map((await this.competencies.summaries(rows.map((r) => r.code))).map((c) => [c.code, c.name]));
    const summary: SummaryRow[] = rows.map((r) =>
      view.kind === 'self-assessment'
        ? {
            competencyCode: r.code,
            name: names.get(r.code) ?? r.code,
            respondents: Number(r.people),
            meanLevel: oneDecimal(r.meanLevel),
          }
        : {
            competencyCode: r.code,
            name: names.get(r.code) ?? r.code,
            requests: Number(r.people),
            firstChoice: Number(r.firstChoice),
            meanRank: oneDecimal(r.meanRank),
          },
    );
    // Most asked-for first; self-assessments by code (the standard's order).
    summary.sort((a, b) => (b.requests ?? 0) - (a.requests ?? 0) || a.competencyCode.localeCompare(b.competencyCode));
    return { ...view, summary, notes: notes.map((n) => n.note) };
  }

  async list(scope: AccessScope, query: PageQuery): Promise<Page<QuestionnaireView>> {
    const [rows, total] = await this.tx.run((m) => {
      const qb = m
        .createQueryBuilder(Questionnaire, 'q')
        .orderBy('q.createdAt', 'DESC')
        .addOrderBy('q.id', 'ASC')
        .skip(skipOf(query))
        .take(query.pageSize);
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('q.scope_region_code', scope.regionCode);
        qb.where(c.sql, c.params);
      } else if (scope.kind === 'own') qb.where('1 = 0');
      return qb.getManyAndCount();
    });
    const counts = await this.counts(rows.map((q) => q.id));
    const now = this.clock.now();
    const items = rows.map((q) => toQuestionnaireView(q, counts.get(q.id) ?? { recipients: 0, answered: 0 }, now));
    return toPage(items, total, query);
  }

  private async counts(ids: string[]): Promise<Map<string, { recipients: number; answered: number }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(QuestionnaireRecipient, 'r')
        .select('r.questionnaireId', 'id')
        .addSelect('COUNT(*)', 'recipients')
        .addSelect('SUM(CASE WHEN r.answeredAt IS NULL THEN 0 ELSE 1 END)', 'answered')
        .where({ questionnaireId: In(ids) })
        .groupBy('r.questionnaireId')
        .getRawMany<{ id: string; recipients: unknown; answered: unknown }>(),
    );
    return new Map(rows.map((r) => [r.id, { recipients: Number(r.recipients), answered: Number(r.answered) }]));
  }

  /** An admin sees the questionnaires sent in their region subtree; anything else is "not found". */
  private async visible(scope: AccessScope, id: string): Promise<Questionnaire> {
    const q = await this.tx.run((m) => m.findOneBy(Questionnaire, { id }));
    const mine =
      q &&
      (scope.kind === 'national' ||
        (scope.kind === 'region' && q.scopeRegionCode !== null && regionWithin(q.scopeRegionCode, scope.regionCode)));
    if (!mine) throw new DomainException(SignalsError.SIGNALS_QUESTIONNAIRE_NOT_FOUND, 'No such questionnaire');
    return q;
  }
}
