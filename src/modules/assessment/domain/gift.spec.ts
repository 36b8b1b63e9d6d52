import { canonicalQuestion, parseGift, parseGiftFile, toGift } from './gift';
import { grade } from './grading';
import { QuestionInput, questionProblems, toInput, toStored } from './questions';

/** The fields every parsed question carries, at their defaults. */
const base = { points: 1, competencyCode: null, difficulty: 'medium', feedback: null } as const;

const one = (text: string) => {
  const result = parseGift(text);
  expect(result.errors).toEqual([]);
  expect(result.questions).toHaveLength(1);
  return result.questions[0];
};

describe('parseGift: each question type', () => {
  it.each<[string, string, QuestionInput]>([
    [
      'single choice with option and general feedback',
      'Ibu kota Indonesia? {=Jakarta#Benar ~Bandung#Itu ibu kota Jawa Barat ~Surabaya ####Lihat bab 1}',
      {
        ...base,
        type: 'single',
        stem: 'Ibu kota Indonesia?',
        feedback: 'Lihat bab 1',
        options: [
          { text: 'Jakarta', correct: true, feedback: 'Benar' },
          { text: 'Bandung', correct: false, feedback: 'Itu ibu kota Jawa Barat' },
          { text: 'Surabaya', correct: false },
        ],
      },
    ],
    [
      'single choice over several lines, right answer last',
      'Sila pertama Pancasila?\n{\n  ~Kemanusiaan yang adil dan beradab\n  =Ketuhanan Yang Maha Esa\n}',
      {
        ...base,
        type: 'single',
        stem: 'Sila pertama Pancasila?',
        options: [
          { text: 'Kemanusiaan yang adil dan beradab', correct: false },
          { text: 'Ketuhanan Yang Maha Esa', correct: true },
        ],
      },
    ],
    [
      'multiple response with Moodle weights',
      'Bilangan prima? {~%50%2 ~%50%3 ~%-100%4#Genap}',
      {
        ...base,
        type: 'multiple',
        stem: 'Bilangan prima?',
        scoring: 'partial',
        options: [
          { text: '2', correct: true },
          { text: '3', correct: true },
          { text: '4', correct: false, feedback: 'Genap' },
        ],
      },
    ],
    [
      'multiple response, thirds, unweighted wrong option',
      'Warna bendera? {~%33.33333%merah ~%33.33333%putih ~%33.33333%ya ~biru}',
      {
        ...base,
        type: 'multiple',
        stem: 'Warna bendera?',
        scoring: 'partial',
        options: [
          { text: 'merah', correct: true },
          { text: 'putih', correct: true },
          { text: 'ya', correct: true },
          { text: 'biru', correct: false },
        ],
      },
    ],
    [
      'multiple response, all or nothing',
      '// scoring: all_or_nothing\nPilih yang benar. {~%100%a ~%-100%b}',
      {
        ...base,
        type: 'multiple',
        stem: 'Pilih yang benar.',
        scoring: 'all_or_nothing',
        options: [
          { text: 'a', correct: true },
          { text: 'b', correct: false },
        ],
      },
    ],
    ['true_false {T}', 'Bumi itu bulat. {T}', { ...base, type: 'true_false', stem: 'Bumi itu bulat.', correct: true }],
    [
      'true_false {TRUE}',
      'Bumi itu bulat. {TRUE}',
      { ...base, type: 'true_false', stem: 'Bumi itu bulat.', correct: true },
    ],
    [
      'true_false {f}',
      'Matahari mengelilingi bumi. {f}',
      { ...base, type: 'true_false', stem: 'Matahari mengelilingi bumi.', correct: false },
    ],
    [
      'true_false {False} with Moodle answer feedback (dropped) and general feedback',
      'Matahari mengelilingi bumi. {False#Salah arah#Tepat####Heliosentris}',
      { ...base, type: 'true_false', stem: 'Matahari mengelilingi bumi.', correct: false, feedback: 'Heliosentris' },
    ],
    [
      'short answer with alternatives',
      'Kepanjangan ASN? {=Aparatur Sipil Negara =aparatur sipil negara}',
      {
        ...base,
        type: 'short',
        stem: 'Kepanjangan ASN?',
        answers: ['Aparatur Sipil Negara', 'aparatur sipil negara'],
        caseSensitive: false,
      },
    ],
    [
      'short answer, case sensitive, Moodle %100% weights and feedback (dropped)',
      '// case-sensitive: true\nKode provinsi DKI? {=%100%JK#Ya =%100%DKI#}',
      { ...base, type: 'short', stem: 'Kode provinsi DKI?', answers: ['JK', 'DKI'], caseSensitive: true },
    ],
    [
      'numeric with tolerance',
      'Nilai pi? {#3.14:0.01}',
      { ...base, type: 'numeric', stem: 'Nilai pi?', answer: 3.14, tolerance: 0.01 },
    ],
    ['numeric exact', 'Jumlah sila? {#5}', { ...base, type: 'numeric', stem: 'Jumlah sila?', answer: 5, tolerance: 0 }],
    [
      'numeric negative',
      'Suhu? {#-2.5:0.5}',
      { ...base, type: 'numeric', stem: 'Suhu?', answer: -2.5, tolerance: 0.5 },
    ],
    [
      'numeric range',
      'Angka 1 sampai 5? {#1..5}',
      { ...base, type: 'numeric', stem: 'Angka 1 sampai 5?', answer: 3, tolerance: 2 },
    ],
    [
      "numeric in Moodle's export form",
      'Tahun proklamasi? {#\n\t=%100%1945:0#Benar\n\t~#Salah\n####17 Agustus}',
      { ...base, type: 'numeric', stem: 'Tahun proklamasi?', answer: 1945, tolerance: 0, feedback: '17 Agustus' },
    ],
    [
      'matching',
      'Pasangkan provinsi dan ibu kotanya. {=Jawa Barat -> Bandung =Jawa Timur -> Surabaya =Bali->Denpasar}',
      {
        ...base,
        type: 'matching',
        stem: 'Pasangkan provinsi dan ibu kotanya.',
        pairs: [
          { prompt: 'Jawa Barat', match: 'Bandung' },
          { prompt: 'Jawa Timur', match: 'Surabaya' },
          { prompt: 'Bali', match: 'Denpasar' },
        ],
      },
    ],
    [
      'ordering',
      '// type: ordering\nUrutkan dari yang terkecil. {=satu =dua =tiga}',
      { ...base, type: 'ordering', stem: 'Urutkan dari yang terkecil.', items: ['satu', 'dua', 'tiga'] },
    ],
    [
      'essay',
      'Jelaskan makna Bhinneka Tunggal Ika. {}',
      { ...base, type: 'essay', stem: 'Jelaskan makna Bhinneka Tunggal Ika.', rubric: [] },
    ],
    [
      'essay with rubric and general feedback',
      '// rubric: 4 | Ketepatan isi\n// rubric: 2.5 | Struktur | alur\nJelaskan. {####Lihat modul 3}',
      {
        ...base,
        type: 'essay',
        stem: 'Jelaskan.',
        feedback: 'Lihat modul 3',
        // No "// points:": the essay is worth its rubric's total.
        points: 6.5,
        rubric: [
          { criterion: 'Ketepatan isi', points: 4 },
          { criterion: 'Struktur | alur', points: 2.5 },
        ],
      },
    ],
    [
      'metadata comments, title and format prefix',
      '// competency: MK-01.2\n// difficulty: Hard\n// points: 2.5\n::Soal 1::[html]Ibu kota? {=Jakarta ~Bandung}',
      {
        ...base,
        type: 'single',
        stem: 'Ibu kota?',
        competencyCode: 'MK-01.2',
        difficulty: 'hard',
        points: 2.5,
        options: [
          { text: 'Jakarta', correct: true },
          { text: 'Bandung', correct: false },
        ],
      },
    ],
    [
      'missing word: text after the block, Moodle style',
      'Ibu kota Indonesia adalah {=Jakarta ~Bandung} sejak 1945.',
      {
        ...base,
        type: 'single',
        stem: 'Ibu kota Indonesia adalah _____ sejak 1945.',
        options: [
          { text: 'Jakarta', correct: true },
          { text: 'Bandung', correct: false },
        ],
      },
    ],
  ])('%s', (_label, text, expected) => {
    expect(parseGift(text)).toStrictEqual({ questions: [expected], errors: [] });
  });
});

