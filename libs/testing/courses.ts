import { newId } from '../common/ids';
import { Enrolment } from '../../src/modules/learning/entities';
import { TestApp } from './test-app';

export interface CourseSpec {
  title?: string;
  jp?: number;
  competencies?: Array<{ code: string; level: number }>;
  audience?: { everyone: boolean; regions?: string[]; unitIds?: string[]; positionIds?: string[] };
  enrolmentMode?: 'self' | 'assigned' | 'approval';
  inOrder?: boolean;
  deadline?: string | null;
  /** Text lessons to add to one module; `false` marks an optional one. */
  lessons?: boolean[];
}

export interface GivenCourse {
  courseId: string;
  versionId: string;
  sectionId: string;
  lessonIds: string[];
}

let counter = 0;

export interface GivenDraft {
  courseId: string;
  sectionId: string;
}

/** The body of a setup call that must succeed; a failure says which step and why. */
export const okBody = (res: { status: number; body: unknown }, what: string) => {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
};

/** A draft course with one module ("Modul 1"), built through the authoring API. */
export async function givenDraftCourse(
  t: TestApp,
  instructorAuth: string,
  spec: Omit<CourseSpec, 'lessons'> = {},
): Promise<GivenDraft> {
  const n = ++counter;
  const course = okBody(
    await t
      .http()
      .post('/api/catalog/courses')
      .set('authorization', instructorAuth)
      .send({
        title: spec.title ?? `Kursus Uji ${n}`,
        summary: 'Ringkasan kursus uji.',
        jp: spec.jp ?? 2,
        competencies: spec.competencies ?? [{ code: 'M.05', level: 2 }],
        audience: spec.audience ?? { everyone: true },
        enrolmentMode: spec.enrolmentMode ?? 'self',
        inOrder: spec.inOrder ?? false,
        deadline: spec.deadline ?? null,
      }),
    'create course',
  );
  const courseId = course.courseId as string;
  const section = okBody(
    await t
      .http()
      .post(`/api/catalog/courses/${courseId}/modules`)
      .set('authorization', instructorAuth)
      .send({ title: 'Modul 1' }),
    'add module',
  );
  return { courseId, sectionId: section.id as string };
}

/** A published course built through the authoring API, as an instructor would. */
export async function givenPublishedCourse(
  t: TestApp,
  instructorAuth: string,
  spec: CourseSpec = {},
): Promise<GivenCourse> {
  const { courseId, sectionId } = await givenDraftCourse(t, instructorAuth, spec);
  const lessonIds: string[] = [];
  for (const [i, required] of (spec.lessons ?? [true, true]).entries()) {
    const lesson = okBody(
      await t
        .http()
        .post(`/api/catalog/courses/${courseId}/modules/${sectionId}/lessons`)
        .set('authorization', instructorAuth)
        .send({ title: `Pelajaran ${i + 1}`, kind: 'text', required, bodyHtml: `<p>Isi pelajaran ${i + 1}</p>` }),
      'add lesson',
    );
    lessonIds.push(lesson.id as string);
  }
  const published = okBody(
    await t.http().post(`/api/catalog/courses/${courseId}/publish`).set('authorization', instructorAuth),
    'publish',
  );
  return { courseId, versionId: published.versionId as string, sectionId, lessonIds };
}

/**
 * Learners enrolled straight in the database, for tests that drive services with many
 * learners (no account or sign-in needed): active enrolments on the given version.
 */
export async function givenDirectEnrolments(
  t: TestApp,
  course: { courseId: string; versionId: string },
  count: number,
): Promise<Enrolment[]> {
  const now = new Date();
  const rows: Enrolment[] = Array.from({ length: count }, () => ({
    id: newId(),
    userId: newId(),
    courseId: course.courseId,
    versionId: course.versionId,
    regionCode: null,
    unitId: null,
    status: 'active' as const,
    source: 'self' as const,
    assignmentId: null,
    deadline: null,
    lastLessonId: null,
    enrolledAt: now,
    completedAt: null,
    updatedAt: now,
  }));
  await t.dataSource.getRepository(Enrolment).insert(rows);
  return rows;
}
