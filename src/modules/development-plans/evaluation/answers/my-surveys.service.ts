import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { DomainException } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { CatalogApi } from '../../../catalog/catalog.api';
import { IdentityApi } from '../../../identity/identity.api';
import { answerByAt } from '../domain/follow-up-schedule';
import { AppliedAnswer, CourseEvaluation, FollowUpRole, FollowUpStatus, FollowUpSurvey } from '../entities';
import { EvaluationError } from '../evaluation.errors';

const LIST_LIMIT = 100;

export interface CourseQuestionnaireView {
  id: string;
  courseId: string;
  courseTitle: string;
  completedAt: Date;
  answeredAt: Date | null;
  answer: { material: number; delivery: number; usefulness: number; comment: string | null } | null;
}

export interface FollowUpView {
  id: string;
  role: FollowUpRole;
  status: FollowUpStatus;
  courseId: string;
  courseTitle: string;
  learnerId: string;
  learnerName: string;
  completedAt: Date;
  dueAt: Date;
  /** The last day an answer counts (null until sent). */
  answerBy: Date | null;
  answeredAt: Date | null;
  applied: AppliedAnswer | null;
  examples: string | null;
}

/** The questionnaires a person has to answer (or answered): always their own, else not found. */
@Injectable()
export class MySurveysService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly catalog: CatalogApi,
    private readonly identity: IdentityApi,
  ) {}

  async pending(userId: string): Promise<{ courses: CourseQuestionnaireView[]; followUps: FollowUpView[] }> {
    const [courses, followUps] = await this.tx.run((m) =>
      Promise.all([
        m.find(CourseEvaluation, {
          where: { userId, answeredAt: IsNull() },
          order: { completedAt: 'DESC' },
          take: LIST_LIMIT,
        }),
        m.find(FollowUpSurvey, {
          where: { respondentId: userId, status: 'sent' },
          order: { firstSentAt: 'ASC' },
          take: LIST_LIMIT,
        }),
      ]),
    );
    return { courses: await this.courseViews(courses), followUps: await this.followUpViews(followUps) };
  }

  /** Follow-ups about the supervisor's staff: open ones first, then those still to come. */
  async team(supervisorId: string): Promise<{ open: FollowUpView[]; upcoming: FollowUpView[] }> {
    const rows = await this.tx.run((m) =>
      m.find(FollowUpSurvey, {
        where: { respondentId: supervisorId, role: 'supervisor', status: In(['sent', 'scheduled']) },
        order: { dueAt: 'ASC' },
        take: LIST_LIMIT * 2,
      }),
    );
    const views = await this.followUpViews(rows);
    return { open: views.filter((v) => v.status === 'sent'), upcoming: views.filter((v) => v.status === 'scheduled') };
  }

  async questionnaire(userId: string, id: string): Promise<CourseQuestionnaireView> {
    const row = await this.tx.run((m) => m.findOneBy(CourseEvaluation, { id, userId }));
    if (!row) throw new DomainException(EvaluationError.EVALUATION_NOT_FOUND, 'No such course evaluation');
    return (await this.courseViews([row]))[0];
  }

  async followUp(userId: string, id: string): Promise<FollowUpView> {
    const row = await this.tx.run((m) => m.findOneBy(FollowUpSurvey, { id, respondentId: userId }));
    if (!row || row.status === 'scheduled')
      throw new DomainException(EvaluationError.FOLLOW_UP_NOT_FOUND, 'No such follow-up survey');
    return (await this.followUpViews([row]))[0];
  }

  private async courseViews(rows: CourseEvaluation[]): Promise<CourseQuestionnaireView[]> {
    const titles = await this.catalog.courseTitles([...new Set(rows.map((r) => r.courseId))]);
    return rows.map((r) => ({
      id: r.id,
      courseId: r.courseId,
      courseTitle: titles.get(r.courseId) ?? '',
      completedAt: r.completedAt,
      answeredAt: r.answeredAt,
      answer: r.answeredAt
        ? { material: r.material!, delivery: r.delivery!, usefulness: r.usefulness!, comment: r.comment }
        : null,
    }));
  }

  private async followUpViews(rows: FollowUpSurvey[]): Promise<FollowUpView[]> {
    const [titles, names] = await Promise.all([
      this.catalog.courseTitles([...new Set(rows.map((r) => r.courseId))]),
      this.identity.namesOf([...new Set(rows.map((r) => r.learnerId))]),
    ]);
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      status: r.status,
      courseId: r.courseId,
      courseTitle: titles.get(r.courseId) ?? '',
      learnerId: r.learnerId,
      learnerName: names.get(r.learnerId)?.name ?? '',
      completedAt: r.completedAt,
      dueAt: r.dueAt,
      answerBy: r.firstSentAt ? answerByAt(r.firstSentAt) : null,
      answeredAt: r.answeredAt,
      applied: r.applied,
      examples: r.examples,
    }));
  }
}
