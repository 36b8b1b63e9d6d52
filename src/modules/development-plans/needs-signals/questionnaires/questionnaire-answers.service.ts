import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuthUser } from '../../../../../libs/auth';
import {
  Clock,
  DomainException,
  FieldProblem,
  newId,
  Page,
  PageQuery,
  skipOf,
  toPage,
} from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { CompetenciesApi, CompetencySummary } from '../../../competencies/competencies.api';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { isOpen, selfAssessmentProblems, trainingNeedsProblems } from '../domain/questionnaire-rules';
import { AnswerQuestionnaireDto } from '../dto/questionnaire.dto';
import { Questionnaire, QuestionnaireAnswer, QuestionnaireKind, QuestionnaireRecipient } from '../entities';
import { SignalsError } from '../needs-signals.errors';

export interface OfferedCompetency extends CompetencySummary {
  /** The level the person's position requires (null: not in their standard). */
  requiredLevel: number | null;
}

export interface MyQuestionnaire {
  id: string;
  title: string;
  kind: QuestionnaireKind;
  dueDate: string | null;
  open: boolean;
  answeredAt: string | null;
}

export interface QuestionnaireForm extends MyQuestionnaire {
  maxChoices: number;
  /** Self-assessment: the competencies to rate; training needs: those to choose from. */
  competencies: OfferedCompetency[];
  answer: { levels: Record<string, number>; choices: string[]; note: string | null };
}

/** Every ASN is held to the managerial and socio-cultural competencies, whatever their position. */
const GENERAL_PILLARS = new Set(['manajerial', 'sosial_kultural']);

