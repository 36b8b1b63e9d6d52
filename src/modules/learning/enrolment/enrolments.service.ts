import { Injectable } from '@nestjs/common';
import { AccessScope, AuthUser, regionSubtreeCondition, regionWithin, scopeOf } from '../../../../libs/auth';
import { Clock, DomainException, Page, PageQuery, skipOf, toPage } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { CatalogApi, inAudience, OfferedCourse } from '../../catalog/catalog.api';
import { Enrolment } from '../entities';
import { LearningError } from '../learning.errors';
import { EnrolmentChanges, placeOf } from './enrolment-changes';
import { assertEnrolmentOpen } from './enrolment-deadline';
import { EnrolmentView, toEnrolmentView } from './enrolment.view';
import { newEnrolment } from './new-enrolment';
import { Learner, LearnerContext } from './learner-context';

/** Joining a course: self-enrolment, requests that a unit admin approves, and the learner's own list. */
@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly catalog: CatalogApi,
    private readonly context: LearnerContext,
    private readonly changes: EnrolmentChanges,
  ) {}

  /**
   * Enrols the caller, or files a request on an approval course. Asking again returns the
   * enrolment there is (a double tap on a slow connection must not fail or duplicate).
   */
  async enrol(user: AuthUser, courseId: string): Promise<EnrolmentView> {
    const learner = await this.context.learner(user);
    const existing = await this.find(user.id, courseId);
    if (existing && existing.status !== 'rejected') return toEnrolmentView(existing);
    const offered = await this.catalog.offered(courseId);
    if (!offered || !openTo(offered, learner)) {
      throw new DomainException(LearningError.COURSE_NOT_FOUND, 'No such course in your catalogue');
    }
    const now = this.clock.now();
    assertEnrolmentOpen(offered.deadline, now);
    const status = offered.enrolmentMode === 'approval' ? 'requested' : 'active';
    await this.tx.run(async (m) => {
      if (existing) {
        // A rejected request may be filed again.
        await m.update(
          Enrolment,
          { id: existing.id, status: 'rejected' },
          { status, versionId: offered.publishedVersionId!, updatedAt: now },
        );
        await this.changes.notify(m, [placeOf(existing)]);
        return;
      }
      await m
        .createQueryBuilder()
        .insert()
        .into(Enrolment)
        .values(
          newEnrolment(
            {
              userId: user.id,
              courseId,
              versionId: offered.publishedVersionId!,
              regionCode: learner.regionCode,
              unitId: learner.unitId,
              status,
              source: 'self',
              deadline: offered.deadline,
            },
            now,
          ),
        )
        .orIgnore()
        .updateEntity(false)
        .execute();
      await this.changes.notify(m, [placeOf({ courseId, assignmentId: null, unitId: learner.unitId })]);
    });
    return toEnrolmentView((await this.find(user.id, courseId))!);
  }

  async mine(userId: string, query: PageQuery & { status?: Enrolment['status'] }): Promise<Page<EnrolmentView>> {
    return this.tx.run(async (m) => {
      const [rows, total] = await m.findAndCount(Enrolment, {
        where: { userId, ...(query.status ? { status: query.status } : {}) },
        order: { updatedAt: 'DESC', id: 'ASC' },
        skip: skipOf(query),
        take: query.pageSize,
      });
      return toPage(rows.map(toEnrolmentView), total, query);
    });
  }

  /** Requests on approval courses waiting in the admin's region (all of them for a national admin). */
  async requests(scope: AccessScope, query: PageQuery): Promise<Page<EnrolmentView & { userId: string }>> {
    return this.tx.run(async (m) => {
      const qb = m
        .createQueryBuilder(Enrolment, 'e')
        .where("e.status = 'requested'")
        .orderBy('e.enrolledAt', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .skip(skipOf(query))
        .take(query.pageSize);
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('e.region_code', scope.regionCode);
        qb.andWhere(c.sql, c.params);
      } else if (scope.kind === 'own') qb.andWhere('1 = 0');
      const [rows, total] = await qb.getManyAndCount();
      return toPage(
        rows.map((e) => ({ ...toEnrolmentView(e), userId: e.userId })),
        total,
        query,
      );
    });
  }

  /**
   * An admin's own request is decided by another admin of the region. An approval starts
   * the person on the version published now (the request may predate a new version), and
   * is refused once the course is archived or its enrolment deadline has passed.
   */
  async decide(user: AuthUser, enrolmentId: string, approve: boolean): Promise<EnrolmentView> {
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      const enrolment = await m.findOneBy(Enrolment, { id: enrolmentId });
      if (!enrolment || !visibleTo(scopeOf(user), enrolment)) {
        throw new DomainException(LearningError.ENROLMENT_NOT_FOUND, 'No such enrolment request');
      }
      if (enrolment.userId === user.id) {
        throw new DomainException(LearningError.ENROLMENT_OWN, 'Your own request is decided by another administrator');
      }
      const offered = approve ? await this.catalog.offered(enrolment.courseId) : null;
      if (approve && (!offered || offered.status !== 'published')) {
        throw new DomainException(LearningError.COURSE_NOT_FOUND, 'The course is no longer offered');
      }
      assertEnrolmentOpen(offered?.deadline, now);
      const changed = await m.update(
        Enrolment,
        { id: enrolmentId, status: 'requested' },
        offered
          ? { status: 'active', versionId: offered.publishedVersionId!, deadline: offered.deadline, updatedAt: now }
          : { status: 'rejected', updatedAt: now },
      );
      if (changed.affected !== 1) {
        throw new DomainException(LearningError.ENROLMENT_CLOSED, `The request was already ${enrolment.status}`);
      }
      await this.changes.notify(m, [placeOf(enrolment)]);
      return toEnrolmentView((await m.findOneBy(Enrolment, { id: enrolmentId }))!);
    });
  }

  private find(userId: string, courseId: string): Promise<Enrolment | null> {
    return this.tx.run((m) => m.findOneBy(Enrolment, { userId, courseId }));
  }
}

/** Open to this learner without an assignment: published, not assigned-only, and for them. */
export function openTo(offered: OfferedCourse, learner: Learner): boolean {
  return (
    offered.status === 'published' && offered.enrolmentMode !== 'assigned' && inAudience(offered.audience, learner)
  );
}

function visibleTo(scope: AccessScope, enrolment: Enrolment): boolean {
  if (scope.kind === 'national') return true;
  if (scope.kind === 'region') return regionWithin(enrolment.regionCode, scope.regionCode);
  return false;
}
