import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { Page, skipOf, toPage } from '../../../libs/common';
import { likeAny } from '../../../libs/database';
import { regionAncestry } from './domain/audience';
import { fromTenths, toTenths } from './domain/jp';
import { CatalogueQuery } from './dto/catalogue-query.dto';
import { Course, CourseCompetency, CourseVersion, EnrolmentMode } from './entities';

/** Whose catalogue it is: a person matched against audiences, or an admin seeing a whole scope. */
export type CatalogueViewer =
  | {
      kind: 'member';
      regionCode: string | null;
      unitId: string | null;
      positionId: string | null;
      /** Courses the person is enrolled in: always visible to them. */
      enrolledCourseIds: string[];
      /** Of those, the ones a unit admin assigned (the "assigned to me" filter). */
      assignedCourseIds: string[];
    }
  | { kind: 'region'; regionCode: string }
  | { kind: 'national' };

export interface CatalogueItem {
  id: string;
  versionId: string;
  title: string;
  summary: string;
  jp: number;
  enrolmentMode: EnrolmentMode;
  hasCover: boolean;
  deadline: string | null;
  publishedAt: string;
  competencies: Array<{ code: string; pillar: string; level: number }>;
}

interface Row {
  id: string;
  versionId: string;
  title: string;
  summary: string;
  jpTenths: number;
  enrolmentMode: EnrolmentMode;
  coverKey: string | null;
  deadline: string | Date | null;
  publishedAt: string | Date;
}

/** The catalogue search: published courses the viewer may see, filtered, newest first. */
@Injectable()
export class CatalogueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(viewer: CatalogueViewer, query: CatalogueQuery): Promise<Page<CatalogueItem>> {
    const qb = this.db
      .createQueryBuilder(Course, 'c')
      .innerJoin(CourseVersion, 'v', 'v.id = c.publishedVersionId')
      .where("c.status = 'published'");
    this.visibleTo(qb, viewer);
    this.filtered(qb, viewer, query);
    const total = await qb.getCount();
    const rows = await qb
      .select([
        'c.id AS id',
        'v.id AS versionId',
        'v.title AS title',
        'v.summary AS summary',
        'v.jpTenths AS jpTenths',
        'v.enrolmentMode AS enrolmentMode',
        'v.coverKey AS coverKey',
        'v.deadline AS deadline',
      ])
      .addSelect('c.publishedAt', 'publishedAt')
      .orderBy('c.publishedAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .offset(skipOf(query))
      .limit(query.pageSize)
      .getRawMany<Row>();
    const competencies = rows.length
      ? await this.db.getRepository(CourseCompetency).find({
          where: { versionId: In(rows.map((r) => r.versionId)) },
          order: { competencyCode: 'ASC' },
        })
      : [];
    return toPage(
      rows.map((r) => ({
        id: r.id,
        versionId: r.versionId,
        title: r.title,
        summary: r.summary.length > 300 ? `${r.summary.slice(0, 297)}...` : r.summary,
        jp: fromTenths(Number(r.jpTenths)),
        enrolmentMode: r.enrolmentMode,
        hasCover: r.coverKey !== null,
        deadline: r.deadline ? new Date(r.deadline).toISOString() : null,
        publishedAt: new Date(r.publishedAt).toISOString(),
        competencies: competencies
          .filter((c) => c.versionId === r.versionId)
          .map((c) => ({ code: c.competencyCode, pillar: c.pillar, level: c.level })),
      })),
      total,
      query,
    );
  }

  /**
   * Who sees what: a person sees the courses they are enrolled in, plus courses open to
   * them (self-enrol or approval) whose audience includes them. Assigned-only courses are
   * seen only by those assigned. Admins see what reaches their region.
   */
  private visibleTo(qb: SelectQueryBuilder<Course>, viewer: CatalogueViewer): void {
    if (viewer.kind === 'national') return;
    if (viewer.kind === 'region') {
      const ancestry = regionAncestry(viewer.regionCode);
      qb.andWhere(
        `(v.audienceEveryone = 1 OR EXISTS (SELECT 1 FROM course_audience a WHERE a.version_id = v.id AND a.kind = 'region' AND (a.value IN (:...ancestry) OR a.value LIKE :below)))`,
        { ancestry, below: `${viewer.regionCode}.%` },
      );
      return;
    }
    const ancestry = regionAncestry(viewer.regionCode);
    const matches = [
      ancestry.length ? `(a.kind = 'region' AND a.value IN (:...ancestry))` : null,
      viewer.unitId ? `(a.kind = 'unit' AND a.value = :unitId)` : null,
      viewer.positionId ? `(a.kind = 'position' AND a.value = :positionId)` : null,
    ].filter(Boolean);
    const inAudience = matches.length
      ? `(v.audienceEveryone = 1 OR EXISTS (SELECT 1 FROM course_audience a WHERE a.version_id = v.id AND (${matches.join(' OR ')})))`
      : 'v.audienceEveryone = 1';
    qb.andWhere(
      new Brackets((w) => {
        w.where(`(v.enrolmentMode <> 'assigned' AND ${inAudience})`, {
          ancestry,
          unitId: viewer.unitId,
          positionId: viewer.positionId,
        });
        if (viewer.enrolledCourseIds.length)
          w.orWhere('c.id IN (:...enrolled)', { enrolled: viewer.enrolledCourseIds });
      }),
    );
  }

  private filtered(qb: SelectQueryBuilder<Course>, viewer: CatalogueViewer, query: CatalogueQuery): void {
    if (query.q?.trim()) {
      const text = likeAny(['v.title', 'v.summary'], 'q', query.q.trim());
      qb.andWhere(text.sql, text.params);
    }
    if (query.competency) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM course_competency cc WHERE cc.version_id = v.id AND cc.competency_code = :competency)',
        { competency: query.competency },
      );
    }
    if (query.pillar) {
      qb.andWhere('EXISTS (SELECT 1 FROM course_competency cp WHERE cp.version_id = v.id AND cp.pillar = :pillar)', {
        pillar: query.pillar,
      });
    }
    if (query.jpMin !== undefined) qb.andWhere('v.jpTenths >= :jpMin', { jpMin: toTenths(query.jpMin) });
    if (query.jpMax !== undefined) qb.andWhere('v.jpTenths <= :jpMax', { jpMax: toTenths(query.jpMax) });
    if (query.kind) {
      qb.andWhere('EXISTS (SELECT 1 FROM lesson l WHERE l.version_id = v.id AND l.kind = :kind)', { kind: query.kind });
    }
    if (query.assigned) {
      const assigned = viewer.kind === 'member' ? viewer.assignedCourseIds : [];
      if (assigned.length) qb.andWhere('c.id IN (:...assigned)', { assigned });
      else qb.andWhere('1 = 0');
    }
  }
}
