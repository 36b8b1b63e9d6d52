import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGift } from '../../assessment/domain/gift';
import { questionProblems, QuestionInput } from '../../assessment/domain/questions';
import { GIFT_MESSAGES_ID, giftMessageText, problemText, QUESTION_RULES_ID, questionRuleText } from './problem-text';

/**
 * One broken block for each message the GIFT parser can give (each `fail(` of gift.ts): every
 * one must read in Indonesian. A message added to gift.ts needs a block here, and so a wording.
 */
const BROKEN_GIFT: string[] = [
  '// points: 2',
  '// question: 41  name: Hitung pajak',
  'Soal? {T}\n// points: 2',
  '// points: 2\n$CATEGORY: $course$/top',
  '// points: 2\n// points: 3\nSoal? {T}',
  '// competency:\nSoal? {T}',
  '// points: dua\nSoal? {T}',
  '// rubric: empat\nSoal? {}',
  '// difficulty: sulit\nSoal? {T}',
  '::Judul tanpa tutup Soal? {T}',
  'Soal tanpa jawaban',
  'Soal } terbalik {T}',
  'Soal {T',
  'Soal {=a {=b}',
  'Soal {T} lalu {F}',
  '// type: essay\nSoal? {T}',
  '// scoring: partial\nSoal? {T}',
  '// case-sensitive: true\nSoal? {T}',
  '// rubric: 2 | Isi\nSoal? {T}',
  '// type: ordering\nSoal {=a -> 1 =b -> 2}',
  'Soal {=%50%Jakarta}',
  'Presiden pertama? {=%0%Soekarno Hatta =Soekarno*}',
  'Soal {=a =b ~c}',
  'Soal {=a ~%50%b ~c}',
  'Soal {~%50%a ~%30%b ~c}',
  'Soal {=a -> 1 =b}',
  'Soal {#=3 =4}',
  'Soal {#=%50%3}',
  'Soal {#a..5}',
  'Soal {#5..1}',
  'Soal {#tiga}',
  'Soal {~%150%a ~b}',
  'Soal {jawab =a ~b}',
  '[html]Lihat peta <img src="peta.png"> {T}',
];

/** A question for each message questionProblems can give a GIFT question (a rule and its wording). */
const long = (n: number) => 'x'.repeat(n);
const BROKEN_QUESTIONS: QuestionInput[] = [
  { type: 'true_false', stem: long(10_001), correct: true },
  { type: 'true_false', stem: '', correct: true },
  { type: 'true_false', stem: 'S', correct: true, points: 0 },
  { type: 'single', stem: 'S', options: [{ text: 'a', correct: true }] },
  { type: 'single', stem: 'S', options: [{ text: '', correct: true }, { text: 'b' }] },
  { type: 'single', stem: 'S', options: [{ text: 'a' }, { text: 'b' }] },
  { type: 'multiple', stem: 'S', options: [{ text: 'a' }, { text: 'b' }] },
  { type: 'single', stem: 'S', options: [{ text: 'a', correct: true }, { text: 'a' }] },
  { type: 'true_false', stem: 'S' } as QuestionInput,
  { type: 'short', stem: 'S', answers: [] },
  { type: 'short', stem: 'S', answers: ['*'] },
  { type: 'short', stem: 'S', answers: Array.from({ length: 51 }, (_, i) => `j${i}`) },
  { type: 'numeric', stem: 'S' } as QuestionInput,
  { type: 'numeric', stem: 'S', answer: 1, tolerance: -1 },
  { type: 'matching', stem: 'S', pairs: [{ prompt: 'a', match: '1' }] },
  {
    type: 'matching',
    stem: 'S',
    pairs: [
      { prompt: 'a', match: '' },
      { prompt: 'b', match: '2' },
    ],
  },
  {
    type: 'matching',
    stem: 'S',
    pairs: [
      { prompt: 'a', match: '1' },
      { prompt: 'a', match: '2' },
    ],
  },
  { type: 'ordering', stem: 'S', items: ['a'] },
  { type: 'ordering', stem: 'S', items: ['a', ''] },
  { type: 'ordering', stem: 'S', items: ['a', 'a'] },
  { type: 'essay', stem: 'S', rubric: [{ criterion: '', points: 1 }] },
  { type: 'essay', stem: 'S', points: 5, rubric: [{ criterion: 'Isi', points: 0 }] },
  {
    type: 'essay',
    stem: 'S',
    points: 1,
    rubric: [
      { criterion: 'Isi', points: 4 },
      { criterion: 'Contoh', points: 2 },
    ],
  },
  {
    type: 'essay',
    stem: 'S',
    rubric: Array.from({ length: 21 }, (_, i) => ({ criterion: `k${i}`, points: 1 })),
  },
];

