import type { FieldProblem, Locale } from '../../../../libs/common';

/**
 * A form problem as a line a person reads. Services name problems in English (the API's
 * one error shape: field, rule, message); pages in Bahasa Indonesia say the same by the
 * rule, with the field's label. A rule without Indonesian wording keeps the service's
 * message, so nothing is ever hidden. English pages show the service's message as it is.
 */
export function problemText(locale: Locale, problem: FieldProblem): string {
  if (locale === 'en') return `${problem.field}: ${problem.message}`;
  const label = fieldLabel(problem.field);
  // A field without a label is one the generic wording would not explain: its own message stays.
  if (label === null) return `${problem.field}: ${problem.message}`;
  const rule = RULES_ID[problem.rule];
  return rule ? rule.replace('{field}', label) : `${label}: ${problem.message}`;
}

/** "endDate" → "Tanggal selesai"; a path such as "items.2.value" or "line 4: nip" by its last name. */
function fieldLabel(field: string): string | null {
  // A quiz answer by the question's number on the page (slots count from 0, the page from 1).
  const answer = /^responses\.(\d+)$/.exec(field);
  if (answer) return `Soal ${Number(answer[1]) + 1}`;
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
};
