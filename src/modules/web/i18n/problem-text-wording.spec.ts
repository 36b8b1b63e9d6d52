import { problemText } from './problem-text';

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
  ])('in Indonesian: %o reads %s', (problem, text) => {
    expect(problemText('id', problem)).toBe(text);
  });

  it('in English, a whole-form problem is the service’s message', () => {
    expect(problemText('en', { field: '', rule: '', message: 'The quiz has closed' })).toBe('The quiz has closed');
  });
});
