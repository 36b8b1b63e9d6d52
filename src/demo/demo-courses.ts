import { AuthUser } from '../../libs/auth';
import { CourseContentService } from '../modules/catalog/course-content.service';
import { CoursesService } from '../modules/catalog/courses.service';
import { CourseDraftDto } from '../modules/catalog/dto/course.dto';
import { LessonDto } from '../modules/catalog/dto/lesson.dto';
import { PublishingService } from '../modules/catalog/publishing.service';
import { QuestionBankService } from '../modules/assessment/bank/question-bank.service';
import { QuizDto } from '../modules/assessment/dto/quiz.dto';
import { QuizzesService } from '../modules/assessment/quizzes/quizzes.service';

interface DemoCourse {
  draft: Omit<CourseDraftDto, 'inOrder'> & { inOrder?: boolean };
  /** A final quiz (its bank in GIFT), presented by the course's quiz lesson. */
  quiz?: { title: string; gift: string; timeLimitMinutes: number; passPercent: number };
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
          { title: 'Kuis akhir', kind: 'quiz' },
        ],
      },
    ],
    quiz: {
      title: 'Kuis Akhir Pelayanan Publik Prima',
      timeLimitMinutes: 15,
      passPercent: 70,
      gift: [
        '// competency: M.05',
        'Undang-undang yang mengatur pelayanan publik adalah {=UU 25/2009 ~UU 5/2014 ~UU 20/2023}',
        '',
        '// competency: M.05',
        'Maklumat pelayanan adalah janji penyelenggara kepada masyarakat. {T}',
        '',
        '// competency: M.05',
        'Kanal pengaduan pelayanan publik nasional bernama {=SP4N-LAPOR! =LAPOR =SP4N LAPOR}',
        '',
        '// competency: M.05',
        'Pilih komponen standar pelayanan. {~%33.33333%Persyaratan ~%33.33333%Prosedur ~%33.33333%Biaya/tarif ~%-100%Nama kepala dinas}',
      ].join('\n'),
    },
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
  services: {
    courses: CoursesService;
    content: CourseContentService;
    publishing: PublishingService;
    bank: QuestionBankService;
    quizzes: QuizzesService;
  },
): Promise<number> {
  for (const demo of DEMO_COURSES) {
    const draft = Object.assign(new CourseDraftDto(), { inOrder: false, deadline: null, ...demo.draft });
    const course = await services.courses.create(instructor, draft);
    let quizLessonId: string | null = null;
    for (const module of demo.modules) {
      const section = await services.content.addSection(instructor, course.courseId, module.title);
      for (const lesson of module.lessons) {
        const added = await services.content.addLesson(
          instructor,
          course.courseId,
          section.id,
          Object.assign(new LessonDto(), { required: true, ...lesson }),
        );
        if (added.kind === 'quiz') quizLessonId = added.id;
      }
    }
    if (demo.quiz && quizLessonId) {
      await services.bank.importGift(instructor, course.courseId, demo.quiz.gift);
      const questions = await services.bank.list(instructor, course.courseId, { page: 1, pageSize: 100 });
      const quiz = await services.quizzes.create(
        instructor,
        course.courseId,
        Object.assign(new QuizDto(), {
          title: demo.quiz.title,
          slots: questions.items.map((q) => ({ questionId: q.id })),
          timeLimitMinutes: demo.quiz.timeLimitMinutes,
          passPercent: demo.quiz.passPercent,
          showAnswers: 'after_grading',
          role: 'post',
        }),
      );
      await services.quizzes.attach(instructor, course.courseId, quiz.id, quizLessonId);
    }
    await services.publishing.publish(instructor, course.courseId);
  }
  return DEMO_COURSES.length;
}
