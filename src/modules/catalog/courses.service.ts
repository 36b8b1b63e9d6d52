import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../libs/auth';
import { Clock, DomainException, newId, Page, PageQuery, skipOf, toPage } from '../../../libs/common';
import { TransactionRunner } from '../../../libs/database';
import { EntityManager } from 'typeorm';
import { CompetenciesApi, CompetencySummary } from '../competencies/competencies.api';
import { IdentityApi } from '../identity/identity.api';
import { CatalogError } from './catalog.errors';
import { CourseAccess } from './course-access';
import { CourseDrafts } from './course-drafts';
import { CourseOutline, instructorsOf, loadOutline } from './course-outline';
import { toTenths } from './domain/jp';
import { CourseDraftDto } from './dto/course.dto';
import { Course, CourseAudience, CourseCompetency, CourseInstructor, CourseVersion } from './entities';

export interface AuthoringView extends CourseOutline {
  hasDraft: boolean;
  publishedVersionId: string | null;
  instructors: Array<{ userId: string; role: 'owner' | 'co' }>;
}

export interface CourseListItem {
  id: string;
  status: Course['status'];
  title: string;
  jp: number;
  hasDraft: boolean;
  updatedAt: string;
}

/** Instructors' side of a course: create it, edit its draft, share it with co-instructors. */
@Injectable()
export class CoursesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly access: CourseAccess,
    private readonly drafts: CourseDrafts,
    private readonly competencies: CompetenciesApi,
    private readonly identity: IdentityApi,
  ) {}

  async create(user: AuthUser, dto: CourseDraftDto): Promise<AuthoringView> {
    const pillars = await this.pillarsOf(dto);
    refuseRetired(dto, pillars, new Set());
    const me = await this.identity.getUser({ kind: 'own', userId: user.id }, user.id);
    const now = this.clock.now();
    const courseId = newId();
    const versionId = newId();
    await this.tx.run(async (m) => {
      await m.insert(Course, {
        id: courseId,
        status: 'draft',
        ownerUnitId: me.unitId,
        createdBy: user.id,
        publishedVersionId: null,
        draftVersionId: versionId,
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await m.insert(CourseVersion, {
        id: versionId,
        courseId,
        number: 1,
        status: 'draft',
        ...this.fields(dto),
        createdAt: now,
        updatedAt: now,
        coverKey: null,
        coverMime: null,
        publishedAt: null,
      });
      await this.writeLists(m, versionId, dto, pillars);
      await m.insert(CourseInstructor, { courseId, userId: user.id, role: 'owner', addedAt: now });
    });
    return this.get(user, courseId);
  }

  async updateDraft(user: AuthUser, courseId: string, dto: CourseDraftDto): Promise<AuthoringView> {
    const pillars = await this.pillarsOf(dto);
    await this.tx.run(async (m) => {
      const course = await this.access.editable(m, user, courseId, true);
      const draft = await this.drafts.draftOf(m, course);
      const kept = await m.findBy(CourseCompetency, { versionId: draft.id });
      refuseRetired(dto, pillars, new Set(kept.map((c) => c.competencyCode)));
      await m.update(CourseVersion, { id: draft.id }, { ...this.fields(dto), updatedAt: this.clock.now() });
      await m.delete(CourseCompetency, { versionId: draft.id });
      await m.delete(CourseAudience, { versionId: draft.id });
      await this.writeLists(m, draft.id, dto, pillars);
    });
    return this.get(user, courseId);
  }

  /** The draft when there is one (what the instructor is working on), else the published version. */
  async get(user: AuthUser, courseId: string): Promise<AuthoringView> {
    return this.tx.run(async (m) => {
      const course = await this.access.editable(m, user, courseId);
      const versionId = course.draftVersionId ?? course.publishedVersionId!;
      const outline = await loadOutline(m, course, versionId);
      const instructors = await instructorsOf(m, [course.id]);
      return {
        ...outline,
        hasDraft: course.draftVersionId !== null,
        publishedVersionId: course.publishedVersionId,
        instructors: instructors.map((i) => ({ userId: i.userId, role: i.role })),
      };
    });
  }

  /** Courses the caller teaches (every course for the national admin), newest first. */
  async listMine(user: AuthUser, query: PageQuery): Promise<Page<CourseListItem>> {
    const q = this.tx.run(async (m) => {
      const base = m
        .createQueryBuilder(Course, 'c')
        .innerJoin(CourseVersion, 'v', 'v.id = COALESCE(c.draftVersionId, c.publishedVersionId)')
        .select([
          'c.id AS id',
          'c.status AS status',
          'v.title AS title',
          'v.jpTenths AS jp',
          'c.draftVersionId AS draft',
        ])
        .addSelect('c.updatedAt', 'updatedAt');
      if (user.role !== 'national_admin') {
        base.innerJoin(CourseInstructor, 'i', 'i.courseId = c.id AND i.userId = :me', { me: user.id });
      }
      const total = await base.getCount();
      const rows = await base
        .orderBy('c.updatedAt', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .offset(skipOf(query))
        .limit(query.pageSize)
        .getRawMany<{
          id: string;
          status: Course['status'];
          title: string;
          jp: number;
          draft: string | null;
          updatedAt: string | Date;
        }>();
      return { total, rows };
    });
    const { total, rows } = await q;
    return toPage(
      rows.map((r) => ({
        id: r.id,
        status: r.status,
        title: r.title,
        jp: Number(r.jp) / 10,
        hasDraft: r.draft !== null,
        updatedAt: new Date(r.updatedAt).toISOString(),
      })),
      total,
      query,
    );
  }

  async addInstructor(user: AuthUser, courseId: string, userId: string): Promise<AuthoringView> {
    const colleague = await this.identity.getUser({ kind: 'national' }, userId).catch(() => null);
    if (!colleague || colleague.role !== 'instructor') {
      throw new DomainException(CatalogError.INSTRUCTOR_NOT_FOUND, 'No instructor with this id');
    }
    await this.tx.run(async (m) => {
      await this.access.editable(m, user, courseId);
      await m
        .createQueryBuilder()
        .insert()
        .into(CourseInstructor)
        .values({ courseId, userId, role: 'co', addedAt: this.clock.now() })
        .orIgnore()
        .execute();
    });
    return this.get(user, courseId);
  }

  async removeInstructor(user: AuthUser, courseId: string, userId: string): Promise<AuthoringView> {
    await this.tx.run(async (m) => {
      await this.access.editable(m, user, courseId);
      // The owner stays: a course always has someone who may edit it.
      await m.delete(CourseInstructor, { courseId, userId, role: 'co' });
    });
    return this.get(user, courseId);
  }

  private fields(dto: CourseDraftDto) {
    return {
      title: dto.title.trim(),
      summary: dto.summary.trim(),
      jpTenths: toTenths(dto.jp),
      enrolmentMode: dto.enrolmentMode,
      audienceEveryone: dto.audience.everyone,
      inOrder: dto.inOrder ?? false,
      deadline: dto.deadline ? new Date(dto.deadline) : null,
    };
  }

  private async pillarsOf(dto: CourseDraftDto): Promise<Map<string, CompetencySummary>> {
    const codes = dto.competencies.map((c) => c.code);
    const known = new Map((await this.competencies.summaries(codes)).map((c) => [c.code, c]));
    const fields = dto.competencies
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !known.has(c.code))
      .map(({ c, i }) => ({
        field: `competencies.${i}.code`,
        rule: 'exists',
        message: `${c.code} is not in the competency dictionary`,
      }));
    if (fields.length > 0) {
      throw new DomainException(CatalogError.UNKNOWN_COMPETENCY, 'Unknown competencies', { fields });
    }
    return known;
  }

  private async writeLists(
    m: EntityManager,
    versionId: string,
    dto: CourseDraftDto,
    pillars: Map<string, CompetencySummary>,
  ) {
    const competencies = new Map(dto.competencies.map((c) => [c.code, c.level]));
    if (competencies.size) {
      await m.insert(
        CourseCompetency,
        [...competencies].map(([competencyCode, level]) => ({
          versionId,
          competencyCode,
          level,
          pillar: pillars.get(competencyCode)!.pillar as CourseCompetency['pillar'],
        })),
      );
    }
    if (dto.audience.everyone) return;
    const rows = [
      ...(dto.audience.regions ?? []).map((value) => ({ versionId, kind: 'region' as const, value })),
      ...(dto.audience.unitIds ?? []).map((value) => ({ versionId, kind: 'unit' as const, value })),
      ...(dto.audience.positionIds ?? []).map((value) => ({ versionId, kind: 'position' as const, value })),
    ];
    if (rows.length) await m.insert(CourseAudience, rows);
  }
}

/** A retired competency stays on a course that already had it, but cannot be newly chosen. */
function refuseRetired(dto: CourseDraftDto, known: Map<string, CompetencySummary>, kept: Set<string>): void {
  const fields = dto.competencies
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => known.get(c.code)?.active === false && !kept.has(c.code))
    .map(({ c, i }) => ({ field: `competencies.${i}.code`, rule: 'active', message: `${c.code} is retired` }));
  if (fields.length > 0) throw new DomainException(CatalogError.UNKNOWN_COMPETENCY, 'Retired competencies', { fields });
}
