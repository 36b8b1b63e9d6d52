import {
  asUser,
  browserAgent,
  createTestApp,
  csrfOf,
  givenDraftCourse,
  givenInstructorOfUnit,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

/** Moving a Moodle bank in through GIFT: nothing garbled, nothing lost, nothing half-imported. */
describe('GIFT import of a migrated bank', () => {
  let t: TestApp;
  let instructor: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    ({ instructor } = await givenInstructorOfUnit(t));
  });
  afterAll(() => t.close());

  const bankOf = async (title: string) => {
    const { courseId } = await givenDraftCourse(t, instructor.auth, { title });
    const url = `/api/assessment/courses/${courseId}/questions`;
    const upload = (bytes: Buffer) =>
      asUser(t, instructor)
        .post(`${url}/import`)
        .attach('file', bytes, { filename: 'bank.gift.txt', contentType: 'text/plain' });
    const total = async () => (await asUser(t, instructor).get(url)).body.total as number;
    return { courseId, url, upload, total };
  };

  // “Kutipan” in Windows-1252: the curly quotes are the single bytes 0x93 and 0x94.
  const cp1252 = Buffer.concat([
    Buffer.from('Apa arti '),
    Buffer.from([0x93]),
    Buffer.from('ASN'),
    Buffer.from([0x94]),
    Buffer.from('? {=Aparatur Sipil Negara ~Aparat Sipil Nasional}\n'),
  ]);

  it('refuses a file that is not UTF-8 with 422, and takes UTF-8 with or without a BOM', async () => {
    const bank = await bankOf('Bank Berkas');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Baik? {T}\n', 'utf16le')]);
    const utf16NoBom = Buffer.from('Baik? {T}\n', 'utf16le');
    for (const bytes of [cp1252, utf16, utf16NoBom]) {
      const refused = await bank.upload(bytes);
      expect(refused.status).toBe(422);
      expect(refused.body.message).toBe('The file is not UTF-8 text: save it as UTF-8');
      expect(refused.body.details.fields).toEqual([
        { field: 'file', rule: 'utf8', message: 'The file is not UTF-8 text: save it as UTF-8' },
      ]);
    }
    expect(await bank.total()).toBe(0);

    const quoted = 'Apa arti “ASN”? {=Aparatur Sipil Negara ~Aparat Sipil Nasional}\n';
    expect((await bank.upload(Buffer.from(quoted))).status).toBe(201);
    expect((await bank.upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(quoted)]))).status).toBe(201);
    const items = (await asUser(t, instructor).get(bank.url)).body.items as Array<{ stem: string }>;
    expect(items.map((q) => q.stem)).toEqual(['Apa arti “ASN”?', 'Apa arti “ASN”?']);
  });

  it('refuses a text over the form’s limit at its line, and stores one at the limit', async () => {
    const bank = await bankOf('Bank Panjang');
    const image = `<img src="data:image/png;base64,${'A'.repeat(12_000)}">`;
    const refused = await bank.upload(Buffer.from(`Baik? {T}\n\n::Peta::Lihat peta ${image} {T}\n`));
    expect(refused.status).toBe(422);
    expect(refused.body.details.fields).toEqual([
      {
        field: 'line 3',
        rule: 'gift',
        message: expect.stringMatching(/^"Peta": stem: stem must be at most 10,000 characters/),
      },
    ]);
    expect(await bank.total()).toBe(0);

    // 10,000 characters of four bytes each still fit the stem's column (MySQL TEXT is 64 KB).
    const atLimit = `${'🙂'.repeat(9_993)} benar? {T}`;
    const stored = await bank.upload(Buffer.from(atLimit));
    expect(stored.status).toBe(201);
    const items = (await asUser(t, instructor).get(bank.url)).body.items as Array<{ id: string; stem: string }>;
    expect([...items[0].stem]).toHaveLength(10_000);
    // …and the form takes it back unchanged.
    const again = await asUser(t, instructor).put(`${bank.url}/${items[0].id}`, {
      type: 'true_false',
      stem: items[0].stem,
      correct: true,
    });
    expect(again.status).toBe(200);
  });

  it('names the line and title of every problem of a Moodle export, and imports none of it', async () => {
    const bank = await bankOf('Bank Moodle');
    const moodle = [
      '// question: 0  name: Switch category to $course$/top/Default',
      '$CATEGORY: $course$/top/Default',
      '// question: 7  name: presiden',
      '::presiden::Presiden pertama RI? {=%100%Soekarno* =%0%*#Salah}',
      '',
      '// question: 41  name: Hitung pajak',
      '',
      '// competency: ZZ.99',
      '::Kompetensi asing::Baik? {T}',
      '',
    ].join('\n');
    const refused = await bank.upload(Buffer.from(moodle));
    expect(refused.status).toBe(422);
    expect(refused.body.details.fields).toEqual([
      {
        field: 'line 6',
        rule: 'gift',
        message: expect.stringMatching(/^"Hitung pajak": this question type cannot be carried by GIFT/),
      },
      {
        field: 'line 9: competencyCode',
        rule: 'known_competency',
        message: '"Kompetensi asing": competency ZZ.99 is not in the dictionary',
      },
    ]);
    expect(await bank.total()).toBe(0);

    const fixed = moodle.replace('// question: 41  name: Hitung pajak\n\n', '').replace('// competency: ZZ.99\n', '');
    const imported = await bank.upload(Buffer.from(fixed));
    expect(imported.body).toEqual({ imported: 2 });
    const items = (await asUser(t, instructor).get(bank.url)).body.items as Array<Record<string, unknown>>;
    // The question under the $CATEGORY line is kept, its wildcard too; the %0% catch-all is dropped.
    expect(items[0]).toMatchObject({ stem: 'Presiden pertama RI?', answers: ['Soekarno*'] });
  });

  it('makes an essay with a rubric worth the rubric’s total', async () => {
    const bank = await bankOf('Bank Esai');
    const essay = '// rubric: 4 | Ketepatan isi\n// rubric: 2 | Contoh dari tempat kerja\nJelaskan. {}\n';
    expect((await bank.upload(Buffer.from(essay))).status).toBe(201);
    const items = (await asUser(t, instructor).get(bank.url)).body.items as Array<{ points: number }>;
    expect(items[0].points).toBe(6);
    const mismatch = await asUser(t, instructor).post(bank.url, {
      type: 'essay',
      stem: 'Jelaskan lagi.',
      points: 1,
      rubric: [{ criterion: 'Isi', points: 4 }],
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.details.fields).toEqual([expect.objectContaining({ field: 'points', rule: 'rubric_total' })]);
  });

  it('says on the page, in Indonesian, that a file is not UTF-8', async () => {
    const bank = await bankOf('Bank Halaman');
    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const page = await agent.get(`/pengajar/kursus/${bank.courseId}/kuis`);
    const refused = await agent
      .post(`/pengajar/kursus/${bank.courseId}/kuis/berkas-soal?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
      .attach('file', cp1252, { filename: 'bank.gift.txt', contentType: 'text/plain' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Berkas: bukan teks UTF-8. Simpan berkasnya sebagai UTF-8');
    expect(refused.text).not.toContain('\uFFFD');
    expect(await bank.total()).toBe(0);
  });
});
