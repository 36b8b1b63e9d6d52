import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { newId } from '../../../libs/common';
import {
  Course,
  CourseAudience,
  CourseCompetency,
  CourseSection,
  CourseVersion,
  Lesson,
} from '../../../src/modules/catalog/entities';
import { User } from '../../../src/modules/identity/entities';
import { Enrolment } from '../../../src/modules/learning/entities';

/** Deterministic pseudo-random numbers, so two runs seed the same catalogue. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = [
  'Pelayanan',
  'Kepemimpinan',
  'Etika',
  'Keuangan',
  'Digital',
  'Perencanaan',
  'Arsip',
  'Pengadaan',
  'Publik',
  'Integritas',
  'Inovasi',
  'Kinerja',
  'Anggaran',
  'Data',
  'Kebijakan',
  'Komunikasi',
  'Kolaborasi',
  'Pengawasan',
  'Kearsipan',
  'Aset',
  'Perizinan',
  'Kesehatan',
  'Pendidikan',
  'Kependudukan',
  'Lingkungan',
  'Bencana',
];
const COMPETENCIES: Array<[string, 'manajerial' | 'sosial_kultural']> = [
  ['M.01', 'manajerial'],
  ['M.02', 'manajerial'],
  ['M.03', 'manajerial'],
  ['M.04', 'manajerial'],
  ['M.05', 'manajerial'],
  ['M.06', 'manajerial'],
  ['M.07', 'manajerial'],
  ['M.08', 'manajerial'],
  ['S.01', 'sosial_kultural'],
];
export const BENCH_REGIONS = ['36.74', '12.71', '12.71.08', '75.71', '36', '12', '75'];

export interface SeededCatalogue {
  courseIds: string[];
  versionIds: string[];
  lessonsByVersion: Map<string, string[]>;
}

async function insertChunks<T extends ObjectLiteral>(m: EntityManager, entity: new () => T, rows: T[], size = 500) {
  for (let i = 0; i < rows.length; i += size) {
    await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + size))
      .updateEntity(false)
      .execute();
  }
}

/** Published courses with modules, lessons, competencies and audiences, written in bulk. */
export async function seedCourses(db: DataSource, count: number, createdBy: string): Promise<SeededCatalogue> {
  const random = rng(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const now = new Date();
  const courses: Course[] = [];
  const versions: CourseVersion[] = [];
  const sections: CourseSection[] = [];
  const lessons: Lesson[] = [];
  const competencies: CourseCompetency[] = [];
  const audiences: CourseAudience[] = [];
  const lessonsByVersion = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const courseId = newId();
    const versionId = newId();
    const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${i + 1}`;
    const everyone = random() < 0.7;
    const mode = random() < 0.8 ? 'self' : random() < 0.5 ? 'approval' : 'assigned';
    const publishedAt = new Date(now.getTime() - i * 60_000);
    courses.push({
      id: courseId,
      status: 'published',
      ownerUnitId: null,
      createdBy,
      publishedVersionId: versionId,
      draftVersionId: null,
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    });
    versions.push({
      id: versionId,
      courseId,
      number: 1,
      status: 'published',
      title,
      summary: `Kursus ${title.toLowerCase()} untuk ASN: konsep, praktik, dan studi kasus di unit kerja.`,
      coverKey: null,
      coverMime: null,
      jpTenths: 10 + Math.floor(random() * 390),
      enrolmentMode: mode,
      audienceEveryone: everyone,
      inOrder: random() < 0.3,
      deadline: null,
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    });
    if (!everyone) audiences.push({ versionId, kind: 'region', value: pick(BENCH_REGIONS) });
    const sectionId = newId();
    sections.push({ id: sectionId, versionId, sectionKey: newId(), position: 1, title: 'Modul 1' });
    const ids: string[] = [];
    const lessonCount = 3 + Math.floor(random() * 4);
    for (let p = 1; p <= lessonCount; p++) {
      const id = newId();
      ids.push(id);
      lessons.push({
        id,
        versionId,
        sectionId,
        lessonKey: newId(),
        position: p,
        title: `Pelajaran ${p}`,
        kind: 'text',
        required: true,
        bodyHtml: `<p>Isi pelajaran ${p} tentang ${title}.</p>`,
        mediaKey: null,
        mediaMime: null,
        mediaName: null,
        mediaSize: null,
        externalUrl: null,
        durationMinutes: 15,
        quizId: null,
      });
    }
    lessonsByVersion.set(versionId, ids);
    const codes = new Set<number>();
    const wanted = 1 + Math.floor(random() * 3);
    while (codes.size < wanted) codes.add(Math.floor(random() * COMPETENCIES.length));
    for (const c of codes) {
      const [code, pillar] = COMPETENCIES[c];
      competencies.push({ versionId, competencyCode: code, pillar, level: 1 + Math.floor(random() * 4) });
    }
  }
  await db.transaction(async (m) => {
    await insertChunks(m, Course, courses);
    await insertChunks(m, CourseVersion, versions);
    await insertChunks(m, CourseSection, sections);
    await insertChunks(m, Lesson, lessons, 200);
    await insertChunks(m, CourseCompetency, competencies);
    await insertChunks(m, CourseAudience, audiences);
  });
  return { courseIds: courses.map((c) => c.id), versionIds: versions.map((v) => v.id), lessonsByVersion };
}

/**
 * Learners with distinct NIPs spread over the demo regions (no password: they never sign in).
 * Scenarios that seed learners in the same run pass their own NIP prefix (the NIP is unique).
 */
export async function seedLearners(db: DataSource, count: number, nipPrefix = '90'): Promise<string[]> {
  const now = new Date();
  const ids: string[] = [];
  const rows: User[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    ids.push(id);
    rows.push({
      id,
      nip: `${nipPrefix}${String(i).padStart(18 - nipPrefix.length, '0')}`,
      name: `Pegawai Bench ${i}`,
      email: null,
      phone: null,
      passwordHash: null,
      role: 'learner',
      employeeType: 'PNS',
      golongan: 'III/a',
      positionId: null,
      unitId: null,
      regionCode: BENCH_REGIONS[i % BENCH_REGIONS.length],
      scopeRegionCode: null,
      supervisorId: null,
      locale: 'id',
      active: true,
      sessionsValidFrom: null,
      signedOutTokens: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  await db.transaction((m) => insertChunks(m, User, rows, 1000));
  return ids;
}

/** One enrolment each for the given learners, spread over the courses. */
export async function seedEnrolments(db: DataSource, learnerIds: string[], catalogue: SeededCatalogue): Promise<void> {
  const now = new Date();
  const rows: Enrolment[] = learnerIds.map((userId, i) => {
    const k = i % catalogue.courseIds.length;
    return {
      id: newId(),
      userId,
      courseId: catalogue.courseIds[k],
      versionId: catalogue.versionIds[k],
      regionCode: null,
      unitId: null,
      status: 'active',
      source: 'self',
      assignmentId: null,
      deadline: null,
      lastLessonId: null,
      enrolledAt: now,
      completedAt: null,
      updatedAt: now,
    };
  });
  await db.transaction((m) => insertChunks(m, Enrolment, rows, 1000));
}
