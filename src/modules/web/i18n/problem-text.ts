import type { FieldProblem, Locale } from '../../../../libs/common';

/**
 * A form problem as a line a person reads. Services name problems in English (the API's
 * one error shape: field, rule, message); pages in Bahasa Indonesia say the same by the
 * rule, with the field's label. A rule without Indonesian wording keeps the service's
 * message, so nothing is ever hidden. English pages show the service's message as it is.
 */
export function problemText(locale: Locale, problem: FieldProblem): string {
  // No field: the problem is the whole form's (the error's own message).
  if (!problem.field) {
    if (locale === 'en' || !Object.hasOwn(FORM_MESSAGES_ID, problem.message)) return problem.message;
    return FORM_MESSAGES_ID[problem.message];
  }
  if (locale === 'en') return `${problem.field}: ${problem.message}`;
  const label = fieldLabel(problem.field);
  // A field without a label is one the generic wording would not explain: its own message stays.
  if (label === null) return `${problem.field}: ${problem.message}`;
  const ruleName = problem.rule;
  const particular = Object.hasOwn(PARTICULAR_RULES_ID, ruleName)
    ? PARTICULAR_RULES_ID[ruleName](label, problem.message)
    : null;
  if (particular) return particular;
  const rule = RULES_ID[ruleName];
  return rule ? rule.replace('{field}', label) : `${label}: ${problem.message}`;
}

/** "endDate" → "Tanggal selesai"; a path such as "items.2.value" or "line 4: nip" by its last name. */
function fieldLabel(field: string): string | null {
  // A quiz answer by the question's number on the page (slots count from 0, the page from 1).
  const answer = /^responses\.(\d+)$/.exec(field);
  if (answer) return `Soal ${Number(answer[1]) + 1}`;
  // A quiz's slots: the quiz form draws its questions in one slot, or takes each one in its own.
  const slot = /^slots\.\d+(?:\.(count|questionId))?$/.exec(field);
  if (slot) return slot[1] === 'count' ? 'Jumlah soal acak' : slot[1] === 'questionId' ? 'Soal' : 'Soal kuis';
  const line = /^line (\d+)(?:: (.+))?$/.exec(field);
  if (line) return line[2] ? `Baris ${line[1]}, ${fieldLabel(line[2]) ?? line[2]}` : `Baris ${line[1]}`;
  const last = field.split('.').pop() ?? field;
  return FIELDS_ID[last] ?? FIELDS_ID[field] ?? null;
}

const FIELDS_ID: Record<string, string> = {
  title: 'Judul',
  name: 'Nama',
  email: 'E-mail',
  phone: 'Nomor telepon',
  nip: 'NIP',
  provider: 'Penyelenggara',
  organizer: 'Penyelenggara',
  organiser: 'Penyelenggara',
  formCode: 'Bentuk pengembangan',
  startDate: 'Tanggal mulai',
  endDate: 'Tanggal selesai',
  date: 'Tanggal',
  days: 'Jumlah hari',
  hours: 'Jumlah jam',
  jp: 'JP',
  competencyCode: 'Kompetensi',
  programmeJp: 'JP program',
  targetLevel: 'Level target',
  priority: 'Prioritas',
  level: 'Level',
  evidence: 'Bukti',
  file: 'Berkas',
  note: 'Catatan',
  comment: 'Komentar',
  reason: 'Alasan',
  responses: 'Jawaban',
  answer: 'Jawaban',
  answers: 'Jawaban',
  value: 'Jawaban',
  quietHours: 'Jam tenang',
  start: 'Jam mulai',
  end: 'Jam selesai',
  channel: 'Saluran',
  category: 'Kategori',
  points: 'Nilai',
  deadline: 'Batas waktu',
  courseId: 'Kursus',
  unitId: 'Unit kerja',
  positionId: 'Jabatan',
  golongan: 'Golongan',
  employeeType: 'Jenis pegawai',
  year: 'Tahun',
  period: 'Periode',
  tahun: 'Tahun',
  predikat: 'Predikat',
  assessedOn: 'Tanggal penilaian',
  source: 'Sumber',
  password: 'Kata sandi',
  newPassword: 'Kata sandi baru',
  currentPassword: 'Kata sandi sekarang',
  drawCount: 'Jumlah soal acak',
  slots: 'Soal kuis',
  timeLimitMinutes: 'Batas waktu (menit)',
  attemptsAllowed: 'Jumlah percobaan',
  passPercent: 'Nilai lulus (%)',
  lessonId: 'Pelajaran kuis',
};

/**
 * Wording per rule, only where it holds wherever the rule is used. Rules whose message
 * carries the particulars (a file's expected kind or size limit) are left out: their
 * message stays, after the field's label.
 */
