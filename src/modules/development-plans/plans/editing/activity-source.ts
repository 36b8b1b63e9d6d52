import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../../../libs/common';
import { CatalogApi } from '../../../catalog/catalog.api';
import { LearningApi } from '../../../learning/learning.api';
import { ActivityDto } from '../dto/plan.dto';
import { PlanActivity } from '../entities';
import { PlansError } from '../plans.errors';

export type ActivityFields = Pick<PlanActivity, 'kind' | 'courseId' | 'formCode' | 'title' | 'plannedJpTenths'>;

/** What an activity the ASN adds is: a published course (its title and JP), or an active form of development. */
@Injectable()
export class ActivitySource {
  constructor(
    private readonly catalog: CatalogApi,
    private readonly learning: LearningApi,
  ) {}

  async resolve(dto: ActivityDto): Promise<ActivityFields> {
    if (dto.kind === 'course') {
      const offered = await this.catalog.offered(dto.courseId!);
      const version = offered?.publishedVersionId
        ? (await this.catalog.versionTitles([offered.publishedVersionId])).get(offered.publishedVersionId)
        : undefined;
      if (!offered || offered.status !== 'published' || !version) {
        throw new DomainException(PlansError.COURSE_NOT_OFFERED, 'No such published course', {
          fields: [{ field: 'courseId', rule: 'published', message: 'courseId must be a published course' }],
        });
      }
      return {
        kind: 'course',
        courseId: dto.courseId!,
        formCode: null,
        title: version.title.slice(0, 200),
        plannedJpTenths: Math.round(version.jp * 10),
      };
    }
    const form = (await this.learning.developmentForms()).find((f) => f.code === dto.formCode && f.active);
    if (!form) {
      throw new DomainException(PlansError.FORM_UNKNOWN, `No active form of development ${dto.formCode}`, {
        fields: [{ field: 'formCode', rule: 'known', message: 'formCode must be an active form of development' }],
      });
    }
    return {
      kind: 'form',
      courseId: null,
      formCode: form.code,
      title: (dto.title ?? form.name).slice(0, 200),
      plannedJpTenths: Math.round(dto.plannedJp! * 10),
    };
  }
}