/** One valid question of each type, with the awkward bits the format has to carry. */
const samples: Array<[string, QuestionInput]> = [
  [
    'single, minimal',
    {
      type: 'single',
      stem: 'Ibu kota Indonesia?',
      options: [{ text: 'Jakarta', correct: true }, { text: 'Bandung' }],
    },
  ],
  [
    'single, everything set',
    {
      type: 'single',
      stem: '  Menurut UU No. 20/2023: siapa {pegawai} ASN?\nPilih satu.  ',
      points: 2.5,
      competencyCode: 'MK-01',
      difficulty: 'hard',
      feedback: 'Pasal 1 ayat (1) #penting',
      options: [
        { text: 'PNS dan PPPK', correct: true, feedback: 'Benar = tepat' },
        { text: '%50% honorer', correct: false, feedback: '  ' },
        { text: 'a -> b ~ c', correct: false, feedback: 'Bukan' },
      ],
    },
  ],
  [
    'multiple, partial, three correct',
    {
      type: 'multiple',
      stem: 'Warna bendera negara ASEAN?',
      options: [
        { text: 'merah', correct: true },
        { text: 'putih', correct: true },
        { text: 'biru', correct: true, feedback: 'Filipina, misalnya' },
        { text: 'ungu', correct: false },
      ],
    },
  ],
  [
    'multiple, all or nothing, one correct',
    {
      type: 'multiple',
      stem: 'Pilih semua yang benar.',
      scoring: 'all_or_nothing',
      options: [
        { text: '%100% benar', correct: true },
        { text: 'salah', correct: false },
      ],
    },
  ],
  ['true_false, true', { type: 'true_false', stem: 'Bumi itu bulat.', correct: true }],
  [
    'true_false, false, with feedback',
    { type: 'true_false', stem: 'Matahari mengelilingi bumi.', correct: false, feedback: 'Heliosentris' },
  ],
  [
    'short, case sensitive',
    {
      type: 'short',
      stem: 'Kode?',
      answers: ['ASN-01', '%100%', 'T', 'a\\nb'],
      caseSensitive: true,
      difficulty: 'easy',
    },
  ],
  ['short, defaults', { type: 'short', stem: 'Kepanjangan ASN?', answers: ['Aparatur Sipil Negara'] }],
  ['numeric, tolerance', { type: 'numeric', stem: 'Nilai pi?', answer: 3.14159, tolerance: 0.001 }],
  ['numeric, negative, no tolerance', { type: 'numeric', stem: 'Suhu?', answer: -40 }],
  ['numeric, tiny and huge', { type: 'numeric', stem: 'Skala?', answer: 1e21, tolerance: 1e-7 }],
  [
    'matching',
    {
      type: 'matching',
      stem: 'Pasangkan.',
      feedback: 'Hafalkan',
      pairs: [
        { prompt: 'Jawa Barat', match: 'Bandung' },
        { prompt: 'x -> y', match: 'a: b' },
        { prompt: '[html]<b>Bali</b>', match: 'Denpasar' },
      ],
    },
  ],
  ['ordering', { type: 'ordering', stem: 'Urutkan.', items: ['satu', 'dua = 2', 'tiga {3}'], points: 3 }],
  ['essay, no rubric', { type: 'essay', stem: 'Jelaskan.' }],
  [
    'essay with rubric',
    {
      type: 'essay',
      stem: '// bukan komentar: jelaskan',
      rubric: [
        { criterion: 'Isi | kedalaman', points: 4 },
        { criterion: 'Baris\nbaru \\ garis miring', points: 1.5 },
      ],
      feedback: '[plain] tetap',
      competencyCode: 'K\\1',
    },
  ],
];