const RULES_ID: Record<string, string> = {
  required: '{field} wajib diisi.',
  isNotEmpty: '{field} wajib diisi.',
  isDefined: '{field} wajib diisi.',
  not_empty: '{field} wajib diisi.',
  empty: '{field} kosong.',
  maxLength: '{field} terlalu panjang.',
  minLength: '{field} terlalu pendek.',
  isString: '{field} harus berupa teks.',
  isInt: '{field} harus berupa bilangan bulat.',
  isNumber: '{field} harus berupa angka.',
  isPositive: '{field} harus lebih dari nol.',
  min: '{field} terlalu kecil.',
  max: '{field} melebihi batas.',
  range: '{field} di luar rentang yang diizinkan.',
  isIn: 'Pilihan {field} tidak dikenal.',
  isEnum: 'Pilihan {field} tidak dikenal.',
  isBoolean: '{field} harus ya atau tidak.',
  isISO8601: '{field} harus berupa tanggal (HH/BB/TTTT).',
  isDateString: '{field} harus berupa tanggal (HH/BB/TTTT).',
  isCalendarDate: '{field} harus berupa tanggal yang ada di kalender.',
  isDateTime: '{field} harus berupa tanggal dan jam.',
  isEmail: '{field} bukan alamat e-mail yang sah.',
  isUuid: '{field} tidak dikenal.',
  matches: 'Format {field} tidak sesuai.',
  format: 'Format {field} tidak sesuai.',
  exists: '{field} tidak ditemukan.',
  not_found: '{field} tidak ditemukan.',
  known: '{field} tidak dikenal.',
  known_competency: '{field} tidak ada dalam kamus kompetensi.',
  active: '{field} sudah tidak berlaku dan tidak dapat dipilih lagi.',
  complete_order: '{field}: beri setiap butir nomor urut sendiri sebelum mengirim.',
  unique: '{field} sudah dipakai.',
  duplicate: '{field} muncul lebih dari sekali.',
  unknown_field: '{field} tidak dikenal dan tidak disimpan.',
  after_start: '{field} tidak boleh sebelum tanggal mulai.',
  not_future: '{field} tidak boleh di masa depan: catat kegiatan setelah selesai.',
  past_date: '{field} tidak boleh di masa lalu.',
  due_date: '{field} tidak boleh di masa lalu.',
  pair: '{field} harus diisi bersama kompetensinya.',
  within_dates: '{field} melebihi jumlah hari dari tanggal mulai sampai tanggal selesai.',
  grade: '{field} bukan golongan yang sah untuk jenis pegawai ini.',
  quiet_hours: '{field} tidak sah: isi jam mulai dan jam selesai (JJ:MM).',
  response_shape: '{field} tidak sesuai dengan bentuk soalnya.',
  slot: '{field} tidak ada dalam percobaan ini.',
  in_scope: '{field} di luar wilayah Anda.',
  not_self: '{field} tidak boleh diri Anda sendiri.',
  published: '{field} harus kursus yang sudah terbit.',
  in_bank: '{field} tidak ada di bank soal kursus ini.',
  quiz_lesson: '{field} tidak ada di kursus ini atau bukan pelajaran kuis; muat ulang halaman lalu pilih lagi.',
  archived: 'Kursus ini sudah diarsipkan: {field} tidak dapat diubah.',
};

/**
 * Rules whose wording depends on the particulars in the message (a size limit, the kinds a
 * given upload takes): Indonesian only where those particulars are known; otherwise null and
 * the service's message stays after the label.
 */
const PARTICULAR_RULES_ID: Record<string, (label: string, message: string) => string | null> = {
  max_size: (label, message) => {
    const mb = / larger than (\d+(?:\.\d+)?) MB$/.exec(message)?.[1];
    return mb ? `${label} tidak boleh lebih besar dari ${mb.replace('.', ',')} MB.` : null;
  },
  // "Known" is a reference list: the competency dictionary, or the forms of development in use.
  known: (label, message) =>
    /dictionary/.test(message)
      ? `${label} tidak ada dalam kamus kompetensi.`
      : `${label} tidak dikenal atau sudah tidak berlaku.`,
  file_type: (label, message) =>
    /must be a PDF or an image/.test(message) ? `${label} harus berupa PDF atau gambar (PNG, JPEG, WebP).` : null,
  // A grade's limit is the question's points; other maxima keep the generic wording.
  max: (label, message) => {
    const points = / at most (\d+(?:\.\d+)?) points$/.exec(message)?.[1];
    return points ? `${label} paling banyak ${points.replace('.', ',')} poin.` : null;
  },
  enough_questions: (label, message) => {
    const found = /the bank has (\d+) matching question\(s\).*the slot draws (\d+)$/.exec(message);
    return found
      ? `${label} melebihi soal yang tersedia: bank soal hanya memuat ${found[1]} soal yang cocok, sedangkan diminta ${found[2]}.`
      : null;
  },
  arrayMaxSize: (label, message) => {
    const most = /no more than (\d+) elements$/.exec(message)?.[1];
    return most ? `${label} paling banyak ${most}.` : null;
  },
};