const english = /\b(must|needs?|the|is|are|answer block|only|not|question|given|before|without)\b/;

describe('the GIFT parser’s messages in Indonesian', () => {
  const messages = BROKEN_GIFT.map((block) => {
    const { errors } = parseGift(block);
    expect(errors).toHaveLength(1);
    return errors[0].message;
  });

  it('has a broken block for each message gift.ts can give', () => {
    const source = readFileSync(join(__dirname, '..', '..', 'assessment', 'domain', 'gift.ts'), 'utf8');
    const sites = source.match(/\bfail\(/g)!.length; // each call; the helper itself is `const fail = (`
    expect(new Set(messages).size).toBe(sites);
  });

  it.each(BROKEN_GIFT)('words %j in Indonesian', (block) => {
    const message = parseGift(block).errors[0].message;
    const text = giftMessageText(message);
    expect(text).not.toBeNull();
    expect(text).not.toMatch(english);
  });

  it('keeps only patterns some message of gift.ts still matches', () => {
    for (const [pattern] of GIFT_MESSAGES_ID) expect(messages.some((m) => pattern.test(m))).toBe(true);
  });
});

describe('a question’s rules, as a GIFT import names them, in Indonesian', () => {
  const problems = BROKEN_QUESTIONS.flatMap((q) => questionProblems(q));

  it('words every problem questionProblems gives', () => {
    for (const p of problems) {
      const text = questionRuleText(p.rule, p.field, p.message);
      expect([p, text]).toEqual([p, expect.not.stringMatching(english)]);
    }
  });

  it('keeps only wordings some rule of the question still gives', () => {
    for (const entry of QUESTION_RULES_ID)
      expect(problems.some((p) => p.rule === entry.rule && entry.en.test(p.message))).toBe(true);
  });
});

describe('a GIFT import’s problems as the page shows them', () => {
  it.each([
    [
      {
        field: 'line 3',
        rule: 'gift',
        message: '"Hitung pajak": stem: stem must be at most 10,000 characters (it has 12,345)',
      },
      'Baris 3, soal "Hitung pajak": Teks soal paling banyak 10.000 karakter (saat ini 12.345).',
    ],
    [
      {
        field: 'line 7',
        rule: 'gift',
        message:
          'points: points (1) must equal the rubric\'s total (6.5), or be left out to take that total; answers: an accepted answer of only "*" would accept any answer',
      },
      'Baris 7: Poin (1) harus sama dengan jumlah poin rubrik (6,5); atau hapus baris "// points:" agar poinnya mengikuti jumlah itu. Jawaban yang diterima berupa "*" saja akan menerima jawaban apa pun.',
    ],
    [
      {
        field: 'line 2',
        rule: 'gift',
        message: '"%50%": partial credit for one answer is not supported (every accepted answer is fully right)',
      },
      'Baris 2: "%50%": nilai sebagian untuk satu jawaban tidak didukung (setiap jawaban yang diterima bernilai penuh).',
    ],
    [
      { field: 'line 4', rule: 'gift', message: '"Pajak": "}" without an opening "{"' },
      'Baris 4, soal "Pajak": Ada "}" tanpa "{" pembukanya.',
    ],
    // By its own rule, when the bank names the question's field.
    [
      {
        field: 'line 5: answers',
        rule: 'wildcard_only',
        message: '"Ibu kota": an accepted answer of only "*" would accept any answer',
      },
      'Baris 5, soal "Ibu kota": Jawaban yang diterima berupa "*" saja akan menerima jawaban apa pun.',
    ],
    [
      {
        field: 'line 9: competencyCode',
        rule: 'known_competency',
        message: '"Kompetensi asing": competency ZZ.99 is not in the dictionary',
      },
      'Baris 9, soal "Kompetensi asing": kompetensi ZZ.99 tidak ada dalam kamus kompetensi.',
    ],
    // A message no table knows stays as the service wrote it, after its line.
    [{ field: 'line 2', rule: 'gift', message: 'missing }' }, 'Baris 2: missing }'],
    // Other files' lines keep their own wording.
    [{ field: 'line 4: nip', rule: 'required', message: 'nip is required' }, 'Baris 4, NIP wajib diisi.'],
  ])('in Indonesian: %o reads %s', (problem, text) => {
    expect(problemText('id', problem)).toBe(text);
  });
});
