import { problemText } from './problem-text';

describe('a form problem as a page shows it', () => {
  it.each([
    [
      { field: 'endDate', rule: 'after_start', message: 'endDate must not be before startDate' },
      'Tanggal selesai tidak boleh sebelum tanggal mulai.',
    ],
    [{ field: 'title', rule: 'isNotEmpty', message: 'title should not be empty' }, 'Judul wajib diisi.'],
    [{ field: 'line 4: nip', rule: 'unknown_nip', message: 'NIP 1 is not known' }, 'Baris 4, NIP: NIP 1 is not known'],
    [{ field: 'line 2', rule: 'gift', message: 'missing }' }, 'Baris 2: missing }'],
    // A quiz answer by the number the page gives the question.
    [
      { field: 'responses.3', rule: 'complete_order', message: 'give every item its own position' },
      'Soal 4: beri setiap butir nomor urut sendiri sebelum mengirim.',
    ],
    // A file rule keeps what the service expected (the kind or the size differs by upload).
    [
      { field: 'file', rule: 'file_type', message: 'expected an MP4 or WebM video' },
      'Berkas: expected an MP4 or WebM video',
    ],
    // A question the bank would not withdraw, by the quiz and slot that need it.
    [
      { field: 'quiz "Kuis "Akhir"" slot 2', rule: 'holds_question', message: 'the slot holds this question' },
      'Kuis "Kuis "Akhir"", soal nomor 2 memakai soal ini; ubah kuisnya dulu.',
    ],
    [
      {
        field: 'quiz "Pre-test" slot 3',
        rule: 'enough_questions',
        message: 'the slot draws 2, the bank would have 1 matching question(s) left for it',
      },
      'Kuis "Pre-test", slot 3 meminta 2 soal acak; tanpa soal ini bank soal hanya memuat 1 soal yang cocok. Ubah kuisnya dulu.',
    ],
    // No label: the generic wording would not explain it, so the service's own message stays.
    [{ field: 'modules', rule: 'not_empty', message: 'add at least one lesson' }, 'modules: add at least one lesson'],
  ])('in Indonesian: %o reads %s', (problem, text) => {
    expect(problemText('id', problem)).toBe(text);
  });

  it('in English, as the API says it', () => {
    expect(
      problemText('en', { field: 'endDate', rule: 'after_start', message: 'endDate must not be before startDate' }),
    ).toBe('endDate: endDate must not be before startDate');
  });
});
