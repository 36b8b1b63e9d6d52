import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException, FieldProblem, newId } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { CatalogApi, LessonView } from '../../catalog/catalog.api';
import { AssessmentError } from '../assessment.errors';
import { CourseEditors } from '../course-editors';
import { PoolQuestion, SlotRule, slotChecks } from '../domain/snapshot';
import { QuizDto, SlotDto } from '../dto/quiz.dto';
import { Question, Quiz } from '../entities';
import { QuizProblem, QuizView, quizView, slotsOf } from './quiz.view';
import { AttemptDeadlines } from '../attempts/attempt-deadlines';
import { QuizOutcomeChanges } from './quiz-outcome-changes';

/** Quizzes of a course: settings, slots, and the lesson that presents each. */
@Injectable()
export class QuizzesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly editors: CourseEditors,
    private readonly catalog: CatalogApi,
    private readonly deadlines: AttemptDeadlines,
    private readonly outcomes: QuizOutcomeChanges,
  ) {}

  async create(user: AuthUser, courseId: string, dto: QuizDto): Promise<QuizView> {
    await this.editors.assert(user, courseId);
    return this.tx.run((m) => this.insert(m, courseId, dto));
  }

  /**
   * Creates a quiz and puts it on a quiz lesson of the draft, both or neither: the catalog's
   * change joins this transaction (TransactionRunner nests), so a lesson it refuses leaves no
   * quiz behind, and the form sent again does not make a second one.
   */
  async createOnLesson(user: AuthUser, courseId: string, dto: QuizDto, lessonId: string): Promise<QuizView> {
    await this.editors.assert(user, courseId);
    return this.tx.run(async (m) => {
      const quiz = await this.insert(m, courseId, dto);
      await this.catalog.attachQuiz(user, courseId, lessonId, quiz.id);
      return quiz;
    });
  }

  /**
   * Changes settings and slots. Attempts already started keep the questions, keys and
   * points they froze, so their scores stay as they are until a regrade is asked for; a new
   * pass mark, grading method or role is applied to the learners' outcomes by a queued job.
   */
  async update(user: AuthUser, courseId: string, quizId: string, dto: QuizDto): Promise<QuizView> {
    await this.editors.assert(user, courseId);
    return this.tx.run(async (m) => {
      const before = await this.find(m, courseId, quizId);
      const now = this.clock.now();
      await m.update(Quiz, { id: quizId }, { ...(await this.fields(m, courseId, dto)), updatedAt: now });
      const after = await m.findOneByOrFail(Quiz, { id: quizId });
      const timing = (q: Quiz) => `${q.closesAt?.getTime() ?? ''}|${q.timeLimitMinutes ?? ''}`;
      if (timing(before) !== timing(after)) await this.deadlines.reschedule(m, after, now);
      await this.outcomes.afterUpdate(m, before, after);
      return quizView(after);
    });
  }

  async get(user: AuthUser, courseId: string, quizId: string): Promise<QuizView> {
    await this.editors.assert(user, courseId);
    return this.tx.run(async (m) => {
      const quiz = await this.find(m, courseId, quizId);
      return quizView(quiz, problemsOf(slotsOf(quiz), await this.liveQuestions(m, courseId)));
    });
  }

  /** With each quiz's problems: a question retired after the quiz was saved shows here. */
  async list(user: AuthUser, courseId: string): Promise<QuizView[]> {
    await this.editors.assert(user, courseId);
    return this.tx.run(async (m) => {
      const rows = await m.find(Quiz, { where: { courseId }, order: { createdAt: 'ASC' } });
      const live = rows.length ? await this.liveQuestions(m, courseId) : [];
      return rows.map((quiz) => quizView(quiz, problemsOf(slotsOf(quiz), live)));
    });
  }

  /** Makes a quiz lesson of the course's draft present this quiz (published with the next version). */
  async attach(user: AuthUser, courseId: string, quizId: string, lessonId: string): Promise<LessonView> {
    await this.editors.assert(user, courseId);
    await this.tx.run((m) => this.find(m, courseId, quizId));
    return this.catalog.attachQuiz(user, courseId, lessonId, quizId);
  }

  private async insert(m: EntityManager, courseId: string, dto: QuizDto): Promise<QuizView> {
    const now = this.clock.now();
    const quiz: Quiz = {
      id: newId(),
      courseId,
      ...(await this.fields(m, courseId, dto)),
      createdAt: now,
      updatedAt: now,
    };
    await m.insert(Quiz, quiz);
    return quizView(quiz);
  }

  private async fields(m: EntityManager, courseId: string, dto: QuizDto) {
    const slots = await this.slots(m, courseId, dto.slots);
    const opensAt = dto.opensAt ? new Date(dto.opensAt) : null;
    const closesAt = dto.closesAt ? new Date(dto.closesAt) : null;
    if (opensAt && closesAt && closesAt <= opensAt) {
      throw invalid([{ field: 'closesAt', rule: 'after_opens', message: 'closesAt must be after opensAt' }]);
    }
    return {
      title: dto.title.trim(),
      instructions: dto.instructions?.trim() || null,
      slotsJson: JSON.stringify(slots),
      timeLimitMinutes: dto.timeLimitMinutes ?? null,
      opensAt,
      closesAt,
      attemptsAllowed: dto.attemptsAllowed ?? null,
      gradingMethod: dto.gradingMethod,
      passPercent: dto.passPercent,
      showScore: dto.showScore,
      showAnswers: dto.showAnswers,
      shuffleQuestions: dto.shuffleQuestions,
      shuffleOptions: dto.shuffleOptions,
      role: dto.role,
    };
  }

  /** Fixed questions must be in the bank; a draw must find enough questions (checked again at each start). */
  private async slots(m: EntityManager, courseId: string, given: SlotDto[]): Promise<SlotRule[]> {
    const problems: FieldProblem[] = [];
    const rules: SlotRule[] = given.map((s, i) => {
      if (s.questionId && (s.count || s.competencyCode || s.difficulty)) {
        problems.push({
          field: `slots.${i}`,
          rule: 'one_kind',
          message: 'a slot holds a questionId or a draw, not both',
        });
      }
      if (!s.questionId && !s.count) {
        problems.push({
          field: `slots.${i}`,
          rule: 'required',
          message: 'a slot needs a questionId or a count to draw',
        });
      }
      return s.questionId
        ? { kind: 'fixed', questionId: s.questionId }
        : {
            kind: 'draw',
            count: s.count ?? 1,
            competencyCode: s.competencyCode ?? null,
            difficulty: s.difficulty ?? null,
          };
    });
    const fixedIds = rules.flatMap((r) => (r.kind === 'fixed' ? [r.questionId] : []));
    if (new Set(fixedIds).size !== fixedIds.length) {
      problems.push({ field: 'slots', rule: 'unique', message: 'a question appears in more than one slot' });
    }
    for (const { index: i, rule, count, left } of slotChecks(rules, await this.liveQuestions(m, courseId))) {
      if (left >= count) continue;
      problems.push(
        rule.kind === 'fixed'
          ? { field: `slots.${i}.questionId`, rule: 'in_bank', message: 'the question is not in this course bank' }
          : {
              field: `slots.${i}.count`,
              rule: 'enough_questions',
              message: `the bank has ${left} matching question(s) for this slot once the earlier slots have drawn theirs, the slot draws ${count}`,
            },
      );
    }
    if (problems.length) throw invalid(problems);
    return rules;
  }

  /** The questions of the bank a quiz may serve (not retired). */
  private liveQuestions(m: EntityManager, courseId: string): Promise<PoolQuestion[]> {
    return m.find(Question, {
      select: { id: true, competencyCode: true, difficulty: true },
      where: { courseId, retiredAt: IsNull() },
    });
  }

  private async find(m: EntityManager, courseId: string, quizId: string): Promise<Quiz> {
    const quiz = await m.findOneBy(Quiz, { id: quizId, courseId });
    if (!quiz) throw new DomainException(AssessmentError.QUIZ_NOT_FOUND, 'No such quiz in this course');
    return quiz;
  }
}

const invalid = (fields: FieldProblem[]) =>
  new DomainException(AssessmentError.QUIZ_INVALID, 'The quiz settings are not complete', { fields });

/** The slots a start would fail on now, by the same rule as the start (see buildSnapshot). */
function problemsOf(rules: SlotRule[], live: PoolQuestion[]): QuizProblem[] {
  return slotChecks(rules, live)
    .filter((c) => c.left < c.count)
    .map(({ index, rule, count, left }): QuizProblem =>
      rule.kind === 'fixed'
        ? { slot: index + 1, rule: 'withdrawn', message: 'the question was withdrawn from the bank' }
        : {
            slot: index + 1,
            rule: 'enough_questions',
            message: `the bank has ${left} matching question(s) left for this slot, the slot draws ${count}`,
            count,
            left,
          },
    );
}
