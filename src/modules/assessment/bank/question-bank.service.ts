import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException, newId, Page, PageQuery, skipOf, toPage } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { CompetenciesApi } from '../../competencies/competencies.api';
import { AssessmentError } from '../assessment.errors';
import { CourseEditors } from '../course-editors';
import { parseGiftFile, toGift } from '../domain/gift';
import { Difficulty, QuestionInput, questionProblems, QuestionType, toStored } from '../domain/questions';
import { PoolQuestion, slotChecks } from '../domain/snapshot';
import { Question, Quiz } from '../entities';
import { slotsOf } from '../quizzes/quiz.view';
import { QuestionView, questionView } from './question.view';

export interface BankFilter extends PageQuery {
  type?: QuestionType;
  competencyCode?: string;
  difficulty?: Difficulty;
}

const MAX_IMPORT = 2000;

/** A retire refused: the quizzes and slots that need the question are in the error's fields. */
export const QUESTION_IN_USE = 'Quizzes still need this question to start; change them before withdrawing it';

/** A course's question bank: write, edit, retire, list, and move banks in and out as GIFT. */
@Injectable()
export class QuestionBankService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly editors: CourseEditors,
    private readonly competencies: CompetenciesApi,
  ) {}

  async create(user: AuthUser, courseId: string, input: QuestionInput): Promise<QuestionView> {
    await this.editors.assert(user, courseId);
    await this.check([input]);
    return this.tx.run(async (m) => questionView(await this.insert(m, courseId, input)));
  }

  async update(user: AuthUser, courseId: string, id: string, input: QuestionInput): Promise<QuestionView> {
    await this.editors.assert(user, courseId);
    await this.check([input]);
    return this.tx.run(async (m) => {
      const existing = await this.find(m, courseId, id);
      const stored = toStored(input);
      await m.update(
        Question,
        { id, revision: existing.revision },
        {
          ...columnsOf(input, stored),
          revision: existing.revision + 1,
          updatedAt: this.clock.now(),
        },
      );
      return questionView(await m.findOneByOrFail(Question, { id }));
    });
  }

  /**
   * Retired questions leave the bank's lists and draws; attempts that hold them keep them.
   * Refused while a quiz of the course needs the question to start (a fixed slot holds it,
   * or a draw would find too few without it): retiring it would turn away every learner who
   * has not started yet, with no word to the instructor. The instructor changes the quiz
   * first; the start still refuses such a quiz (a question retired before this check).
   */
  async retire(user: AuthUser, courseId: string, id: string): Promise<void> {
    await this.editors.assert(user, courseId);
    await this.tx.run(async (m) => {
      const question = await this.find(m, courseId, id);
      if (question.retiredAt) return;
      await this.assertNotNeeded(m, courseId, id);
      await m.update(
        Question,
        { id, retiredAt: IsNull() },
        { retiredAt: this.clock.now(), updatedAt: this.clock.now() },
      );
    });
  }

  /** The quiz slots that can start now and could not once the question is gone, named in a 409. */
  private async assertNotNeeded(m: EntityManager, courseId: string, id: string): Promise<void> {
    const quizzes = await m.find(Quiz, { where: { courseId }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (!quizzes.length) return;
    const live: PoolQuestion[] = await m.find(Question, {
      select: { id: true, competencyCode: true, difficulty: true },
      where: { courseId, retiredAt: IsNull() },
    });
    const without = live.filter((q) => q.id !== id);
    const held = quizzes.flatMap((quiz) => {
      const rules = slotsOf(quiz);
      const now = slotChecks(rules, live);
      // A slot already short is the quiz's own problem (the quiz list shows it); this one adds none.
      const broken = slotChecks(rules, without).filter((c) => c.left < c.count && now[c.index].left >= c.count);
      return broken.length ? [{ quiz, broken }] : [];
    });
    if (!held.length) return;
    throw new DomainException(AssessmentError.QUESTION_IN_USE, QUESTION_IN_USE, {
      fields: held.flatMap(({ quiz, broken }) =>
        broken.map(({ index, rule, count, left }) => ({
          field: `quiz "${quiz.title}" slot ${index + 1}`,
          rule: rule.kind === 'fixed' ? 'holds_question' : 'enough_questions',
          message:
            rule.kind === 'fixed'
              ? 'the slot holds this question'
              : `the slot draws ${count}, the bank would have ${left} matching question(s) left for it`,
        })),
      ),
      quizzes: held.map(({ quiz, broken }) => ({
        id: quiz.id,
        title: quiz.title,
        slots: broken.map((c) => c.index + 1),
      })),
    });
  }

  async get(user: AuthUser, courseId: string, id: string): Promise<QuestionView> {
    await this.editors.assert(user, courseId);
    return this.tx.run(async (m) => questionView(await this.find(m, courseId, id)));
  }

  async list(user: AuthUser, courseId: string, filter: BankFilter): Promise<Page<QuestionView>> {
    await this.editors.assert(user, courseId);
    const where = {
      courseId,
      retiredAt: IsNull(),
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.competencyCode ? { competencyCode: filter.competencyCode } : {}),
      ...(filter.difficulty ? { difficulty: filter.difficulty } : {}),
    };
    const [rows, total] = await this.tx.run((m) =>
      m.findAndCount(Question, {
        where,
        order: { createdAt: 'ASC', id: 'ASC' },
        skip: skipOf(filter),
        take: filter.pageSize,
      }),
    );
    return toPage(rows.map(questionView), total, filter);
  }

  /** Every question of the bank not retired, in bank order: a quiz of "every question". */
  async activeIds(user: AuthUser, courseId: string): Promise<string[]> {
    await this.editors.assert(user, courseId);
    const rows = await this.tx.run((m) =>
      m.find(Question, {
        select: { id: true },
        where: { courseId, retiredAt: IsNull() },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    );
    return rows.map((q) => q.id);
  }

  /** The bank as GIFT text (docs/question-bank-gift.md). */
  async exportGift(user: AuthUser, courseId: string): Promise<string> {
    await this.editors.assert(user, courseId);
    const rows = await this.tx.run((m) =>
      m.find(Question, { where: { courseId, retiredAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
    const inputs = rows.map((q) => {
      const { id: _id, courseId: _c, revision: _r, retired: _x, updatedAt: _u, ...input } = questionView(q);
      return input as QuestionInput;
    });
    return toGift(inputs);
  }

  /**
   * Imports a GIFT file all or nothing: a file with a bad question imports none (half a bank
   * moved in is worse than none), and the answer lists every problem with its line and the
   * question's title, so the instructor fixes the file once.
   */
  async importGift(user: AuthUser, courseId: string, text: string): Promise<{ imported: number }> {
    await this.editors.assert(user, courseId);
    const { questions, errors, origins } = parseGiftFile(text);
    const unknown = new Set(await this.unknownCompetencies(questions));
    const named = (title: string | undefined, message: string) => (title ? `"${title}": ${message}` : message);
    const problems = [
      ...errors.map((e) => ({ field: `line ${e.line}`, rule: 'gift', message: named(e.title, e.message) })),
      // By the question's line: the page says "Baris 12, Kompetensi tidak ada dalam kamus kompetensi."
      ...questions.flatMap((q, i) =>
        q.competencyCode && unknown.has(q.competencyCode)
          ? [
              {
                field: `line ${origins[i].line}: competencyCode`,
                rule: 'known_competency',
                message: named(origins[i].title, `competency ${q.competencyCode} is not in the dictionary`),
              },
            ]
          : [],
      ),
    ].sort((a, b) => lineOf(a.field) - lineOf(b.field));
    if (questions.length > MAX_IMPORT)
      problems.push({ field: 'file', rule: 'max_questions', message: `at most ${MAX_IMPORT} questions per file` });
    if (questions.length === 0 && problems.length === 0)
      problems.push({ field: 'file', rule: 'empty', message: 'the file holds no question' });
    if (problems.length) {
      throw new DomainException(
        AssessmentError.IMPORT_INVALID,
        `The file has ${problems.length} problem(s); nothing was imported`,
        {
          fields: problems,
        },
      );
    }
    await this.tx.run(async (m) => {
      for (const q of questions) await this.insert(m, courseId, q);
    });
    return { imported: questions.length };
  }

  private async insert(m: EntityManager, courseId: string, input: QuestionInput): Promise<Question> {
    const now = this.clock.now();
    const row: Question = {
      id: newId(),
      courseId,
      ...columnsOf(input, toStored(input)),
      revision: 1,
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await m.createQueryBuilder().insert().into(Question).values(row).updateEntity(false).execute();
    return row;
  }

  private async check(inputs: QuestionInput[]): Promise<void> {
    const problems = inputs.flatMap((q) => questionProblems(q));
    for (const code of await this.unknownCompetencies(inputs)) {
      problems.push({ field: 'competencyCode', rule: 'known_competency', message: `${code} is not in the dictionary` });
    }
    if (problems.length) {
      throw new DomainException(AssessmentError.QUESTION_INVALID, 'The question is not complete', { fields: problems });
    }
  }

  private async unknownCompetencies(inputs: QuestionInput[]): Promise<string[]> {
    const codes = [...new Set(inputs.map((q) => q.competencyCode).filter((c): c is string => !!c))];
    return codes.length ? this.competencies.unknownCodes(codes) : [];
  }

  private async find(m: EntityManager, courseId: string, id: string): Promise<Question> {
    const q = await m.findOneBy(Question, { id, courseId });
    if (!q) throw new DomainException(AssessmentError.QUESTION_NOT_FOUND, 'No such question in this bank');
    return q;
  }
}

function lineOf(field: string): number {
  return Number(/^line (\d+)/.exec(field)?.[1] ?? 0);
}

function columnsOf(input: QuestionInput, stored: ReturnType<typeof toStored>) {
  return {
    type: stored.type,
    stem: stored.stem,
    pointsHundredths: Math.round(stored.points * 100),
    feedback: stored.feedback,
    competencyCode: input.competencyCode || null,
    difficulty: input.difficulty ?? 'medium',
    contentJson: JSON.stringify(stored.content),
    keyJson: JSON.stringify(stored.key),
  };
}
