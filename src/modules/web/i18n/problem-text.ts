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
  const gift = giftProblemText(problem);
  if (gift) return gift;
  const inUse = questionInUseText(problem);
  if (inUse) return inUse;
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
  lessonId: 'Pelajaran',
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
  course_lesson: '{field} yang dipilih tidak ada di kursus ini; muat ulang halaman lalu pilih lagi.',
  quiz_lesson: '{field} yang dipilih bukan pelajaran kuis; muat ulang halaman lalu pilih lagi.',
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
  'The quiz cannot be started yet: some of its questions were withdrawn and the instructor is fixing it':
    'Kuis ini belum dapat dimulai: beberapa soalnya ditarik dan pengajar sedang memperbaikinya. Silakan coba lagi nanti.',
  'Some answers do not fit their question': 'Beberapa jawaban tidak sesuai dengan soalnya.',
  'Your own attempt is marked by another instructor': 'Percobaan Anda sendiri dinilai oleh instruktur lain.',
  'The mark cannot be given': 'Nilai tidak dapat diberikan.',
  'The attempt changed meanwhile; reload it and mark again':
    'Percobaan ini berubah sementara itu; muat ulang lalu beri nilai lagi.',
  'A regrade of this quiz is already running': 'Penilaian ulang kuis ini sedang berjalan.',
  'The question is not complete': 'Soal belum lengkap.',
  'Quizzes still need this question to start; change them before withdrawing it':
    'Soal ini masih dipakai kuis; ubah kuisnya dulu sebelum menarik soal ini.',
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

/**
 * A question the bank would not withdraw, by the quiz that needs it (field `quiz "Title" slot 2`):
 * a fixed slot holds it, or a draw would find too few questions without it. Null for any other.
 */
