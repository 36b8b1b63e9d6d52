import { Injectable } from '@nestjs/common';
import { AccessScope, AuthUser, regionSubtreeCondition, regionWithin, scopeOf } from '../../../../libs/auth';
import {
  Clock,
  DomainException,
  newId,
  Page,
  PageQuery,
  skipOf,
  toPage,
  validationFailed,
  wibDay,
  wibDeadlinePassed,
} from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { audienceReachesScope, CatalogApi } from '../../catalog/catalog.api';
import { CreateAssignmentDto } from '../dto/assignment.dto';
import { CourseAssignment } from '../entities';
import { LearningError } from '../learning.errors';
import { AssignmentView, toAssignmentView } from './assignment.view';

/**
 * A unit admin assigns a published course to people of their region. The request is
 * checked and stored here; the enrolling runs as a queued job (AssignmentRunner).
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly catalog: CatalogApi,
    private readonly outbox: OutboxService,
  ) {}

  async create(user: AuthUser, dto: CreateAssignmentDto): Promise<AssignmentView> {
    const scope = scopeOf(user);
    const scopeRegion = scope.kind === 'region' ? scope.regionCode : null;
    if (!dto.filter === !dto.nips) {
      throw validationFailed([
        { field: 'filter', rule: 'one_of', message: 'give either filter or nips, not both or neither' },
      ]);
    }
    const offered = await this.catalog.offered(dto.courseId);
    if (!offered || offered.status !== 'published') {
      throw new DomainException(LearningError.COURSE_NOT_FOUND, 'No published course with this id');
    }
    if (scopeRegion && !audienceReachesScope(offered.audience, scopeRegion)) {
      throw new DomainException(LearningError.COURSE_OUT_OF_SCOPE, 'The course is not offered in your region', {
        fields: [{ field: 'courseId', rule: 'in_scope', message: 'the course audience does not reach your region' }],
      });
    }
    const filter = dto.filter ? { ...dto.filter } : null;
    if (filter && scopeRegion) {
      if (!filter.regionCode) filter.regionCode = scopeRegion;
      else if (!regionWithin(filter.regionCode, scopeRegion)) {
        throw new DomainException(LearningError.TARGET_OUT_OF_SCOPE, 'The region is outside yours', {
          fields: [{ field: 'filter.regionCode', rule: 'in_scope', message: `must lie within ${scopeRegion}` }],
        });
      }
    }
    const now = this.clock.now();
    const deadline = dto.deadline ? new Date(dto.deadline) : offered.deadline;
    // Everyone assigned would start out overdue, and no reminder would ever come.
    if (deadline && wibDeadlinePassed(deadline, now)) {
      const given = !!dto.deadline;
      throw new DomainException(LearningError.ASSIGNMENT_DEADLINE_PASSED, 'The deadline has passed', {
        fields: [
          {
            field: 'deadline',
            rule: 'not_past',
            message: given
              ? 'deadline must be today or later'
              : `the course deadline (${wibDay(deadline)}) has passed: give a deadline`,
          },
        ],
      });
    }
    const id = newId();
    await this.tx.run(async (m) => {
      await m.insert(CourseAssignment, {
        id,
        courseId: dto.courseId,
        createdBy: user.id,
        scopeRegionCode: scopeRegion,
        filterJson: filter ? JSON.stringify(filter) : null,
        nips: dto.nips ? [...new Set(dto.nips)].join('\n') : null,
        deadline,
        status: 'queued',
        enrolled: 0,
        alreadyEnrolled: 0,
        outOfScope: 0,
        notFound: 0,
        cursor: null,
        error: null,
        createdAt: now,
        finishedAt: null,
      });
      await this.outbox.enqueue(m, 'learning.assignment-run', { assignmentId: id }, { jobId: id });
    });
    return this.get(scope, id);
  }

  /** Runs a failed assignment again: it resumes after the last batch that was committed. */
  async rerun(scope: AccessScope, id: string): Promise<AssignmentView> {
    await this.tx.run(async (m) => {
      const assignment = await this.visible(scope, id);
      if (assignment.status !== 'failed') {
        throw new DomainException(LearningError.ENROLMENT_CLOSED, `The assignment is ${assignment.status}, not failed`);
      }
      await m.update(CourseAssignment, { id }, { status: 'queued', error: null });
      const run = `${id}:${this.clock.now().getTime()}`;
      await this.outbox.enqueue(m, 'learning.assignment-run', { assignmentId: id }, { jobId: run });
    });
    return this.get(scope, id);
  }

  async get(scope: AccessScope, id: string): Promise<AssignmentView> {
    return toAssignmentView(await this.visible(scope, id));
  }

  async list(scope: AccessScope, query: PageQuery): Promise<Page<AssignmentView>> {
    return this.tx.run(async (m) => {
      const qb = m
        .createQueryBuilder(CourseAssignment, 'a')
        .orderBy('a.createdAt', 'DESC')
        .addOrderBy('a.id', 'ASC')
        .skip(skipOf(query))
        .take(query.pageSize);
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('a.scope_region_code', scope.regionCode);
        qb.where(c.sql, c.params);
      }
      const [rows, total] = await qb.getManyAndCount();
      return toPage(rows.map(toAssignmentView), total, query);
    });
  }

  private async visible(scope: AccessScope, id: string): Promise<CourseAssignment> {
    const assignment = await this.tx.run((m) => m.findOneBy(CourseAssignment, { id }));
    const mine =
      assignment &&
      (scope.kind === 'national' ||
        (scope.kind === 'region' &&
          assignment.scopeRegionCode !== null &&
          regionWithin(assignment.scopeRegionCode, scope.regionCode)));
    if (!mine) throw new DomainException(LearningError.ASSIGNMENT_NOT_FOUND, 'No such assignment');
    return assignment;
  }
}