describe('round trip: parseGift(toGift(qs))', () => {
  it.each(samples)('%s', (_label, q) => {
    expect(questionProblems(q)).toEqual([]);
    const text = toGift([q]);
    const canonical = canonicalQuestion(q);
    expect(parseGift(text)).toStrictEqual({ questions: [canonical], errors: [] });
    // The canonical form is a fixed point, and it is what storage gives back.
    expect(parseGift(toGift([canonical])).questions).toStrictEqual([canonical]);
    expect(canonicalQuestion(canonical)).toStrictEqual(canonical);
    expect(canonical).toEqual(
      toInput(toStored(q), { competencyCode: canonical.competencyCode, difficulty: canonical.difficulty }),
    );
  });

  it('keeps a whole bank, in order, and the text is stable', () => {
    const qs = samples.map(([, q]) => canonicalQuestion(q));
    const text = toGift(qs);
    expect(parseGift(text)).toStrictEqual({ questions: qs, errors: [] });
    expect(toGift(parseGift(text).questions)).toBe(text);
    expect(toGift([])).toBe('');
  });

  it('writes metadata only when not default, and Moodle-style weights', () => {
    expect(
      toGift([
        {
          type: 'multiple',
          stem: 'Prima?',
          competencyCode: 'MK-01',
          difficulty: 'easy',
          points: 2,
          scoring: 'all_or_nothing',
          feedback: 'Lihat tabel',
          options: [
            { text: '2', correct: true },
            { text: '3', correct: true },
            { text: '5', correct: true },
            { text: '4', feedback: 'Genap' },
          ],
        },
        { type: 'true_false', stem: 'Benar?', correct: true, points: 1, difficulty: 'medium', competencyCode: null },
        { type: 'numeric', stem: 'Berapa?', answer: 3.5, tolerance: 0.1 },
        { type: 'ordering', stem: 'Urutkan.', items: ['a', 'b'] },
        { type: 'essay', stem: 'Jelaskan.', rubric: [{ criterion: 'Isi', points: 5 }] },
      ]),
    ).toBe(
      [
        '// competency: MK-01',
        '// difficulty: easy',
        '// points: 2',
        '// scoring: all_or_nothing',
        'Prima? {',
        '  ~%33.33333%2',
        '  ~%33.33333%3',
        '  ~%33.33333%5',
        '  ~%-33.33333%4#Genap',
        '  ####Lihat tabel',
        '}',
        '',
        'Benar? {TRUE}',
        '',
        'Berapa? {#3.5:0.1}',
        '',
        '// type: ordering',
        'Urutkan. {',
        '  =a',
        '  =b',
        '}',
        '',
        '// rubric: 5 | Isi',
        'Jelaskan. {}',
        '',
      ].join('\n'),
    );
  });
});

