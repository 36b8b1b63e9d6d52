import type { Locale } from '../../../../libs/common';
import { ADMIN_EN, ADMIN_ID } from './admin.messages';
import { AUTHORING_EN, AUTHORING_ID } from './authoring.messages';
import { CERTIFICATES_EN, CERTIFICATES_ID } from './certificates.messages';
import { EVALUATION_EN, EVALUATION_ID } from './evaluation.messages';
import { LEARNER_EN, LEARNER_ID } from './learner.messages';
import { PLANS_EN, PLANS_ID } from './plans.messages';
import { MENTORING_EN, MENTORING_ID } from './mentoring.messages';
import { MONITORING_DASHBOARD_EN, MONITORING_DASHBOARD_ID } from './monitoring-dashboard.messages';
import { MONITORING_PEOPLE_EN, MONITORING_PEOPLE_ID } from './monitoring-people.messages';
import { NEEDS_EN, NEEDS_ID } from './needs.messages';
import { NEEDS_SIGNALS_EN, NEEDS_SIGNALS_ID } from './needs-signals.messages';
import { PUBLIC_FEEDBACK_EN, PUBLIC_FEEDBACK_ID } from './public-feedback.messages';
import { QUIZ_EN, QUIZ_ID } from './quiz.messages';

/**
 * Page text, Bahasa Indonesia first. Keys are shared; a missing English key falls back to
 * Indonesian. Each area of pages keeps its own file; this one holds the shell.
 */
const shell = {
  'app.name': 'Bina',
  'app.tagline': 'Pengembangan kompetensi ASN',
  'nav.skip': 'Lewati ke konten utama',
  'nav.home': 'Beranda',
  'nav.signOut': 'Keluar',
  'nav.language': 'English',
  'nav.sections': 'Menu utama',
  'nav.catalogue': 'Katalog',
  'nav.ledger': 'JP saya',
  'nav.external': 'Kegiatan luar',
  'nav.teaching': 'Kursus yang saya ampu',
  'nav.assignments': 'Penugasan',
  'nav.verification': 'Verifikasi',
  'nav.requests': 'Permintaan',
  'common.save': 'Simpan',
  'common.search': 'Cari',
  'common.previous': 'Sebelumnya',
  'common.next': 'Berikutnya',
  'common.page': 'Halaman {page} dari {pages}',
  'common.formError': 'Periksa isian berikut:',
  'common.saved': 'Tersimpan.',
  'common.none': 'Belum ada data.',
  'signIn.title': 'Masuk ke Bina',
  'signIn.intro': 'Gunakan NIP atau alamat e-mail dinas Anda.',
  'signIn.username': 'NIP atau e-mail',
  'signIn.password': 'Kata sandi',
  'signIn.submit': 'Masuk',
  'signIn.invalid': 'NIP/e-mail atau kata sandi salah.',
  'signIn.incomplete': 'Isi NIP/e-mail dan kata sandi.',
  'signIn.tooMany': 'Terlalu banyak percobaan masuk. Coba lagi dalam {minutes} menit.',
  'signIn.signedOut': 'Anda telah keluar.',
  'errors.title': 'Terjadi kesalahan',
  'errors.generic': 'Maaf, halaman ini tidak dapat ditampilkan. Kode permintaan: {requestId}',
  'errors.notFound': 'Halaman tidak ditemukan.',
  'errors.back': 'Kembali ke halaman sebelumnya',
  'errors.csrf':
    'Formulir ini sudah kedaluwarsa, misalnya karena halaman lama dibuka lagi. Kembali, muat ulang halaman formulir, lalu kirim lagi.',
  'home.greeting': 'Selamat datang, {name}',
  'home.role': 'Peran',
  'home.nip': 'NIP',
  'home.grade': 'Golongan',
  'home.unit': 'Unit kerja',
  'home.jp.title': 'Jam pelajaran (JP) tahun ini',
  'home.courses.empty': 'Belum ada kursus.',
  'home.team.title': 'Tim saya',
  'home.team.count': '{count} pegawai melapor kepada Anda.',
  'home.instructor.title': 'Kursus yang saya ampu',
  'home.admin.title': 'Wilayah kerja',
  'home.admin.region': 'Anda mengelola ASN di wilayah {region} dan sub-wilayahnya.',
  'home.admin.import': 'Impor data ASN (CSV/XLSX) melalui API: POST /api/identity/imports',
  'home.national.title': 'Ringkasan nasional',
  'home.national.body': 'Anda mengelola kamus kompetensi dan pengaturan regulasi untuk semua wilayah.',
  'home.api': 'Dokumentasi API',
  'role.learner': 'Pembelajar (ASN)',
  'role.supervisor': 'Atasan langsung',
  'role.instructor': 'Widyaiswara / instruktur',
  'role.unit_admin': 'Admin unit pengembangan kompetensi',
  'role.national_admin': 'Admin nasional',
} as const;