/**
 * A whole-form problem (no field) by the service's message, for the errors a page form meets.
 * A message not listed stays as the service wrote it, so nothing is ever hidden; a spec
 * checks that every message listed is still one the code says.
 */
export const FORM_MESSAGES_ID: Record<string, string> = {
  'The attempt is closed; answers can no longer change':
    'Percobaan ini sudah ditutup; jawaban tidak dapat diubah lagi.',
  'The quiz has closed': 'Kuis ini sudah ditutup.',
  'Some answers do not fit their question': 'Beberapa jawaban tidak sesuai dengan soalnya.',
  'Your own attempt is marked by another instructor': 'Percobaan Anda sendiri dinilai oleh instruktur lain.',
  'The mark cannot be given': 'Nilai tidak dapat diberikan.',
  'The attempt changed meanwhile; reload it and mark again':
    'Percobaan ini berubah sementara itu; muat ulang lalu beri nilai lagi.',
  'A regrade of this quiz is already running': 'Penilaian ulang kuis ini sedang berjalan.',
  'The question is not complete': 'Soal belum lengkap.',
  'The quiz settings are not complete': 'Pengaturan kuis belum lengkap.',
  'An archived course cannot be edited': 'Kursus yang diarsipkan tidak dapat diubah.',
  'The course is archived': 'Kursus ini sudah diarsipkan.',
  'The course is not ready to publish': 'Kursus belum siap diterbitkan.',
  'Nothing to publish: the published version is current': 'Tidak ada yang diterbitkan: versi terbit sudah terbaru.',
  'Only a published course can be archived': 'Hanya kursus yang sudah terbit yang dapat diarsipkan.',
  'Retired competencies': 'Ada kompetensi yang sudah tidak berlaku.',
  'Unknown competencies': 'Ada kompetensi yang tidak dikenal.',
  'Your role may not do this': 'Peran Anda tidak diizinkan melakukan ini.',
  'The activity cannot be recorded': 'Kegiatan tidak dapat dicatat.',
  'Your own activity is verified by another administrator': 'Kegiatan Anda sendiri diverifikasi oleh admin lain.',
  'The activity was already reviewed': 'Kegiatan ini sudah diperiksa.',
  'Your own request is decided by another administrator': 'Permintaan Anda sendiri diputuskan oleh admin lain.',
  'The deadline has passed': 'Batas waktunya sudah lewat.',
  'The enrolment deadline of this course has passed': 'Batas waktu pendaftaran kursus ini sudah lewat.',
  'The course is not offered in your region': 'Kursus ini tidak ditawarkan di wilayah Anda.',
  'The region is outside yours': 'Wilayah itu di luar wilayah Anda.',
  'More than 8 hours of sessions on one day': 'Sesi dalam satu hari melebihi 8 jam.',
  'This pairing has already ended': 'Pasangan mentoring ini sudah berakhir.',
  'Sessions cannot be logged on an ended pairing':
    'Sesi tidak dapat dicatat pada pasangan mentoring yang sudah berakhir.',
  'No ASN with this NIP in your region': 'Tidak ada ASN dengan NIP ini di wilayah Anda.',
  'A mentor cannot mentor themselves': 'Mentor tidak dapat membimbing dirinya sendiri.',
  'This session has already been answered': 'Sesi ini sudah dijawab.',
  'This mentor already mentors one of these mentees in this competency':
    'Mentor ini sudah membimbing salah satu mentee tersebut pada kompetensi ini.',
  'An analysis of this region is still running': 'Analisis untuk wilayah ini masih berjalan.',
  'Choose a region': 'Pilih wilayah.',
  'No ASN with that id or NIP in your scope': 'Tidak ada ASN dengan id atau NIP itu di wilayah Anda.',
  'No such unit in your region': 'Unit kerja itu tidak ada di wilayah Anda.',
  'The unit is not in that region': 'Unit kerja itu tidak berada di wilayah tersebut.',
  'The answer is incomplete or wrong': 'Jawaban belum lengkap atau tidak sah.',
  'Quiet hours need a start and a different end': 'Jam tenang perlu jam mulai dan jam selesai yang berbeda.',
  'The plan was changed since you loaded it; reload it and try again':
    'Rencana ini sudah berubah sejak Anda membukanya; muat ulang lalu coba lagi.',
  'The plan already has this course': 'Rencana ini sudah memuat kursus tersebut.',
  'The file is neither UTF-8 CSV nor XLSX': 'Berkas bukan CSV UTF-8 maupun XLSX.',
  'The file is larger than allowed': 'Berkas melebihi ukuran yang diizinkan.',
  'Only a failed grading can be replayed':
    'Hanya penilaian yang gagal yang dapat diulang; percobaan ini tidak lagi gagal (mungkin sudah dinilai ulang).',
  'The attempt has not been graded yet': 'Percobaan ini belum selesai dinilai.',
  'This mark was just changed by someone else; reload the page':
    'Nilai ini baru saja diubah oleh rekan Anda; muat ulang halaman.',
};