describe('escapes', () => {
  it.each([
    ['tilde', 'a \\~ b', 'a ~ b'],
    ['equals', '2 + 2 \\= 4', '2 + 2 = 4'],
    ['hash', 'nomor \\#1', 'nomor #1'],
    ['braces', 'himpunan \\{1, 2\\}', 'himpunan {1, 2}'],
    ['colon', 'Pukul 10\\:30', 'Pukul 10:30'],
    ['line break', 'baris satu\\nbaris dua', 'baris satu\nbaris dua'],
    ['backslash', 'C\\\\data', 'C\\data'],
    ['arrow', 'a \\-> b', 'a -> b'],
    ['unknown escape kept', 'a \\+ b', 'a \\+ b'],
    ['escaped title marker', '\\:\\:bukan judul\\:\\:', '::bukan judul::'],
  ])('%s in stem and options', (_label, raw, text) => {
    const q = one(`${raw} {=${raw} ~x${raw}#${raw}}`);
    expect(q).toMatchObject({ type: 'single', stem: text, options: [{ text }, { text: `x${text}`, feedback: text }] });
  });

  it('an escaped brace or marker does not start an answer block or an answer', () => {
    expect(one('Tulis \\{x\\} {=a\\~b ~c\\=d}')).toMatchObject({
      stem: 'Tulis {x}',
      options: [
        { text: 'a~b', correct: true },
        { text: 'c=d', correct: false },
      ],
    });
  });

  it.each([
    ['every reserved character', 'a ~ b = c # d { e } f : g \\ h -> i'],
    ['a comment look-alike', '// bukan komentar'],
    ['a format tag look-alike', '[html]<p>teks</p>'],
    ['a weight look-alike', '%50% diskon'],
    ['line breaks and CRLF', 'satu\r\ndua\rtiga\nempat'],
    ['four hashes', '#### bukan umpan balik'],
    ['a title look-alike', '::judul:: isi'],
    ['a category look-alike', '$CATEGORY: x'],
  ])('the exporter protects %s in every text field', (_label, text) => {
    const q: QuestionInput = {
      type: 'single',
      stem: text,
      feedback: text,
      options: [{ text, correct: true, feedback: text }, { text: `${text}!` }],
    };
    const short: QuestionInput = { type: 'short', stem: text, answers: [text] };
    const pairs: QuestionInput = {
      type: 'matching',
      stem: text,
      pairs: [
        { prompt: text, match: text },
        { prompt: 'b', match: 'c' },
      ],
    };
    const items: QuestionInput = { type: 'ordering', stem: text, items: [text, 'z'] };
    const multi: QuestionInput = { type: 'multiple', stem: text, options: [{ text, correct: true }, { text: 'z' }] };
    const qs = [q, short, pairs, items, multi].map(canonicalQuestion);
    expect(parseGift(toGift(qs))).toStrictEqual({ questions: qs, errors: [] });
    expect(qs[0].stem).toBe(text.replace(/\r\n?/g, '\n'));
  });
});

