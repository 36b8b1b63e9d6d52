import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { regionWithin } from '../../../../libs/auth';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { failUnfinishedRun } from '../../../../libs/queue';
import { CatalogApi, inAudience, OfferedCourse } from '../../catalog/catalog.api';
import { IdentityApi, PeopleFilter, PersonFacts } from '../../identity/identity.api';
import { NotificationsApi } from '../../notifications/notifications.api';
import { EnrolmentChanges, placeOf } from '../enrolment/enrolment-changes';
import { newEnrolment } from '../enrolment/new-enrolment';
import { CourseAssignment, Enrolment } from '../entities';

export const ASSIGNMENT_BATCH = 200;

interface BatchCounts {
  enrolled: number;
  alreadyEnrolled: number;
  outOfScope: number;
  notFound: number;
}

/**
 * Enrols the people of an assignment, a batch per transaction. Each batch commits its
 * enrolments, its counts and the cursor together, so a run that dies half way leaves a
 * consistent assignment, and running it again carries on after the last committed batch.
 * Enrolments are unique per person and course: assigning twice never duplicates.
 */
@Injectable()
export class AssignmentRunner {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly catalog: CatalogApi,
    private readonly identity: IdentityApi,
    private readonly notifications: NotificationsApi,
    private readonly changes: EnrolmentChanges,
  ) {}

  async run(assignmentId: string, batchSize = ASSIGNMENT_BATCH): Promise<void> {
    const assignment = await this.tx.run((m) => m.findOneBy(CourseAssignment, { id: assignmentId }));
    if (!assignment || assignment.status === 'done') return;
    const offered = await this.catalog.offered(assignment.courseId);
    if (!offered?.publishedVersionId || offered.status !== 'published') {
      await this.fail(assignmentId, 'The course is no longer published');
      return;
    }
    await this.tx.run((m) => m.update(CourseAssignment, { id: assignmentId }, { status: 'running' }));
    const title = (await this.catalog.completionFacts(offered.publishedVersionId))?.title ?? '';
    const course = { ...offered, title };
    if (assignment.filterJson) {
      const filter = JSON.parse(assignment.filterJson) as PeopleFilter;
      let cursor = assignment.cursor;
      for (;;) {
        const people = await this.identity.peoplePage(filter, cursor, batchSize);
        if (people.length === 0) break;
        const next = people[people.length - 1].id;
        await this.apply(assignment, course, people, 0, cursor, next);
        cursor = next;
      }
    } else {
      const nips = (assignment.nips ?? '').split('\n').filter(Boolean);
      let cursor = assignment.cursor;
      for (let index = Number(cursor ?? 0); index < nips.length;) {
        const slice = nips.slice(index, index + batchSize);
        const people = await this.identity.peopleByNips(slice);
        const next = String(index + slice.length);
        await this.apply(assignment, course, people, slice.length - people.length, cursor, next);
        cursor = next;
        index += slice.length;
      }
    }
    await this.tx.run((m) =>
      m.update(CourseAssignment, { id: assignmentId }, { status: 'done', finishedAt: this.clock.now() }),
    );
  }

  /**
   * Fails an assignment that has not finished, with why. Conditional on queued/running: an
   * assignment done (or failed) meanwhile, say by a worker that finished it before dying, is
   * left as it is. Returns whether this call failed it.
   */
  async fail(assignmentId: string, error: string): Promise<boolean> {
    return this.tx.run((m) => failUnfinishedRun(m, CourseAssignment, assignmentId, { error: error.slice(0, 300) }));
  }

  private async apply(
    assignment: CourseAssignment,
    offered: OfferedCourse & { title: string },
    people: PersonFacts[],
    notFound: number,
    fromCursor: string | null,
    toCursor: string,
  ): Promise<void> {
    const reachable = people.filter(
      (p) =>
        (assignment.scopeRegionCode === null || regionWithin(p.regionCode, assignment.scopeRegionCode)) &&
        inAudience(offered.audience, p),
    );
    const counts: BatchCounts = {
      enrolled: 0,
      alreadyEnrolled: 0,
      outOfScope: people.length - reachable.length,
      notFound,
    };
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      const existing = reachable.length
        ? await m.find(Enrolment, {
            where: { courseId: assignment.courseId, userId: In(reachable.map((p) => p.id)) },
          })
        : [];
      const already = new Set(existing.map((e) => e.userId));
      // An assignment settles a pending request: the person is in, on the terms of the
      // assignment (its deadline, the version published now; no one learnt before approval).
      const pending = existing.filter((e) => e.status === 'requested' || e.status === 'rejected').map((e) => e.id);
      if (pending.length) {
        await m.update(
          Enrolment,
          { id: In(pending) },
          {
            status: 'active',
            source: 'assigned',
            assignmentId: assignment.id,
            deadline: assignment.deadline,
            versionId: offered.publishedVersionId!,
            updatedAt: now,
          },
        );
      }
      const fresh = reachable.filter((p) => !already.has(p.id));
      if (fresh.length) {
        await m
          .createQueryBuilder()
          .insert()
          .into(Enrolment)
          .values(
            fresh.map((p) =>
              newEnrolment(
                {
                  userId: p.id,
                  courseId: assignment.courseId,
                  versionId: offered.publishedVersionId!,
                  regionCode: p.regionCode,
                  unitId: p.unitId,
                  status: 'active',
                  source: 'assigned',
                  assignmentId: assignment.id,
                  deadline: assignment.deadline,
                },
                now,
              ),
            ),
          )
          .orIgnore()
          .updateEntity(false)
          .execute();
      }
      // Monitoring recounts where these enrolments counted before (a settled request) and now.
      const settled = existing.filter((e) => pending.includes(e.id));
      await this.changes.notify(m, [
        ...settled.flatMap((e) => [placeOf(e), placeOf({ ...e, assignmentId: assignment.id })]),
        ...fresh.map((p) => placeOf({ courseId: assignment.courseId, assignmentId: assignment.id, unitId: p.unitId })),
      ]);
      // The people this batch put in the course hear of it, in the same transaction.
      await this.notifyAssigned(m, assignment, offered, [
        ...fresh.map((p) => p.id),
        ...existing.filter((e) => pending.includes(e.id)).map((e) => e.userId),
      ]);
      // A settled request is enrolled by this assignment, not found enrolled already.
      counts.enrolled = fresh.length + pending.length;
      counts.alreadyEnrolled = already.size - pending.length;
      // The cursor guard makes a batch count once even if two runs of the job overlap.
      const moved = await m
        .createQueryBuilder()
        .update(CourseAssignment)
        .set({
          cursor: toCursor,
          enrolled: () => `enrolled + ${counts.enrolled}`,
          alreadyEnrolled: () => `already_enrolled + ${counts.alreadyEnrolled}`,
          outOfScope: () => `out_of_scope + ${counts.outOfScope}`,
          notFound: () => `not_found + ${counts.notFound}`,
        })
        .where('id = :id', { id: assignment.id })
        .andWhere(fromCursor === null ? 'cursor IS NULL' : 'cursor = :fromCursor', { fromCursor })
        .execute();
      if (moved.affected !== 1) throw new Error('Another run of this assignment moved on; this batch is dropped');
    });
  }

  private async notifyAssigned(
    m: EntityManager,
    assignment: CourseAssignment,
    offered: OfferedCourse & { title: string },
    userIds: string[],
  ): Promise<void> {
    if (userIds.length === 0) return;
    await this.notifications.notify(m, {
      category: 'course-assigned',
      eventKey: `course-assigned:${assignment.id}`,
      recipientIds: userIds,
      params: {
        course: offered.title,
        ...(assignment.deadline ? { deadline: assignment.deadline.toISOString() } : {}),
      },
      link: `/kursus/${assignment.courseId}`,
    });
  }
}
