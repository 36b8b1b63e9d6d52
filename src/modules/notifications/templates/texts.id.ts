import { NotificationCategory } from '../domain/categories';
import { TextTemplate } from './text-kit';

export const CATEGORY_NAMES_ID: Record<NotificationCategory, string> = {
  'course-assigned': 'Penugasan kursus',
  'deadline-approaching': 'Batas waktu kursus',
  'quiz-graded': 'Nilai kuis',
  'essay-awaiting-grading': 'Esai menunggu penilaian',
  'certificate-issued': 'Sertifikat terbit',
  'plan-awaiting-review': 'Rencana pengembangan menunggu tinjauan',
  'plan-approved': 'Rencana pengembangan disetujui',
  'plan-returned': 'Rencana pengembangan dikembalikan',
  'follow-up-survey-due': 'Survei tindak lanjut pelatihan',
  'course-evaluation-due': 'Evaluasi kursus',
  'needs-questionnaire': 'Kuesioner analisis kebutuhan',
  'mentoring-session-logged': 'Sesi mentoring',
  'monitoring-export-ready': 'Ekspor data pemantauan',
};

/** Bahasa Indonesia: the default for everyone. */
export const TEXTS_ID: Record<NotificationCategory, TextTemplate> = {
  'course-assigned': (p) => ({
    title: `Anda ditugaskan mengikuti kursus "${p.text('course', 'baru')}"`,
    lines: [
      `Unit pengembangan kompetensi menugaskan Anda mengikuti kursus "${p.text('course')}".`,
      p.has('deadline') ? `Selesaikan paling lambat ${p.date('deadline')}.` : 'Kursus ini tidak memiliki batas waktu.',
    ],
    action: 'Buka kursus',
  }),
  'deadline-approaching': (p) => ({
    title:
      p.num('days') === 1
        ? `Batas waktu kursus "${p.text('course')}" besok`
        : `Batas waktu kursus "${p.text('course')}" ${p.text('days', '7')} hari lagi`,
    lines: [
      `Kursus "${p.text('course')}" harus selesai paling lambat ${p.date('deadline')}.`,
      'Lanjutkan belajar agar kursus selesai tepat waktu dan JP Anda tercatat.',
    ],
    action: 'Lanjutkan belajar',
  }),
  'quiz-graded': (p) => ({
    title: `Nilai kuis "${p.text('quiz')}" sudah keluar`,
    // The score only when the quiz's review policy already shows it (the producer decides).
    lines: p.has('percent')
      ? [
          `Nilai Anda: ${p.text('percent')}%.${p.has('passed') ? (p.num('passed') ? ' Anda lulus.' : ' Anda belum lulus.') : ''}`,
        ]
      : ['Jawaban Anda sudah dinilai.'],
    action: 'Lihat hasil',
  }),
  'essay-awaiting-grading': (p) => ({
    title: `Esai menunggu penilaian: ${p.text('quiz')}`,
    lines: [
      `${p.text('learner', 'Seorang peserta')} mengumpulkan jawaban esai pada kuis "${p.text('quiz')}" (${p.text('course')}).`,
    ],
    action: 'Buka antrean penilaian',
  }),
  'certificate-issued': (p) => ({
    title: `Sertifikat kursus "${p.text('course')}" telah terbit`,
    lines: [
      `Selamat! Sertifikat Anda untuk kursus "${p.text('course')}" telah terbit${p.has('serial') ? ` dengan nomor ${p.text('serial')}` : ''}.`,
    ],
    action: 'Lihat sertifikat',
  }),
  'plan-awaiting-review': (p) => ({
    title: `Rencana pengembangan ${p.text('learner', 'pegawai')} menunggu tinjauan Anda`,
    lines: [`${p.text('learner', 'Pegawai Anda')} mengajukan rencana pengembangan kompetensi tahun ${p.text('year')}.`],
    action: 'Tinjau rencana',
  }),
  'plan-approved': (p) => ({
    title: `Rencana pengembangan tahun ${p.text('year')} disetujui`,
    lines: ['Rencana pengembangan kompetensi Anda telah disetujui. Kegiatan di dalamnya dapat mulai dilaksanakan.'],
    action: 'Lihat rencana',
  }),
  'plan-returned': (p) => ({
    title: `Rencana pengembangan tahun ${p.text('year')} dikembalikan untuk diperbaiki`,
    lines: [
      'Rencana pengembangan kompetensi Anda dikembalikan untuk diperbaiki.',
      p.has('reason') ? `Catatan peninjau: ${p.text('reason')}` : 'Lihat catatan peninjau pada rencana Anda.',
    ],
    action: 'Perbaiki rencana',
  }),
  'follow-up-survey-due': (p) => ({
    title: `Survei tindak lanjut pelatihan "${p.text('course')}"`,
    lines: [
      `Mohon isi survei tindak lanjut: apakah hasil pelatihan "${p.text('course')}"${p.has('learner') ? ` oleh ${p.text('learner')}` : ''} diterapkan di tempat kerja?`,
      ...(p.has('dueDate') ? [`Batas pengisian: ${p.date('dueDate')}.`] : []),
    ],
    action: 'Isi survei',
  }),
  'course-evaluation-due': (p) => ({
    title: `Bagaimana kursus "${p.text('course')}"?`,
    lines: [
      `Terima kasih telah menyelesaikan kursus "${p.text('course')}".`,
      'Mohon isi evaluasi singkat tentang materi, penyampaian dan manfaatnya (2 menit).',
    ],
    action: 'Isi evaluasi',
  }),
  'needs-questionnaire': (p) => ({
    title: `Kuesioner: ${p.text('title', 'analisis kebutuhan pengembangan kompetensi')}`,
    lines: [
      'Unit pengembangan kompetensi meminta Anda mengisi kuesioner untuk analisis kebutuhan pengembangan kompetensi.',
      ...(p.has('dueDate') ? [`Batas pengisian: ${p.date('dueDate')}.`] : []),
    ],
    action: 'Isi kuesioner',
  }),
  'mentoring-session-logged': (p) => ({
    title: `Sesi mentoring "${p.text('topic')}" menunggu konfirmasi Anda`,
    lines: [
      `${p.text('by', 'Pasangan mentoring Anda')} mencatat sesi mentoring pada ${p.date('date')} (${p.text('minutes')} menit).`,
      'Konfirmasi sesi ini agar JP-nya tercatat.',
    ],
    action: 'Lihat sesi',
  }),
  'monitoring-export-ready': (p) => ({
    title: `Ekspor "${p.text('table', 'data pemantauan')}" siap diunduh`,
    lines: [
      `File ${p.text('format', '')} berisi ${p.text('rows', '0')} baris sudah selesai dibuat.`,
      ...(p.has('expiresAt') ? [`File dapat diunduh sampai ${p.date('expiresAt')}.`] : []),
    ],
    action: 'Unduh file',
  }),
};
