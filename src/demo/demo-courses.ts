import { AuthUser } from '../../libs/auth';
import { CourseContentService } from '../modules/catalog/course-content.service';
import { CoursesService } from '../modules/catalog/courses.service';
import { CourseDraftDto } from '../modules/catalog/dto/course.dto';
import { LessonDto } from '../modules/catalog/dto/lesson.dto';
import { PublishingService } from '../modules/catalog/publishing.service';

interface DemoCourse {
  draft: Omit<CourseDraftDto, 'inOrder'> & { inOrder?: boolean };
  modules: Array<{
    title: string;
    lessons: Array<Pick<LessonDto, 'title' | 'bodyHtml' | 'kind'> & { externalUrl?: string }>;
  }>;
}

/** A few published courses so that a newcomer's catalogue is not empty. */
export const DEMO_COURSES: DemoCourse[] = [
  {
    draft: {
      title: 'Pelayanan Publik Prima',
      summary: 'Standar pelayanan, maklumat pelayanan, dan pengelolaan pengaduan masyarakat sesuai UU 25/2009.',
      jp: 4,
      competencies: [{ code: 'M.05', level: 2 }],
      audience: { everyone: true, regions: [], unitIds: [], positionIds: [] },
      enrolmentMode: 'self',
      inOrder: true,
    },
    modules: [
      {
        title: 'Modul 1: Standar pelayanan',
        lessons: [
          {
            title: 'Komponen standar pelayanan',
            kind: 'text',
            bodyHtml: '<p>Standar pelayanan memuat persyaratan, prosedur, waktu, biaya, produk, dan pengaduan.</p>',
          },
          {
            title: 'Maklumat pelayanan',
            kind: 'text',
            bodyHtml: '<p>Maklumat adalah janji penyelenggara kepada masyarakat untuk memenuhi standar pelayanan.</p>',
          },
        ],
      },
      {
        title: 'Modul 2: Pengaduan',
        lessons: [
          {
            title: 'Mengelola pengaduan melalui SP4N-LAPOR!',
            kind: 'text',
            bodyHtml: '<p>Setiap pengaduan dicatat, ditindaklanjuti, dan dijawab dalam batas waktu.</p>',
          },
        ],
      },
    ],
  },
  {
    draft: {
      title: 'Perekat Bangsa: Wawasan Kebangsaan ASN',
      summary: 'Nilai dasar ASN BerAKHLAK dan peran ASN sebagai perekat dan pemersatu bangsa.',
      jp: 2,
      competencies: [{ code: 'S.01', level: 2 }],
      audience: { everyone: true, regions: [], unitIds: [], positionIds: [] },
      enrolmentMode: 'self',
    },
    modules: [
      {
        title: 'Modul 1: BerAKHLAK',
        lessons: [
          {
            title: 'Nilai dasar ASN',
            kind: 'text',
            bodyHtml: '<p>Berorientasi pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif.</p>',
          },
          { title: 'Bacaan lanjutan', kind: 'link', bodyHtml: undefined, externalUrl: 'https://www.menpan.go.id' },
        ],
      },
    ],
  },
  {
    draft: {
      title: 'Kepemimpinan Pelayanan Kota Medan',
      summary: 'Untuk pejabat pengawas di lingkungan Pemerintah Kota Medan; pendaftaran perlu persetujuan BKPSDM.',
      jp: 6,
      competencies: [{ code: 'M.07', level: 3 }],
      audience: { everyone: false, regions: ['12.71'], unitIds: [], positionIds: [] },
      enrolmentMode: 'approval',
    },
    modules: [
      {
        title: 'Modul 1: Memimpin tim layanan',
        lessons: [
          {
            title: 'Menggerakkan tim',
            kind: 'text',
            bodyHtml: '<p>Pemimpin pelayanan memberi arah, contoh, dan umpan balik.</p>',
          },
        ],
      },
    ],
  },
];

/** Builds and publishes the demo courses as the demo instructor, through the catalogue's services. */
export async function seedDemoCourses(
  instructor: AuthUser,
  services: { courses: CoursesService; content: CourseContentService; publishing: PublishingService },
): Promise<number> {
  for (const demo of DEMO_COURSES) {
    const draft = Object.assign(new CourseDraftDto(), { inOrder: false, deadline: null, ...demo.draft });
    const course = await services.courses.create(instructor, draft);
    for (const module of demo.modules) {
      const section = await services.content.addSection(instructor, course.courseId, module.title);
      for (const lesson of module.lessons) {
        await services.content.addLesson(
          instructor,
          course.courseId,
          section.id,
          Object.assign(new LessonDto(), { required: true, ...lesson }),
        );
      }
    }
    await services.publishing.publish(instructor, course.courseId);
  }
  return DEMO_COURSES.length;
}
