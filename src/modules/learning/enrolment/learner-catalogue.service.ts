import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Page } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { CatalogApi, CatalogueItem, CatalogueQuery } from '../../catalog/catalog.api';
import { Enrolment, EnrolmentStatus } from '../entities';
import { LearnerContext } from './learner-context';

export interface LearnerCatalogueItem extends CatalogueItem {
  /** The caller's enrolment in it, if any. */
  myStatus: EnrolmentStatus | null;
  assignedToMe: boolean;
}

/** The catalogue as the caller may see it, each course marked with the caller's own status. */
@Injectable()
export class LearnerCatalogueService {
  constructor(
    private readonly catalog: CatalogApi,
    private readonly context: LearnerContext,
    private readonly tx: TransactionRunner,
  ) {}

  async search(user: AuthUser, query: CatalogueQuery): Promise<Page<LearnerCatalogueItem>> {
    const viewer = await this.context.viewer(user);
    const page = await this.catalog.search(viewer, query);
    const ids = page.items.map((i) => i.id);
    const mine = ids.length
      ? await this.tx.run((m) => m.find(Enrolment, { where: { userId: user.id, courseId: In(ids) } }))
      : [];
    const byCourse = new Map(mine.map((e) => [e.courseId, e]));
    return {
      ...page,
      items: page.items.map((item) => ({
        ...item,
        myStatus: byCourse.get(item.id)?.status ?? null,
        assignedToMe: byCourse.get(item.id)?.source === 'assigned',
      })),
    };
  }
}