const id = {
  ...shell,
  ...LEARNER_ID,
  ...AUTHORING_ID,
  ...ADMIN_ID,
  ...QUIZ_ID,
  ...CERTIFICATES_ID,
  ...PLANS_ID,
  ...MENTORING_ID,
  ...EVALUATION_ID,
  ...PUBLIC_FEEDBACK_ID,
  ...NEEDS_ID,
  ...NEEDS_SIGNALS_ID,
  ...MONITORING_DASHBOARD_ID,
  ...MONITORING_PEOPLE_ID,
};

export type MessageKey = keyof typeof id;

const shellEn: Partial<Record<keyof typeof shell, string>> = {
  'app.tagline': 'Competency development for civil servants',
  'nav.skip': 'Skip to main content',
  'nav.home': 'Home',
  'nav.signOut': 'Sign out',
  'nav.language': 'Bahasa Indonesia',
  'nav.sections': 'Main menu',
  'nav.catalogue': 'Catalogue',
  'nav.ledger': 'My JP',
  'nav.external': 'External learning',
  'nav.teaching': 'Courses I teach',
  'nav.assignments': 'Assignments',
  'nav.verification': 'Verification',
  'nav.requests': 'Requests',
  'common.save': 'Save',
  'common.search': 'Search',
  'common.previous': 'Previous',
  'common.next': 'Next',
  'common.page': 'Page {page} of {pages}',
  'common.formError': 'Please check the following:',
  'common.saved': 'Saved.',
  'common.none': 'Nothing yet.',
  'signIn.title': 'Sign in to Bina',
  'signIn.intro': 'Use your NIP or your official e-mail address.',
  'signIn.username': 'NIP or e-mail',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.invalid': 'NIP/e-mail or password is wrong.',
  'signIn.incomplete': 'Enter your NIP/e-mail and password.',
  'signIn.tooMany': 'Too many sign-in attempts. Try again in {minutes} minutes.',
  'signIn.signedOut': 'You have signed out.',
  'errors.title': 'Something went wrong',
  'errors.generic': 'Sorry, this page cannot be shown. Request id: {requestId}',
  'errors.notFound': 'Page not found.',
  'errors.back': 'Back to the previous page',
  'errors.csrf':
    'This form has expired, for example because an old page was opened again. Go back, reload the form page, then send it again.',
  'home.greeting': 'Welcome, {name}',
  'home.role': 'Role',
  'home.grade': 'Grade',
  'home.unit': 'Unit',
  'home.jp.title': 'Learning hours (JP) this year',
  'home.courses.empty': 'No courses yet.',
  'home.team.title': 'My team',
  'home.team.count': '{count} people report to you.',
  'home.instructor.title': 'Courses I teach',
  'home.admin.title': 'Region',
  'home.admin.region': 'You manage the civil servants of {region} and the regions within it.',
  'home.admin.import': 'Import civil servants (CSV/XLSX) through the API: POST /api/identity/imports',
  'home.national.title': 'National overview',
  'home.national.body': 'You keep the competency dictionary and the regulation settings for every region.',
  'home.api': 'API documentation',
  'role.learner': 'Learner (civil servant)',
  'role.supervisor': 'Direct supervisor',
  'role.instructor': 'Instructor',
  'role.unit_admin': 'Training unit admin',
  'role.national_admin': 'National admin',
};

const en: Partial<Record<MessageKey, string>> = {
  ...shellEn,
  ...LEARNER_EN,
  ...AUTHORING_EN,
  ...ADMIN_EN,
  ...QUIZ_EN,
  ...CERTIFICATES_EN,
  ...PLANS_EN,
  ...MENTORING_EN,
  ...EVALUATION_EN,
  ...PUBLIC_FEEDBACK_EN,
  ...NEEDS_EN,
  ...NEEDS_SIGNALS_EN,
  ...MONITORING_DASHBOARD_EN,
  ...MONITORING_PEOPLE_EN,
};

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params = {}) => {
    const text = (locale === 'en' ? en[key] : undefined) ?? id[key];
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}