function questionInUseText(problem: FieldProblem): string | null {
  const at = /^quiz "(.*)" slot (\d+)$/s.exec(problem.field);
  if (!at) return null;
  const quiz = `Kuis "${at[1]}"`;
  if (problem.rule === 'holds_question') return `${quiz}, soal nomor ${at[2]} memakai soal ini; ubah kuisnya dulu.`;
  const draw = /^the slot draws (\d+), the bank would have (\d+) matching/.exec(problem.message);
  if (problem.rule === 'enough_questions' && draw) {
    return `${quiz}, slot ${at[2]} meminta ${draw[1]} soal acak; tanpa soal ini bank soal hanya memuat ${draw[2]} soal yang cocok. Ubah kuisnya dulu.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// A GIFT import's problems: by the question's line and title, each in Indonesian.

/**
 * A problem of a question in a GIFT file (field "line N" or "line N: competencyCode"), or
 * null for any other field. The bank names each by line and by the question's title
 * (`"Title": message`); a parser's syntax message reads by GIFT_MESSAGES_ID, a question
 * rule's (`stem: stem must be…`, several joined by "; ") by QUESTION_RULES_ID. A message
 * neither table knows stays in English after the line, so nothing is ever hidden.
 */
function giftProblemText(problem: FieldProblem): string | null {
  const line = /^line (\d+)(?:: (.+))?$/.exec(problem.field);
  if (!line) return null;
  const sub = line[2];
  const giftRule = problem.rule === 'gift' && !sub;
  const questionRule = QUESTION_RULES_ID.some((r) => r.rule === problem.rule);
  if (!giftRule && !questionRule && problem.rule !== 'known_competency') return null;
  const at = (title: string | undefined) => `Baris ${line[1]}${title === undefined ? '' : `, soal "${title}"`}`;
  // Titled first: a title-less syntax message can itself start with a quoted part and a colon.
  const titled = /^"(.+?)": (.*)$/s.exec(problem.message);
  const readings: Array<[string | undefined, string]> = titled
    ? [
        [titled[1], titled[2]],
        [undefined, problem.message],
      ]
    : [[undefined, problem.message]];
  if (problem.rule === 'known_competency') {
    for (const [title, rest] of readings) {
      const code = /^competency (.+) is not in the dictionary$/s.exec(rest)?.[1];
      if (code) return `${at(title)}: kompetensi ${code} tidak ada dalam kamus kompetensi.`;
    }
    return null;
  }
  if (questionRule) {
    // One question rule, with its field: "line 3: points", rule "rubric_total".
    for (const [title, rest] of readings) {
      const text = questionRuleText(problem.rule, sub ?? '', rest);
      if (text) return `${at(title)}: ${text}`;
    }
    return null;
  }
  for (const [title, rest] of readings) {
    const syntax = giftMessageText(rest);
    if (syntax) return `${at(title)}: ${syntax}`;
  }
  // The question's own rules, "field: message" each, joined by "; ".
  const [title, rest] = readings[0];
  const parts = rest.split('; ').map((part) => {
    const found = /^([\w.]+): (.*)$/s.exec(part);
    const rule = found ? QUESTION_RULES_ID.find((r) => r.en.test(found[2])) : undefined;
    return found && rule ? questionRuleText(rule.rule, found[1], found[2]) : null;
  });
  if (parts.some((p) => p === null)) return `${at(undefined)}: ${problem.message}`;
  return `${at(title)}: ${parts.join(' ')}`;
}

/** A GIFT parser's message in Indonesian, or null when GIFT_MESSAGES_ID has no pattern for it. */
export function giftMessageText(message: string): string | null {
  for (const [pattern, text] of GIFT_MESSAGES_ID) {
    const found = pattern.exec(message);
    if (found) return text(found);
  }
  return null;
}

/** A question rule's message in Indonesian by its rule, with the field's label, or null. */
export function questionRuleText(rule: string, field: string, message: string): string | null {
  for (const entry of QUESTION_RULES_ID) {
    const found = entry.rule === rule ? entry.en.exec(message) : null;
    if (found) return entry.id(questionFieldLabel(field), found);
  }
  return null;
}

/** A question's field as a GIFT author knows it: "options.2.text" → "Teks pilihan 3". */
function questionFieldLabel(field: string): string {
  const [name, index, part] = field.split('.');
  const nth = index === undefined ? '' : ` ${Number(index) + 1}`;
  const labels: Record<string, string> = {
    stem: 'Teks soal',
    feedback: 'Umpan balik',
    points: 'Poin',
    options: part === 'feedback' ? 'Umpan balik pilihan' : part === 'text' ? 'Teks pilihan' : 'Pilihan',
    answers: 'Jawaban yang diterima',
    pairs: part === 'prompt' ? 'Pernyataan pasangan' : part === 'match' ? 'Jawaban pasangan' : 'Pasangan',
    items: 'Butir',
    rubric: part === 'points' ? 'Poin kriteria rubrik' : 'Kriteria rubrik',
    correct: 'Kunci jawaban',
    answer: 'Jawaban',
    tolerance: 'Toleransi',
  };
  return `${labels[name] ?? name}${nth}`;
}

/** "10,000" (English digit groups) or "2.5" (a decimal) as Indonesian writes them: "10.000", "2,5". */
const groups = (n: string) => n.replace(/,/g, '.');
const decimal = (n: string) => n.replace('.', ',');

/** The question types by the names the bank page gives them. */
const TYPE_NAMES_ID: Record<string, string> = {
  single: 'pilihan ganda',
  multiple: 'pilihan ganda kompleks',
  true_false: 'benar/salah',
  short: 'isian singkat',
  numeric: 'isian angka',
  matching: 'menjodohkan',
  ordering: 'mengurutkan',
  essay: 'esai',
};

/**
 * The rules of a question (domain/questions.ts, question-limits.ts) in Indonesian, each by its
 * rule and the English message it words (whose numbers it keeps). A spec checks that every
 * message questionProblems gives a GIFT question has a wording here.
 */
export const QUESTION_RULES_ID: Array<{ rule: string; en: RegExp; id: (label: string, m: string[]) => string }> = [
  {
    rule: 'maxLength',
    en: /^\S+ must be at most ([\d,]+) characters \(it has ([\d,]+)\)$/,
    id: (label, m) => `${label} paling banyak ${groups(m[1])} karakter (saat ini ${groups(m[2])}).`,
  },
  {
    rule: 'rubric_total',
    en: /^points \((.+)\) must equal the rubric's total \((.+)\), or be left out to take that total$/,
    id: (_, m) =>
      `Poin (${decimal(m[1])}) harus sama dengan jumlah poin rubrik (${decimal(m[2])}); atau hapus baris "// points:" agar poinnya mengikuti jumlah itu.`,
  },
  {
    rule: 'wildcard_only',
    en: /^an accepted answer of only "\*" would accept any answer$/,
    id: () => 'Jawaban yang diterima berupa "*" saja akan menerima jawaban apa pun.',
  },
  { rule: 'required', en: /^stem must not be empty$/, id: () => 'Teks soal wajib diisi.' },
  { rule: 'required', en: /^an option needs a text$/, id: (label) => `${label} wajib diisi.` },
  { rule: 'required', en: /^a criterion needs a text$/, id: (label) => `${label} wajib diisi.` },
  {
    rule: 'required',
    en: /^say whether the statement is true$/,
    id: () => 'Tentukan apakah pernyataannya benar atau salah.',
  },
  {
    rule: 'required',
    en: /^give at least one accepted answer, none empty$/,
    id: () => 'Isi paling sedikit satu jawaban yang diterima, tanpa jawaban kosong.',
  },
  { rule: 'required', en: /^give the answer$/, id: () => 'Jawabannya wajib diisi.' },
  {
    rule: 'required',
    en: /^a pair needs a prompt and a match$/,
    id: (label) => `${label} perlu pernyataan dan jawabannya.`,
  },
  { rule: 'required', en: /^items must not be empty$/, id: () => 'Butir tidak boleh kosong.' },
  {
    rule: 'range',
    en: /^points must be between 0\.01 and 100, with at most two decimals$/,
    id: () => 'Poin harus antara 0,01 dan 100, dengan paling banyak dua angka desimal.',
  },
  {
    rule: 'count',
    en: /^a choice question needs (\d+) to (\d+) options$/,
    id: (_, m) => `Soal pilihan perlu ${m[1]} sampai ${m[2]} pilihan.`,
  },
  {
    rule: 'count',
    en: /^matching needs (\d+) to (\d+) pairs$/,
    id: (_, m) => `Soal menjodohkan perlu ${m[1]} sampai ${m[2]} pasangan.`,
  },
  {
    rule: 'count',
    en: /^ordering needs (\d+) to (\d+) items$/,
    id: (_, m) => `Soal mengurutkan perlu ${m[1]} sampai ${m[2]} butir.`,
  },
  {
    rule: 'count',
    en: /^at most (\d+) accepted answers$/,
    id: (_, m) => `Jawaban yang diterima paling banyak ${m[1]}.`,
  },
  { rule: 'count', en: /^at most (\d+) rubric criteria$/, id: (_, m) => `Rubrik paling banyak ${m[1]} kriteria.` },
  { rule: 'one_correct', en: /^exactly one option must be correct$/, id: () => 'Tepat satu pilihan harus benar.' },
  {
    rule: 'some_correct',
    en: /^at least one option must be correct$/,
    id: () => 'Paling sedikit satu pilihan harus benar.',
  },
  {
    rule: 'unique',
    en: /^options must differ from each other$/,
    id: () => 'Pilihan tidak boleh sama satu dengan yang lain.',
  },
  {
    rule: 'unique',
    en: /^prompts must differ from each other$/,
    id: () => 'Pernyataan pasangan tidak boleh sama satu dengan yang lain.',
  },
  {
    rule: 'unique',
    en: /^items must differ from each other$/,
    id: () => 'Butir tidak boleh sama satu dengan yang lain.',
  },
  { rule: 'min', en: /^tolerance must be 0 or more$/, id: () => 'Toleransi harus 0 atau lebih.' },
  {
    rule: 'min',
    en: /^a criterion is worth more than 0 points$/,
    id: (label) => `${label} harus lebih dari 0.`,
  },
];

/**
 * The GIFT parser's own messages (domain/gift.ts, rule "gift") in Indonesian, by pattern: the
 * parts taken from the file (a value, a weight, a line) are kept as written. A spec parses a
 * broken block for each message gift.ts can give and checks it reads here, so a message
 * added or reworded there cannot quietly fall back to English.
 */
export const GIFT_MESSAGES_ID: Array<[RegExp, (m: string[]) => string]> = [
  [
    /^images and files cannot be imported with GIFT(?: \((.*)\))?: describe the picture in words, or leave the question out of the file$/s,
    (m) =>
      `Gambar dan berkas tidak dapat diimpor lewat GIFT${m[1] ? ` (${m[1]})` : ''}: jelaskan gambarnya dengan kata-kata, atau keluarkan soal itu dari berkas.`,
  ],
  [
    /^metadata comments must be directly followed by their question \(no blank line between\)$/,
    () => 'Komentar metadata harus langsung diikuti soalnya (tanpa baris kosong di antaranya).',
  ],
  [
    /^this question type cannot be carried by GIFT \(.*\): write it again here, or leave it out of the file$/s,
    () =>
      'Jenis soal ini tidak dapat dibawa lewat GIFT (Moodle hanya menuliskan namanya, seperti untuk soal Cloze, calculated, atau drag-and-drop): tulis ulang soalnya di sini, atau keluarkan dari berkas.',
  ],
  [
    /^metadata comment "(.*)" \(line (\d+)\) must come before the question text$/s,
    (m) => `Komentar metadata "${m[1]}" (baris ${m[2]}) harus ditulis sebelum teks soal.`,
  ],
  [
    /^metadata comments cannot apply to a \$CATEGORY line$/,
    () => 'Komentar metadata tidak dapat berlaku untuk baris $CATEGORY.',
  ],
  [/^"\/\/ ([\w-]+):" is given twice$/, (m) => `"// ${m[1]}:" ditulis dua kali.`],
  [/^"\/\/ competency:" needs a competency code$/, () => '"// competency:" perlu diisi kode kompetensi.'],
  [
    /^"\/\/ points: (.*)" is not a number \(use 2 or 2\.5\)$/s,
    (m) => `"// points: ${m[1]}" bukan angka (tulis misalnya 2 atau 2.5).`,
  ],
  [
    /^"\/\/ rubric: (.*)" must look like "\/\/ rubric: <points> \| <criterion>"$/s,
    (m) => `"// rubric: ${m[1]}" harus berbentuk "// rubric: <poin> | <kriteria>".`,
  ],
  [/^"\/\/ ([\w-]+): (.*)" is not one of (.+)$/s, (m) => `"// ${m[1]}: ${m[2]}" bukan salah satu dari ${m[3]}.`],
  [/^the title ::…:: is not closed$/, () => 'Judul ::…:: belum ditutup.'],
  [
    /^no answer block \{…\} \(write \\\{ for a literal brace\)$/,
    () => 'Tidak ada blok jawaban {…} (tulis \\{ untuk tanda kurung kurawal biasa).',
  ],
  [/^"\}" without an opening "\{"$/, () => 'Ada "}" tanpa "{" pembukanya.'],
  [/^the answer block is not closed with "\}"$/, () => 'Blok jawaban belum ditutup dengan "}".'],
  [
    /^"\{" inside the answer block \(write \\\{ for a literal brace\)$/,
    () => 'Ada "{" di dalam blok jawaban (tulis \\{ untuk tanda kurung kurawal biasa).',
  ],
  [/^only one answer block \{…\} per question$/, () => 'Satu soal hanya boleh memuat satu blok jawaban {…}.'],
  [
    /^"\/\/ type: (.+)" but the answer block is a (\w+) question$/s,
    (m) => `"// type: ${m[1]}", tetapi blok jawabannya soal ${TYPE_NAMES_ID[m[2]] ?? m[2]}.`,
  ],
  [
    /^"\/\/ scoring:" applies only to multiple-response questions$/,
    () => '"// scoring:" hanya berlaku untuk soal pilihan ganda kompleks.',
  ],
  [
    /^"\/\/ case-sensitive:" applies only to short-answer questions$/,
    () => '"// case-sensitive:" hanya berlaku untuk soal isian singkat.',
  ],
  [/^"\/\/ rubric:" applies only to essay questions$/, () => '"// rubric:" hanya berlaku untuk soal esai.'],
  [
    /^an ordering question lists its items as \{=first =second =third\}$/,
    () => 'Soal mengurutkan menuliskan butirnya sebagai {=pertama =kedua =ketiga}.',
  ],
  [
    /^"%(.+)%": partial credit for one answer is not supported \(every accepted answer is fully right\)$/,
    (m) =>
      `"%${m[1]}%": nilai sebagian untuk satu jawaban tidak didukung (setiap jawaban yang diterima bernilai penuh).`,
  ],
  [
    /^"=%0%(.*)" comes before "=(.*)", which also accepts such answers: .*$/s,
    (m) =>
      `"=%0%${m[1]}" ditulis sebelum "=${m[2]}", yang juga menerima jawaban seperti itu: Moodle memberinya nilai 0 karena baris yang lebih dulu, Bina akan menerimanya; persempit jawaban yang diterima atau hapus baris %0% itu.`,
  ],
  [
    /^more than one "=" in a choice question: use ~%n% weights for multiple response$/,
    () => 'Soal pilihan memuat lebih dari satu "=": untuk pilihan ganda kompleks gunakan bobot ~%n%.',
  ],
  [
    /^"%(.+)%" in a single-choice question: .*$/s,
    (m) =>
      `"%${m[1]}%" pada soal pilihan ganda: jawabannya hanya benar atau salah; untuk pilihan ganda kompleks gunakan bobot ~%n% tanpa "=".`,
  ],
  [
    /^correct options must carry equal weights \(found (.+)\): each counts the same here$/,
    (m) => `Pilihan yang benar harus berbobot sama (ditemukan ${m[1]}): di sini setiap pilihan benar bernilai sama.`,
  ],
  [
    /^every matching pair needs "prompt -> match" \(found "(.*)"\)$/s,
    (m) => `Setiap pasangan harus ditulis "pernyataan -> jawaban" (ditemukan "${m[1]}").`,
  ],
  [
    /^a numeric question takes one answer \(partial credit is not supported\)$/,
    () => 'Soal isian angka hanya memuat satu jawaban (nilai sebagian tidak didukung).',
  ],
  [
    /^"%(.+)%": partial credit for a numeric answer is not supported$/,
    (m) => `"%${m[1]}%": nilai sebagian untuk jawaban angka tidak didukung.`,
  ],
  [/^"(.*)" is not a numeric range like 1\.\.5$/s, (m) => `"${m[1]}" bukan rentang angka seperti 1..5.`],
  [/^the range "(.*)" starts above its end$/s, (m) => `Rentang "${m[1]}" dimulai di atas angka akhirnya.`],
  [
    /^"(.*)" is not a numeric answer like 3\.5, 3\.5:0\.1 or 1\.\.5 \(use a dot for decimals\)$/s,
    (m) => `"${m[1]}" bukan jawaban angka seperti 3.5, 3.5:0.1 atau 1..5 (gunakan titik untuk desimal).`,
  ],
  [/^the weight "%(.+)%" is outside -100\.\.100$/, (m) => `Bobot "%${m[1]}%" di luar rentang -100..100.`],
  [
    /^"(.*)" in the answer block: start each answer with "=" \(right\) or "~" \(wrong\), or use T\/F or #number$/s,
    (m) =>
      `"${m[1]}" di dalam blok jawaban: awali setiap jawaban dengan "=" (benar) atau "~" (salah), atau gunakan T/F atau #angka.`,
  ],
];
