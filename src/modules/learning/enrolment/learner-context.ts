import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../../libs/auth';
import { TransactionRunner } from '../../../../libs/database';
import { AudienceMember, CatalogueViewer } from '../../catalog/catalog.api';
import { IdentityApi } from '../../identity/identity.api';
import type { EmployeeType } from '../../identity/domain/golongan';
import { Enrolment } from '../entities';

export interface Learner extends AudienceMember {
  id: string;
  employeeType: EmployeeType | null;
}

/** Who the caller is as a learner: the facts audiences match, and what they are enrolled in. */
@Injectable()
export class LearnerContext {
  constructor(
    private readonly identity: IdentityApi,
    private readonly tx: TransactionRunner,
  ) {}

  async learner(user: AuthUser): Promise<Learner> {
    const me = await this.identity.getUser({ kind: 'own', userId: user.id }, user.id);
    return {
      id: me.id,
      regionCode: me.regionCode,
      unitId: me.unitId,
      positionId: me.positionId,
      employeeType: me.employeeType,
    };
  }

  /** Unit admins browse what reaches their region, national admins everything, others their own catalogue. */
  async viewer(user: AuthUser): Promise<CatalogueViewer> {
    if (user.role === 'national_admin') return { kind: 'national' };
    if (user.role === 'unit_admin' && user.scopeRegionCode) return { kind: 'region', regionCode: user.scopeRegionCode };
    const [me, enrolments] = await Promise.all([
      this.learner(user),
      this.tx.run((m) => m.find(Enrolment, { select: { courseId: true, source: true }, where: { userId: user.id } })),
    ]);
    return {
      kind: 'member',
      regionCode: me.regionCode,
      unitId: me.unitId,
      positionId: me.positionId,
      enrolledCourseIds: enrolments.map((e) => e.courseId),
      assignedCourseIds: enrolments.filter((e) => e.source === 'assigned').map((e) => e.courseId),
    };
  }
}
