import { EntityManager, In } from 'typeorm';
import {
  Course,
  CourseAudience,
  CourseCompetency,
  CourseInstructor,
  CourseSection,
  CourseVersion,
  EnrolmentMode,
  Lesson,
  LessonKind,
} from './entities';
import { fromTenths } from './domain/jp';

export interface LessonView {
  id: string;
  lessonKey: string;
  title: string;
  kind: LessonKind;
  required: boolean;
  position: number;
  bodyHtml: string | null;
  externalUrl: string | null;
  durationMinutes: number | null;
  media: { name: string; mime: string; size: number | null } | null;
  quizId: string | null;
}

export interface SectionView {
  id: string;
  title: string;
  position: number;
  lessons: LessonView[];
}

/** A course version with everything in it, as instructors and learners see it. */
export interface CourseOutline {
  courseId: string;
  courseStatus: Course['status'];
  versionId: string;
  versionNumber: number;
  versionStatus: CourseVersion['status'];
  ownerUnitId: string | null;
  title: string;
  summary: string;
  hasCover: boolean;
  jp: number;
  jpTenths: number;
  enrolmentMode: EnrolmentMode;
  inOrder: boolean;
  deadline: string | null;
  audience: { everyone: boolean; regions: string[]; unitIds: string[]; positionIds: string[] };
  competencies: Array<{ code: string; pillar: string; level: number }>;
  modules: SectionView[];
}

export function lessonView(l: Lesson): LessonView {
  return {
    id: l.id,
    lessonKey: l.lessonKey,
    title: l.title,
    kind: l.kind,
    required: l.required,
    position: l.position,
    bodyHtml: l.bodyHtml,
    externalUrl: l.externalUrl,
    durationMinutes: l.durationMinutes,
    media: l.mediaKey ? { name: l.mediaName ?? 'berkas', mime: l.mediaMime ?? '', size: l.mediaSize } : null,
    quizId: l.quizId,
  };
}

/** Loads a version's outline in five indexed queries. */
export async function loadOutline(m: EntityManager, course: Course, versionId: string): Promise<CourseOutline> {
  const version = await m.findOneByOrFail(CourseVersion, { id: versionId });
  const [sections, lessons, competencies, audience] = await Promise.all([
    m.find(CourseSection, { where: { versionId }, order: { position: 'ASC' } }),
    m.find(Lesson, { where: { versionId }, order: { position: 'ASC' } }),
    m.find(CourseCompetency, { where: { versionId }, order: { competencyCode: 'ASC' } }),
    m.find(CourseAudience, { where: { versionId } }),
  ]);
  const byKind = (kind: CourseAudience['kind']) => audience.filter((a) => a.kind === kind).map((a) => a.value);
  return {
    courseId: course.id,
    courseStatus: course.status,
    versionId,
    versionNumber: version.number,
    versionStatus: version.status,
    ownerUnitId: course.ownerUnitId,
    title: version.title,
    summary: version.summary,
    hasCover: version.coverKey !== null,
    jp: fromTenths(version.jpTenths),
    jpTenths: version.jpTenths,
    enrolmentMode: version.enrolmentMode,
    inOrder: version.inOrder,
    deadline: version.deadline ? version.deadline.toISOString() : null,
    audience: {
      everyone: version.audienceEveryone,
      regions: byKind('region').sort(),
      unitIds: byKind('unit').sort(),
      positionIds: byKind('position').sort(),
    },
    competencies: competencies.map((c) => ({ code: c.competencyCode, pillar: c.pillar, level: c.level })),
    modules: sections.map((s) => ({
      id: s.id,
      title: s.title,
      position: s.position,
      lessons: lessons.filter((l) => l.sectionId === s.id).map(lessonView),
    })),
  };
}

export async function instructorsOf(m: EntityManager, courseIds: string[]): Promise<CourseInstructor[]> {
  if (courseIds.length === 0) return [];
  return m.find(CourseInstructor, { where: { courseId: In(courseIds) }, order: { addedAt: 'ASC' } });
}