describe('file layout', () => {
  it('skips // comments between and inside questions, but not // inside a line', () => {
    const result = parseGift(
      [
        '// Bank soal: Wawasan Kebangsaan',
        '// question: 12  name: Moodle comment',
        'Situs resmi? {',
        '  // komentar di dalam blok',
        '  =https://www.bkn.go.id',
        '  ~http://contoh.test',
        '}',
        '',
        '// hanya komentar',
        '',
        'Bumi bulat? {T}',
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.questions.map((q) => q.type)).toEqual(['single', 'true_false']);
    expect(result.questions[0].options![0].text).toBe('https://www.bkn.go.id');
  });

  it('separates questions by one or more blank or whitespace-only lines', () => {
    const result = parseGift('\n\nA? {T}\n\n\n\nB? {F}\n   \n\t\nC? {#1}\n\n');
    expect(result.errors).toEqual([]);
    expect(result.questions.map((q) => q.stem)).toEqual(['A?', 'B?', 'C?']);
  });

  it('keeps a stem written over several lines', () => {
    expect(one('Baris pertama\nbaris kedua\n{=ya ~tidak}').stem).toBe('Baris pertama\nbaris kedua');
  });

  it('reads Windows (CRLF) and old Mac (CR) line endings the same as LF', () => {
    const lf = '// points: 2\nA? {\n=ya\n~tidak\n}\n\nB? {T}\n\nrusak\n\nC? {=x =y}\n';
    const expected = parseGift(lf);
    expect(expected.questions).toHaveLength(3);
    expect(parseGift(lf.replace(/\n/g, '\r\n'))).toStrictEqual(expected);
    expect(parseGift(lf.replace(/\n/g, '\r'))).toStrictEqual(expected);
    expect(parseGift(lf.replace(/\n/g, '\r\n')).errors).toEqual([{ line: 9, message: expect.any(String) }]);
  });

  it('reads UTF-8 Indonesian text, with or without a BOM', () => {
    const text =
      '\uFEFF// competency: WK-Ø1\n' +
      '::Nilai dasar::Apa nilai dasar ASN “BerAKHLAK”? — pilih satu {\n' +
      '  =Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif#Tepat sekali 👍\n' +
      '  ~Jujur, Bersih, Peduli#Itu nilai lain\n' +
      '}\n\n' +
      'Harga Rp1.500,00 ditulis dalam rupiah. Benar? {TRUE####Satuan: rupiah (Rp)}';
    const decoded = Buffer.from(text, 'utf8').toString('utf8');
    const result = parseGift(decoded);
    expect(result.errors).toEqual([]);
    expect(result.questions[0]).toMatchObject({
      competencyCode: 'WK-Ø1',
      stem: 'Apa nilai dasar ASN “BerAKHLAK”? — pilih satu',
      options: [{ feedback: 'Tepat sekali 👍' }, { text: 'Jujur, Bersih, Peduli' }],
    });
    expect(result.questions[1]).toMatchObject({ type: 'true_false', feedback: 'Satuan: rupiah (Rp)' });
  });

  it("skips Moodle's $CATEGORY blocks", () => {
    const moodle = [
      '// question: 0  name: Switch category to $course$/top/Default',
      '$CATEGORY: $course$/top/Default',
      '',
      '// question: 7  name: ibu kota',
      '::ibu kota::[html]<p>Ibu kota?</p>{',
      '\t=Jakarta',
      '\t~Bandung',
      '}',
    ].join('\n');
    expect(parseGift(moodle)).toMatchObject({ questions: [{ type: 'single', stem: 'Ibu kota?' }], errors: [] });
  });
});

describe("Moodle's text formats", () => {
  const PICTURE =
    'images and files cannot be imported with GIFT (peta.png): describe the picture in words, or leave the question out of the file';

  it('reads [html] text as plain text, after resolving GIFT escapes', () => {
    const q = one(
      '::Q1:: [html]<p dir\\="ltr" style\\="text-align\\: left;">Ibu kota <b>Indonesia</b>?<br></p>{=<p>Jakarta</p> ~<p>Bandung</p>}',
    );
    expect(q).toStrictEqual({
      ...base,
      type: 'single',
      stem: 'Ibu kota Indonesia?',
      options: [
        { text: 'Jakarta', correct: true },
        { text: 'Bandung', correct: false },
      ],
    });
  });

  it('converts every text of an exported HTML question: options, their feedback and the general feedback', () => {
    const moodle = [
      '// question: 12  name: Nilai dasar',
      '::Nilai dasar::[html]<p dir\\="ltr" style\\="text-align\\: left;">Manakah nilai dasar ASN&nbsp;<strong>BerAKHLAK</strong>?</p>\\n<ul>\\n<li>pilih satu</li>\\n</ul>{',
      '\t=<p>Akuntabel</p>#<p>Benar&\\#33;</p>',
      '\t~<p>Birokratis &amp; kaku</p>#<p>Bukan &lt;nilai&gt; dasar</p>',
      '\t####<p>Lihat <a href\\="https\\://lan.go.id/berakhlak">modul 1</a>.</p>',
      '}',
    ].join('\n');
    expect(one(moodle)).toStrictEqual({
      ...base,
      type: 'single',
      stem: 'Manakah nilai dasar ASN BerAKHLAK?\n- pilih satu',
      feedback: 'Lihat modul 1 (https://lan.go.id/berakhlak).',
      options: [
        { text: 'Akuntabel', correct: true, feedback: 'Benar!' },
        { text: 'Birokratis & kaku', correct: false, feedback: 'Bukan <nilai> dasar' },
      ],
    });
  });

  it('converts matching prompts, multiple-response options and ordering items; keeps typed answers and matches', () => {
    const matching = one(
      '[html]<p>Pasangkan provinsi dengan ibu kotanya.</p>{\n=<p>Jawa <b>Barat</b></p> -> Bandung\n=<p>Bali</p> -> x < y & z\n}',
    );
    expect(matching).toMatchObject({
      stem: 'Pasangkan provinsi dengan ibu kotanya.',
      pairs: [
        { prompt: 'Jawa Barat', match: 'Bandung' },
        { prompt: 'Bali', match: 'x < y & z' },
      ],
    });
    const multiple = one('[html]<p>Pilih dua.</p>{~%50%<p>Satu</p> ~%50%<p>Dua</p> ~%-100%<p>Tiga</p>}');
    expect(multiple).toMatchObject({ options: [{ text: 'Satu' }, { text: 'Dua' }, { text: 'Tiga' }] });
    const ordering = one('// type: ordering\n[html]<p>Urutkan.</p>{=<p>Perencanaan</p> =<p>Pelaksanaan</p>}');
    expect(ordering).toMatchObject({ items: ['Perencanaan', 'Pelaksanaan'] });
    // A short answer is what the learner types: kept as written, as Moodle keeps it.
    const short = one(
      '[html]<p>Tag HTML untuk huruf tebal?</p>{=%100%<b>#<p>Benar</p> =%0%*#<img src\\="@@PLUGINFILE@@/x.png">}',
    );
    expect(short).toMatchObject({ stem: 'Tag HTML untuk huruf tebal?', answers: ['<b>'] });
  });

  it('makes a missing-word question, and keeps math for the TeX filter as typed', () => {
    expect(one('[html]<p>Ibu kota Indonesia adalah {=Jakarta ~Bandung} sejak 1945.</p>').stem).toBe(
      'Ibu kota Indonesia adalah _____ sejak 1945.',
    );
    expect(one('[html]<p>Hitung \\\\(x^2\\\\) bila $$x \\= \\\\frac\\{1\\}\\{2\\} &lt; 1$$</p>{#0.25}').stem).toBe(
      'Hitung \\(x^2\\) bila $$x = \\frac{1}{2} < 1$$',
    );
  });

  it('takes a text’s own marker over the question’s format', () => {
    expect(one('[html]<p>Soal</p>{=[moodle]a <b> ~[plain]&amp; ~<i>c</i> ~[markdown]**d**}').options).toEqual([
      { text: 'a <b>', correct: true },
      { text: '&amp;', correct: false },
      { text: 'c', correct: false },
      { text: '**d**', correct: false },
    ]);
    expect(one('Soal biasa {=[html]<p>a</p> ~b}').options).toEqual([
      { text: 'a', correct: true },
      { text: 'b', correct: false },
    ]);
  });

  it('keeps [markdown], [moodle], [plain] and unmarked text as written, marker dropped', () => {
    expect(one('[markdown]**Ibu kota** Indonesia? {=_Jakarta_ ~Bandung}')).toMatchObject({
      stem: '**Ibu kota** Indonesia?',
      options: [{ text: '_Jakarta_' }, { text: 'Bandung' }],
    });
    expect(one('[moodle]Apa fungsi tag <p>? {=paragraf ~gambar}').stem).toBe('Apa fungsi tag <p>?');
    expect(one('[plain]Tom &amp; Jerry? {T}').stem).toBe('Tom &amp; Jerry?');
    expect(one('Apakah a < b & <img> sama? {F}').stem).toBe('Apakah a < b & <img> sama?');
  });

  it('refuses a text with a picture or a Moodle file, naming the question', () => {
    const file = [
      '// question: 3  name: Peta Indonesia',
      '::Peta Indonesia::[html]<p>Pulau apa ini?</p><p><img src\\="@@PLUGINFILE@@/peta.png" alt\\="peta"></p>{=Jawa ~Bali}',
      '',
      '[html]<p>Pilih.</p>{=<img src\\="https\\://contoh.id/gambar/peta.png"> ~<p>b</p>}',
      '',
      '[markdown]Lihat ![peta](@@PLUGINFILE@@/peta.png) {T}',
      '',
      'Unduh @@PLUGINFILE@@/peta.png {T}',
      '',
      'Soal {=a ~b ####[html]<p>Lihat <a href\\="@@PLUGINFILE@@/peta.png">peta</a></p>}',
      '',
      '[html]<p>Baik?</p><img src\\="data\\:image/png;base64,AAAA"> {T}',
      '',
      'Baik? {T}',
    ].join('\n');
    const result = parseGift(file);
    expect(result.questions).toHaveLength(1);
    expect(result.errors).toEqual([
      { line: 2, title: 'Peta Indonesia', message: PICTURE },
      { line: 4, message: PICTURE },
      { line: 6, message: PICTURE },
      { line: 8, message: PICTURE },
      { line: 10, message: PICTURE },
      {
        line: 12,
        message:
          'images and files cannot be imported with GIFT: describe the picture in words, or leave the question out of the file',
      },
    ]);
  });

  it('exports the converted question with no format marker, and reads it back the same', () => {
    const moodle =
      '::Q1:: [html]<p>Ibu kota <b>Indonesia</b>?</p><ol><li>satu</li></ol>{=<p>Jakarta &amp; sekitarnya</p>#<p>Ya</p> ~<p>Bandung</p>####<p>Bab&nbsp;1</p>}';
    const { questions } = parseGift(moodle);
    expect(questions[0]).toMatchObject({ stem: 'Ibu kota Indonesia?\n1. satu', feedback: 'Bab 1' });
    const exported = toGift(questions);
    expect(exported).not.toMatch(/\[(html|moodle|markdown|plain)\]/);
    expect(parseGift(exported)).toStrictEqual({ questions, errors: [] });
  });
});

describe('essay points and rubric', () => {
  it("makes the documented essay (rubric 4 + 2, no points line) worth the rubric's 6 points", () => {
    const q = one(
      '// rubric: 4 | Ketepatan isi\n// rubric: 2 | Contoh dari tempat kerja\nJelaskan makna Bhinneka Tunggal Ika bagi pelayanan publik. {}',
    );
    expect(q.points).toBe(6);
    expect(toStored(q).points).toBe(6);
  });

  it('accepts points equal to the rubric total', () => {
    expect(one('// points: 6\n// rubric: 4 | Isi\n// rubric: 2 | Contoh\nJelaskan. {}').points).toBe(6);
  });

  it('refuses points that differ from the rubric total, at the line of the question', () => {
    const result = parseGift('Baik? {T}\n\n// points: 10\n// rubric: 4 | Isi\n// rubric: 2 | Contoh\nJelaskan. {}');
    expect(result.questions).toHaveLength(1);
    expect(result.errors).toEqual([
      { line: 6, message: "points: points (10) must equal the rubric's total (6), or be left out to take that total" },
    ]);
  });

  it('keeps an essay without a rubric at 1 point, or at its points line', () => {
    expect(one('Jelaskan. {}').points).toBe(1);
    expect(one('// points: 5\nJelaskan. {}').points).toBe(5);
  });

  it('exports a rubric essay without a points line and reads it back the same', () => {
    const q = canonicalQuestion({ type: 'essay', stem: 'Jelaskan.', rubric: [{ criterion: 'Isi', points: 4 }] });
    expect(q.points).toBe(4);
    expect(toGift([q])).not.toContain('// points');
    expect(parseGift(toGift([q])).questions).toStrictEqual([q]);
  });
});

describe("Moodle's short-answer wildcard and %0% answers", () => {
  it('keeps * in an accepted answer (a wildcard, scored as Moodle does)', () => {
    const q = one('Presiden pertama? {=%100%Soekarno*# =Bung Karno}');
    expect(q).toMatchObject({ type: 'short', answers: ['Soekarno*', 'Bung Karno'] });
    expect(questionProblems(q)).toEqual([]);
    expect(grade(toStored(q).key, 'Soekarno').fraction).toBe(1);
    expect(grade(toStored(q).key, 'soekarno hatta').fraction).toBe(1);
    expect(grade(toStored(q).key, 'Hatta').fraction).toBe(0);
  });

  it('keeps an escaped \\* as a literal star', () => {
    const q = one('Operator kali di Excel? {=\\*}');
    expect(q).toMatchObject({ answers: ['\\*'] });
    expect(grade(toStored(q).key, '*').fraction).toBe(1);
    expect(grade(toStored(q).key, 'x').fraction).toBe(0);
  });

  it("drops Moodle's =%0%* catch-all and its feedback (anything not accepted scores 0)", () => {
    const moodle = [
      '// question: 12  name: presiden',
      '::presiden::[html]Presiden pertama RI? {',
      '\t=%100%Soekarno#Benar',
      '\t=%100%Sukarno#Benar',
      '\t=%0%*#Salah',
      '}',
    ].join('\n');
    const q = one(moodle);
    expect(q).toMatchObject({ type: 'short', answers: ['Soekarno', 'Sukarno'], feedback: null });
    expect(grade(toStored(q).key, 'Hatta').fraction).toBe(0);
  });

  it('drops a %0% answer listed after the accepted ones', () => {
    expect(one('Soal {=Jakarta =%0%Bandung#Bukan}')).toMatchObject({ answers: ['Jakarta'] });
  });

  it('keeps a %0% answer before an accepted one that does not accept it', () => {
    expect(one('Soal {=%0%Hatta =Soekarno*}')).toMatchObject({ answers: ['Soekarno*'] });
  });

  it.each([
    ['a %0% answer an accepted answer after it also accepts', 'Soal {=%0%Soekarno Hatta =Soekarno*}'],
    ['the same, by case', 'Soal {=%0%SOEKARNO =soekarno}'],
    ['a %0% wildcard before an accepted answer', 'Soal {=%0%* =Soekarno}'],
  ])('refuses %s (Moodle would score it 0 by the earlier line)', (_label, text) => {
    const result = parseGift(text);
    expect(result.questions).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, message: expect.stringContaining('remove the %0% line') }]);
  });

  it.each([
    ['only a %0% answer', 'Soal {=%0%*#Salah}', 'answers: give at least one accepted answer'],
    ['an accepted * alone', 'Soal {=*}', 'would accept any answer'],
    ['a %50% answer', 'Soal {=a =%50%b}', 'partial credit'],
    ['%0% in an ordering question', '// type: ordering\nSoal {=a =b =%0%c}', 'partial credit'],
  ])('refuses %s', (_label, text, message) => {
    const result = parseGift(text);
    expect(result.questions).toEqual([]);
    expect(result.errors[0].message).toContain(message);
  });

  it('exports a wildcard and a literal star so that they come back the same', () => {
    const q = canonicalQuestion({ type: 'short', stem: 'Soal', answers: ['Soekarno*', '2 \\* 3'] });
    expect(parseGift(toGift([q])).questions).toStrictEqual([q]);
  });
});

