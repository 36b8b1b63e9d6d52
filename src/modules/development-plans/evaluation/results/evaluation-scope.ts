import { Injectable } from '@nestjs/common';
import { AuthUser, regionWithin } from '../../../../../libs/auth';
import { DomainException } from '../../../../../libs/common';
import { CatalogApi } from '../../../catalog/catalog.api';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { EvaluationError } from '../evaluation.errors';

/**
 * Whose course evaluations a person may read: a national admin every course's; an
 * instructor the courses they teach; a unit admin the courses owned by a unit in their
 * region subtree (the courses their unit answers for; national courses have no owner unit
 * and stay with the national admin). Anyone else none: outside the scope is "not found".
 */
@Injectable()
export class EvaluationScope {
  constructor(
    private readonly catalog: CatalogApi,
    private readonly organisation: OrganisationApi,
  ) {}

  mayReadResults(user: AuthUser): boolean {
    return ['instructor', 'unit_admin', 'national_admin'].includes(user.role);
  }

  /** Keeps the course ids the reader may see; none for a reader who sees every course. */
  courseFilter(user: AuthUser): ((courseIds: string[]) => Promise<string[]>) | undefined {
    return user.role === 'national_admin' ? undefined : (courseIds) => this.visibleCourses(user, courseIds);
  }

  async visibleCourses(user: AuthUser, courseIds: string[]): Promise<string[]> {
    const ids = [...new Set(courseIds)];
    if (ids.length === 0) return [];
    if (user.role === 'national_admin') return ids;
    if (user.role === 'instructor') {
      const instructors = await this.catalog.instructorIds(ids);
      return ids.filter((id) => instructors.get(id)?.includes(user.id));
    }
    const region = user.role === 'unit_admin' ? user.scopeRegionCode : null;
    if (!region) return [];
    const owners = await this.catalog.ownerUnitIds(ids);
    const unitIds = [...new Set([...owners.values()].filter((u): u is string => !!u))];
    const units = await this.organisation.unitsByIds(unitIds);
    const inRegion = new Set(units.filter((u) => regionWithin(u.regionCode, region)).map((u) => u.id));
    return ids.filter((id) => inRegion.has(owners.get(id) ?? ''));
  }

  async assertCourse(user: AuthUser, courseId: string): Promise<void> {
    if ((await this.visibleCourses(user, [courseId])).length === 0)
      throw new DomainException(EvaluationError.EVALUATION_COURSE_NOT_FOUND, 'No such course');
  }
}
