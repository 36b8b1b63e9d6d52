import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { wibDeadlinePassed } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { CatalogApi, requiredLessons } from '../../catalog/catalog.api';
import { Enrolment, LessonProgress } from '../entities';
import { VersionFacts } from '../progress/version-facts';
import { GainedCompetency, LedgerService, LedgerView } from './ledger.service';

export interface HomeCourse {
  enrolmentId: string;
  courseId: string;
  title: string;
  jp: number;
  status: Enrolment['status'];
  source: Enrolment['source'];
  deadline: string | null;
  overdue: boolean;
  percent: number;
  lastLessonId: string | null;
}

export interface LearnerHome {
  inProgress: HomeCourse[];
  /** Assigned and not yet completed, the nearest deadline first. */
  assigned: HomeCourse[];
  jp: Omit<LedgerView, 'entries'>;
  competencies: GainedCompetency[];
}

const MAX_LISTED = 50;

/** What a learner sees first: where to carry on, what is due, and how far the year's JP are. */
@Injectable()
export class LearnerHomeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly catalog: CatalogApi,
    private readonly facts: VersionFacts,
    private readonly ledger: LedgerService,
  ) {}

  async home(user: AuthUser, now: Date): Promise<LearnerHome> {
    const open = await this.tx.run((m) =>
      m.find(Enrolment, {
        where: { userId: user.id, status: In(['active', 'requested']) },
        order: { updatedAt: 'DESC' },
        take: MAX_LISTED,
      }),
    );
    const courses = await this.describe(open, now);
    const { entries: _entries, ...jp } = await this.ledger.ledger(user);
    return {
      // An assigned course shows under "assigned" until the learner starts it.
      inProgress: courses.filter((c) => c.source === 'self' || c.percent > 0 || c.lastLessonId !== null),
      assigned: courses
        .filter((c) => c.source === 'assigned')
        .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999')),
      jp,
      competencies: await this.ledger.gainedCompetencies(user.id),
    };
  }

  private async describe(enrolments: Enrolment[], now: Date): Promise<HomeCourse[]> {
    if (enrolments.length === 0) return [];
    const titles = await this.catalog.versionTitles([...new Set(enrolments.map((e) => e.versionId))]);
    const done = await this.tx.run((m) =>
      m.find(LessonProgress, {
        select: { versionId: true, lessonId: true },
        where: {
          userId: enrolments[0].userId,
          versionId: In(enrolments.map((e) => e.versionId)),
          completedAt: Not(IsNull()),
        },
      }),
    );
    return Promise.all(
      enrolments.map(async (e) => {
        const facts = await this.facts.of(e.versionId);
        const required = facts ? requiredLessons(facts.lessons) : [];
        const finished = new Set(done.filter((d) => d.versionId === e.versionId).map((d) => d.lessonId));
        const count = required.filter((l) => finished.has(l.id)).length;
        const deadline = e.deadline ? new Date(e.deadline) : null;
        return {
          enrolmentId: e.id,
          courseId: e.courseId,
          title: titles.get(e.versionId)?.title ?? '',
          jp: titles.get(e.versionId)?.jp ?? 0,
          status: e.status,
          source: e.source,
          deadline: deadline?.toISOString() ?? null,
          overdue: deadline !== null && wibDeadlinePassed(deadline, now),
          percent: required.length ? Math.floor((count * 100) / required.length) : 0,
          lastLessonId: e.lastLessonId,
        };
      }),
    );
  }
}
