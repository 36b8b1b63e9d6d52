import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FORM_MESSAGES_ID, problemText } from './problem-text';

describe('form problems that need more than a rule’s wording', () => {
  it.each([
    // A size limit and the evidence's kinds keep their particulars, in Indonesian.
    [
      { field: 'file', rule: 'max_size', message: 'file must not be larger than 10 MB' },
      'Berkas tidak boleh lebih besar dari 10 MB.',
    ],
    [
      { field: 'file', rule: 'max_size', message: 'file must not be larger than 2.5 MB' },
      'Berkas tidak boleh lebih besar dari 2,5 MB.',
    ],
    [
      { field: 'file', rule: 'file_type', message: 'the evidence must be a PDF or an image (PNG, JPEG, WebP)' },
      'Berkas harus berupa PDF atau gambar (PNG, JPEG, WebP).',
    ],
    [
      { field: 'programmeJp', rule: 'required', message: 'programmeJp is needed for Pelatihan teknis' },
      'JP program wajib diisi.',
    ],
    // A whole-form problem by its message; one not known stays as the service said it.
    [
      { field: '', rule: '', message: 'The attempt is closed; answers can no longer change' },
      'Percobaan ini sudah ditutup; jawaban tidak dapat diubah lagi.',
    ],
    [{ field: '', rule: '', message: 'Something new' }, 'Something new'],
    // A field problem by its label and rule.
    [
      { field: 'competencyCode', rule: 'active', message: 'competencyCode is retired' },
      'Kompetensi sudah tidak berlaku dan tidak dapat dipilih lagi.',
    ],
    [
      { field: 'targetLevel', rule: 'max', message: 'targetLevel must not be greater than 5' },
      'Level target melebihi batas.',
    ],
    [
      { field: 'competencyCode', rule: 'known', message: 'competencyCode is not in the dictionary' },
      'Kompetensi tidak ada dalam kamus kompetensi.',
    ],
    [{ field: 'comment', rule: '', message: 'whatever it says' }, 'Komentar: whatever it says'],
    // A grade's limit is the question's points.
    [{ field: 'points', rule: 'max', message: 'points must be at most 2.5 points' }, 'Nilai paling banyak 2,5 poin.'],
    // The quiz form's fields by the names the form gives them, never by the API's paths.
    [
      {
        field: 'slots.0.count',
        rule: 'enough_questions',
        message:
          'the bank has 1 matching question(s) for this slot once the earlier slots have drawn theirs, the slot draws 20',
      },
      'Jumlah soal acak melebihi soal yang tersedia: bank soal hanya memuat 1 soal yang cocok, sedangkan diminta 20.',
    ],
    [
      { field: 'slots.0.count', rule: 'max', message: 'count must not be greater than 100' },
      'Jumlah soal acak melebihi batas.',
    ],
    [
      { field: 'slots', rule: 'arrayMaxSize', message: 'slots must contain no more than 200 elements' },
      'Soal kuis paling banyak 200.',
    ],
    [
      { field: 'drawCount', rule: 'isInt', message: 'drawCount must be a whole number' },
      'Jumlah soal acak harus berupa bilangan bulat.',
    ],
    [
      { field: 'timeLimitMinutes', rule: 'min', message: 'timeLimitMinutes must not be less than 1' },
      'Batas waktu (menit) terlalu kecil.',
    ],
    [
      { field: 'attemptsAllowed', rule: 'isInt', message: 'attemptsAllowed must be an integer number' },
      'Jumlah percobaan harus berupa bilangan bulat.',
    ],
    [
      { field: 'passPercent', rule: 'max', message: 'passPercent must not be greater than 100' },
      'Nilai lulus (%) melebihi batas.',
    ],
    // The catalog's refusals of a quiz's lesson, by the field the form gives it.
    [
      { field: 'lessonId', rule: 'course_lesson', message: 'the lesson is not in this course' },
      'Pelajaran yang dipilih tidak ada di kursus ini; muat ulang halaman lalu pilih lagi.',
    ],
    [
      { field: 'lessonId', rule: 'quiz_lesson', message: 'the lesson is not of kind quiz' },
      'Pelajaran yang dipilih bukan pelajaran kuis; muat ulang halaman lalu pilih lagi.',
    ],
    [
      { field: '', rule: '', message: 'Only a failed grading can be replayed' },
      'Hanya penilaian yang gagal yang dapat diulang; percobaan ini tidak lagi gagal (mungkin sudah dinilai ulang).',
    ],
  ])('in Indonesian: %o reads %s', (problem, text) => {
    expect(problemText('id', problem)).toBe(text);
  });

  it('in English, a whole-form problem is the service’s message', () => {
    expect(problemText('en', { field: '', rule: '', message: 'The quiz has closed' })).toBe('The quiz has closed');
  });
});

describe('the Indonesian wording of whole-form messages', () => {
  /** Every .ts file of src and libs but this table's own file and specs. */
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) && !path.endsWith('problem-text.ts') ? [path] : [];
    });
  const root = join(__dirname, '..', '..', '..', '..');
  const code = [...sources(join(root, 'src')), ...sources(join(root, 'libs'))]
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it.each(Object.keys(FORM_MESSAGES_ID))('is kept only for a message the code still says: %s', (message) => {
    // A reworded service message would otherwise fall back to English without anyone noticing.
    expect(code).toContain(message);
  });

  it('reads a message named like an object property as itself', () => {
    expect(problemText('id', { field: '', rule: '', message: 'constructor' })).toBe('constructor');
  });
});