describe('Moodle exports: nothing lost without a message', () => {
  it('refuses a question Moodle wrote as its name alone (Cloze, calculated…), by name and line', () => {
    const moodle = [
      '// question: 40  name: ibu kota',
      '::ibu kota::Ibu kota? {=Jakarta ~Bandung}',
      '',
      '// question: 41  name: Hitung pajak',
      '',
      'Baik? {T}',
    ].join('\n');
    const result = parseGiftFile(moodle);
    expect(result.questions.map((q) => q.stem)).toEqual(['Ibu kota?', 'Baik?']);
    expect(result.origins).toEqual([{ line: 2, title: 'ibu kota' }, { line: 6 }]);
    expect(result.errors).toEqual([
      { line: 4, title: 'Hitung pajak', message: expect.stringContaining('cannot be carried by GIFT') },
    ]);
  });

  it('keeps ordinary comment blocks silent', () => {
    expect(parseGift('// catatan untuk penulis soal\n\nBaik? {T}')).toMatchObject({ errors: [] });
  });

  it('reports, not drops, what follows a $CATEGORY line directly (no blank line)', () => {
    const moodle = [
      '// question: 0  name: Switch category to $course$/top/Default',
      '$CATEGORY: $course$/top/Default',
      '// question: 7  name: ibu kota',
      '::ibu kota::Ibu kota? {=Jakarta ~Bandung}',
      'Sesudah tanpa baris kosong? {T}',
    ].join('\n');
    const result = parseGiftFile(moodle);
    expect(result.errors).toEqual([
      { line: 4, title: 'ibu kota', message: expect.stringContaining('only one answer') },
    ]);
  });

  it('reads a question directly under a $CATEGORY line, and one directly over it', () => {
    const result = parseGiftFile('Di atas? {T}\n$CATEGORY: a\n::judul::Di bawah? {F}');
    expect(result.errors).toEqual([]);
    expect(result.questions.map((q) => q.stem)).toEqual(['Di atas?', 'Di bawah?']);
    expect(result.origins).toEqual([{ line: 1 }, { line: 3, title: 'judul' }]);
  });

  it('names the ::title:: of a question with an error', () => {
    expect(parseGift('::Soal pajak::Berapa? {#tiga}').errors).toEqual([
      { line: 1, title: 'Soal pajak', message: expect.stringContaining('not a numeric answer') },
    ]);
  });
});