/** An ASN reads the questionnaires sent to them and answers, changing the answer until the due date ends. */
@Injectable()
export class QuestionnaireAnswersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly organisation: OrganisationApi,
    private readonly competencies: CompetenciesApi,
  ) {}

  async mine(user: AuthUser, query: PageQuery): Promise<Page<MyQuestionnaire>> {
    const [recipients, total, questionnaires] = await this.tx.run(async (m) => {
      const [rows, count] = await m.findAndCount(QuestionnaireRecipient, {
        where: { userId: user.id },
        order: { createdAt: 'DESC', id: 'ASC' },
        skip: skipOf(query),
        take: query.pageSize,
      });
      const qs = rows.length ? await m.findBy(Questionnaire, { id: In(rows.map((r) => r.questionnaireId)) }) : [];
      return [rows, count, new Map(qs.map((q) => [q.id, q]))] as const;
    });
    const now = this.clock.now();
    const items = recipients.map((r) => {
      const q = questionnaires.get(r.questionnaireId)!;
      return {
        id: q.id,
        title: q.title,
        kind: q.kind,
        dueDate: q.dueOn,
        open: isOpen(q.dueOn, now),
        answeredAt: r.answeredAt ? new Date(r.answeredAt).toISOString() : null,
      };
    });
    return toPage(items, total, query);
  }

  async form(user: AuthUser, id: string): Promise<QuestionnaireForm> {
    const { q, recipient } = await this.sentTo(user, id);
    const [competencies, answers] = await Promise.all([
      this.offered(q.kind, recipient.positionId),
      this.tx.run((m) => m.find(QuestionnaireAnswer, { where: { questionnaireId: id, userId: user.id } })),
    ]);
    return {
      id: q.id,
      title: q.title,
      kind: q.kind,
      dueDate: q.dueOn,
      open: isOpen(q.dueOn, this.clock.now()),
      answeredAt: recipient.answeredAt ? new Date(recipient.answeredAt).toISOString() : null,
      maxChoices: q.maxChoices,
      competencies,
      answer: {
        levels: Object.fromEntries(answers.filter((a) => a.level !== null).map((a) => [a.competencyCode, a.level!])),
        choices: answers
          .filter((a) => a.rank !== null)
          .sort((a, b) => a.rank! - b.rank!)
          .map((a) => a.competencyCode),
        note: recipient.note,
      },
    };
  }

  /** Saves (or replaces) the person's answer; after the due date it is refused with 409. */
  async answer(user: AuthUser, id: string, dto: AnswerQuestionnaireDto): Promise<QuestionnaireForm> {
    const { q, recipient } = await this.sentTo(user, id);
    const now = this.clock.now();
    if (!isOpen(q.dueOn, now)) {
      throw new DomainException(
        SignalsError.SIGNALS_QUESTIONNAIRE_CLOSED,
        `Answers were accepted until ${q.dueOn}; the questionnaire is closed`,
      );
    }
    const rows = await this.answerRows(q, recipient, dto);
    const note = q.kind === 'training-needs' ? dto.note?.trim() || null : null;
    await this.tx.run(async (m) => {
      // The recipient row is written first: its row lock makes two saves of one person take turns.
      await m.update(QuestionnaireRecipient, { id: recipient.id }, { answeredAt: now, note });
      await m.delete(QuestionnaireAnswer, { questionnaireId: id, userId: user.id });
      if (rows.length === 0) return;
      await m
        .createQueryBuilder()
        .insert()
        .into(QuestionnaireAnswer)
        .values(
          rows.map((r) => ({ ...r, id: newId(), questionnaireId: id, userId: user.id, kind: q.kind, answeredAt: now })),
        )
        .updateEntity(false)
        .execute();
    });
    return this.form(user, id);
  }

  private async answerRows(
    q: Questionnaire,
    recipient: QuestionnaireRecipient,
    dto: AnswerQuestionnaireDto,
  ): Promise<Array<{ competencyCode: string; level: number | null; rank: number | null }>> {
    const wrongField = q.kind === 'self-assessment' ? (dto.choices ?? dto.note) : dto.levels;
    if (wrongField !== undefined) {
      const field = q.kind === 'self-assessment' ? (dto.choices ? 'choices' : 'note') : 'levels';
      throw invalid([{ field, rule: 'kind', message: `${field} does not belong to a ${q.kind} questionnaire` }]);
    }
    if (q.kind === 'self-assessment') {
      const levels = dto.levels ?? {};
      const offered = (await this.offered(q.kind, recipient.positionId)).map((c) => c.code);
      const problems = selfAssessmentProblems(offered, levels);
      if (problems.length) throw invalid(problems);
      return offered.map((code) => ({ competencyCode: code, level: levels[code], rank: null }));
    }
    const choices = (dto.choices ?? []).map((c) => c.trim().toUpperCase());
    const known = new Set((await this.competencies.all()).map((c) => c.code));
    const problems = trainingNeedsProblems(choices, q.maxChoices, known);
    if (problems.length) throw invalid(problems);
    return choices.map((code, index) => ({ competencyCode: code, level: null, rank: index + 1 }));
  }

  /**
   * Self-assessment: the competencies of the person's position standard (when it has none,
   * the managerial and socio-cultural ones every ASN is held to). Training needs: those,
   * plus every managerial and socio-cultural competency.
   */
  private async offered(kind: QuestionnaireKind, positionId: string | null): Promise<OfferedCompetency[]> {
    const [standards, dictionary] = await Promise.all([
      positionId ? this.organisation.standardsOf([positionId]) : Promise.resolve(new Map()),
      this.competencies.all(),
    ]);
    const required = new Map<string, number>(
      ((positionId && standards.get(positionId)) || []).map(
        (s: { competencyCode: string; requiredLevel: number }) => [s.competencyCode, s.requiredLevel] as const,
      ),
    );
    const include = (c: CompetencySummary) =>
      required.has(c.code) ||
      (c.active && (kind === 'training-needs' || required.size === 0) && GENERAL_PILLARS.has(c.pillar));
    return dictionary.filter(include).map((c) => ({ ...c, requiredLevel: required.get(c.code) ?? null }));
  }

  /** The questionnaire if it was sent to this person; for anyone else it does not exist. */
  private async sentTo(user: AuthUser, id: string): Promise<{ q: Questionnaire; recipient: QuestionnaireRecipient }> {
    const [q, recipient] = await this.tx.run((m) =>
      Promise.all([
        m.findOneBy(Questionnaire, { id }),
        m.findOneBy(QuestionnaireRecipient, { questionnaireId: id, userId: user.id }),
      ]),
    );
    if (!q || !recipient)
      throw new DomainException(SignalsError.SIGNALS_QUESTIONNAIRE_NOT_FOUND, 'No such questionnaire');
    return { q, recipient };
  }
}

/** At most 50 problems are listed: a body full of unknown codes should not echo back at length. */
const invalid = (fields: FieldProblem[]) =>
  new DomainException(SignalsError.SIGNALS_ANSWER_INVALID, 'The answer is incomplete or wrong', {
    fields: fields.slice(0, 50),
  });