describe('errors', () => {
  const file = [
    'Baik satu? {T}', // 1
    '', // 2
    'Tanpa blok jawaban', // 3
    '', // 4
    '// difficulty: hard', // 5
    'Kurung tidak ditutup {=a ~b', // 6
    '', // 7
    'Dua benar? {=a =b ~c}', // 8
    '', // 9
    'Baik dua? {=ya ~tidak}', // 10
    '', // 11
    '// komentar', // 12
    'Satu pilihan saja {=a}', // 13  (short answer: fine)
    '', // 14
    'Hanya satu opsi {=a ~a}', // 15  (questionProblems: options differ)
    '', // 16
    'Bobot tidak sama {~%70%a ~%30%b ~c}', // 17
    '', // 18
    'Angka {#tiga}', // 19
    '', // 20
    '// difficulty: sulit', // 21
    'Tingkat tidak dikenal {T}', // 22
    '', // 23
    '// points: 2', // 24
    '', // 25
    'Metadata tertinggal di atas {T}', // 26
    '', // 27
    '{T}', // 28  (empty stem)
    '', // 29
    'Baik tiga? {#42}', // 30
  ].join('\n');

  it('reports each bad question at its first line and imports the rest', () => {
    const result = parseGift(file);
    expect(result.questions.map((q) => q.stem)).toEqual([
      'Baik satu?',
      'Baik dua?',
      'Satu pilihan saja',
      'Metadata tertinggal di atas',
      'Baik tiga?',
    ]);
    expect(result.errors).toEqual([
      { line: 3, message: expect.stringContaining('no answer block') },
      { line: 6, message: expect.stringContaining('not closed') },
      { line: 8, message: expect.stringContaining('use ~%n% weights for multiple response') },
      { line: 15, message: 'options: options must differ from each other' },
      { line: 17, message: expect.stringContaining('equal weights') },
      { line: 19, message: expect.stringContaining('not a numeric answer') },
      { line: 22, message: expect.stringContaining('difficulty: sulit') },
      { line: 24, message: expect.stringContaining('directly followed by their question') },
      { line: 28, message: 'stem: stem must not be empty' },
    ]);
  });

  it.each([
    ['unmatched }', 'Soal } x {T}', '"}" without an opening "{"'],
    ['two answer blocks', 'Soal {T} dan {F}', 'only one answer block'],
    ['nested brace', 'Soal {=a {b} ~c}', '"{" inside the answer block'],
    ['unclosed title', '::Judul Soal {T}', 'title ::…:: is not closed'],
    ['text before the first answer', 'Soal {a =b ~c}', 'start each answer with "="'],
    ['weight in single choice', 'Soal {=a ~%-50%b}', 'single choice is right or wrong'],
    ['weight out of range', 'Soal {~%150%a ~b}', 'outside -100..100'],
    ['multiple with nothing correct', 'Soal {~a ~b}', 'options: at least one option must be correct'],
    ['partial credit short answer', 'Soal {=%50%a =b}', 'partial credit'],
    ['two numeric answers', 'Soal {#=1 =2}', 'one answer'],
    ['backwards range', 'Soal {#5..1}', 'starts above its end'],
    ['decimal comma', 'Soal {#3,5}', 'use a dot'],
    ['matching entry without arrow', 'Soal {=a -> 1 =b}', 'prompt -> match'],
    ['matching with one pair', 'Soal {=a -> 1}', 'pairs: matching needs 2'],
    ['ordering with one item', '// type: ordering\nSoal {=a}', 'items: ordering needs 2'],
    ['ordering of choices', '// type: ordering\nSoal {=a ~b}', '"// type: ordering" but the answer block is a single'],
    ['type assertion mismatch', '// type: essay\nSoal {T}', 'answer block is a true_false'],
    ['unknown type', '// type: cloze\nSoal {T}', 'not one of single, multiple'],
    ['scoring on a single choice', '// scoring: all_or_nothing\nSoal {=a ~b}', 'only to multiple-response'],
    ['case-sensitive on true/false', '// case-sensitive: true\nSoal {T}', 'only to short-answer'],
    ['rubric on a choice question', '// rubric: 2 | Isi\nSoal {=a ~b}', 'only to essay'],
    ['rubric without criterion', '// rubric: 2\nSoal {}', '<points> | <criterion>'],
    ['rubric of 0 points', '// rubric: 0 | Isi\nSoal {}', 'rubric.0.points'],
    ['points not a number', '// points: dua\nSoal {T}', 'not a number'],
    ['points out of range', '// points: 250\nSoal {T}', 'points: points must be between'],
    ['duplicate metadata', '// points: 1\n// points: 2\nSoal {T}', 'given twice'],
    ['empty competency', '// competency:\nSoal {T}', 'needs a competency code'],
    ['metadata after the question text', 'Soal {\n// points: 2\nT}', 'must come before the question text'],
    ['category with metadata', '// points: 2\n$CATEGORY: x', '$CATEGORY'],
  ])('%s', (_label, text, message) => {
    const result = parseGift(text);
    expect(result.questions).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toContain(message);
  });

  it('reports the line after leading comments, counted in the original file', () => {
    expect(parseGift('A? {T}\n\n// komentar\n// difficulty: easy\n\nrusak').errors.map((e) => e.line)).toEqual([3, 6]);
    expect(parseGift('\r\n\r\n// x\r\nrusak {=a =b ~c}').errors).toEqual([{ line: 4, message: expect.any(String) }]);
  });
});

describe('large files', () => {
  it('parses a 1,000-question file', () => {
    const types = samples.map(([, q]) => q);
    const qs = Array.from({ length: 1000 }, (_, i) => {
      const q = types[i % types.length];
      return canonicalQuestion({ ...q, stem: `Soal nomor ${i + 1}: ${q.stem}` });
    });
    const text = toGift(qs);
    const started = Date.now();
    const result = parseGift(text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.errors).toEqual([]);
    expect(result.questions).toHaveLength(1000);
    expect(result.questions).toStrictEqual(qs);
  });

  it('reports the right line deep in a hand-written 1,000-question file', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => (i === 876 ? 'Soal rusak' : `Soal ${i + 1}? {=benar ~salah}`));
    const result = parseGift(lines.join('\n\n'));
    expect(result.questions).toHaveLength(999);
    expect(result.errors).toEqual([{ line: 876 * 2 + 1, message: expect.stringContaining('no answer block') }]);
  });
});
