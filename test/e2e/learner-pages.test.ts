import {
  browserAgent,
  BrowserAgent,
  createTestApp,
  csrfOf,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

describe('the learner’s pages', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '75.71')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());

  async function signedIn(lang?: 'en') {
    const learner = await givenUser(t, { unitId });
    const agent = browserAgent(t);
    if (lang) await agent.get('/bahasa?ke=en&next=/masuk');
    await signInThroughPages(agent, learner.username, learner.password);
    return { learner, agent };
  }

  it('searches the catalogue, enrols, learns every lesson and sees the JP on the ledger and home page', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, {
      title: 'Literasi Digital ASN',
      jp: 2.5,
      competencies: [{ code: 'M.08', level: 2 }],
      inOrder: true,
    });
    const { agent } = await signedIn();
    const catalogue = await agent.get('/katalog?q=Literasi+Digital&pillar=manajerial');
    expect(catalogue.status).toBe(200);
    expect(catalogue.text).toContain('Katalog kursus');
    expect(catalogue.text).toContain(`href="/kursus/${course.courseId}"`);
    expect(Buffer.byteLength(catalogue.text)).toBeLessThan(100 * 1024);

    const page = await agent.get(`/kursus/${course.courseId}`);
    expect(page.text).toContain('Daftar kursus');
    const enrol = await agent
      .post(`/kursus/${course.courseId}/daftar`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(enrol.status).toBe(303);
    const enrolled = await agent.get(`/kursus/${course.courseId}`);
    expect(enrolled.text).toContain('Anda terdaftar di kursus ini.');
    expect(enrolled.text).toContain('terkunci');
    expect(enrolled.text).toContain('Mulai belajar');

    const first = await agent.get(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[0]}`);
    expect(first.text).toContain('<p>Isi pelajaran 1</p>');
    const done1 = await agent
      .post(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[0]}/selesai`)
      .type('form')
      .send({ _csrf: csrfOf(first.text) });
    expect(done1.headers.location).toBe(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[1]}`);
    const second = await agent.get(done1.headers.location);
    const done2 = await agent
      .post(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[1]}/selesai`)
      .type('form')
      .send({ _csrf: csrfOf(second.text) });
    const finished = await agent.get(done2.headers.location);
    expect(finished.text).toContain('Selamat! Kursus selesai dan 2,5 JP tercatat di JP Anda tahun ini.');

    const ledger = await agent.get('/jp');
    expect(ledger.text).toContain('2,5 dari 20 JP');
    expect(ledger.text).toContain('Literasi Digital ASN');
    expect(ledger.text).toContain('value="12"');
    const home = await agent.get('/beranda');
    expect(home.text).toContain('2,5 dari 20 JP');
    expect(home.text).toContain('M.08');
  });

  it('refuses a lesson form without its CSRF token, and a locked lesson with a page, not JSON', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { inOrder: true });
    const { agent } = await signedIn();
    const page = await agent.get(`/kursus/${course.courseId}`);
    await agent
      .post(`/kursus/${course.courseId}/daftar`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    const forged = await agent
      .post(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[0]}/selesai`)
      .type('form')
      .send({});
    expect(forged.status).toBe(403);
    const locked = await agent.get(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[1]}`);
    expect(locked.status).toBe(409);
    expect(locked.headers['content-type']).toContain('text/html');
  });

  /** Posts the external-activity form (fields and an evidence file), as the page's browser would. */
  const evidenceFormOf = async (agent: BrowserAgent) => {
    const token = encodeURIComponent(csrfOf((await agent.get('/kegiatan-luar')).text));
    return (fields: Record<string, string>, file: Buffer) => {
      const req = agent.post(`/kegiatan-luar?_csrf=${token}`);
      for (const [k, v] of Object.entries(fields)) req.field(k, v);
      return req.attach('file', file, { filename: 'sertifikat.pdf', contentType: 'application/pdf' });
    };
  };

  it('records an external activity with its evidence through the form', async () => {
    const { agent } = await signedIn();
    expect((await agent.get('/kegiatan-luar')).text).toContain('Kegiatan pengembangan di luar Bina');
    const post = await evidenceFormOf(agent);
    const fields = {
      formCode: 'workshop',
      title: 'Lokakarya SPBE',
      organiser: 'Diskominfo',
      startDate: '2026-09-01',
      endDate: '2026-09-02',
      days: '2',
    };
    const bad = await post({ ...fields, endDate: '2026-08-01' }, Buffer.from('%PDF-1.4\n'));
    expect(bad.status).toBe(422);
    // In the learner's language, by the field's label (the API says "endDate must not be before startDate").
    expect(bad.text).toContain('Tanggal selesai tidak boleh sebelum tanggal mulai.');
    expect(bad.text).not.toContain('must not be before');
    expect(bad.text).toContain('value="Lokakarya SPBE"');
    const ok = await post(fields, Buffer.from('%PDF-1.4\n'));
    expect(ok.status).toBe(303);
    const list = await agent.get(ok.headers.location);
    expect(list.text).toContain('Kegiatan diajukan.');
    expect(list.text).toContain('Lokakarya SPBE');
    expect(list.text).toContain('Menunggu verifikasi');
  });

  it('resumes a video where it was left: the page saves the position through the API with its CSRF token', async () => {
    const created = await t
      .http()
      .post('/api/catalog/courses')
      .set('authorization', instructor.auth)
      .send({
        title: 'Video Uji',
        summary: '-',
        jp: 1,
        competencies: [{ code: 'M.01', level: 1 }],
        audience: { everyone: true },
        enrolmentMode: 'self',
      });
    const courseId = created.body.courseId;
    const section = await t
      .http()
      .post(`/api/catalog/courses/${courseId}/modules`)
      .set('authorization', instructor.auth)
      .send({ title: 'M' });
    const lesson = await t
      .http()
      .post(`/api/catalog/courses/${courseId}/modules/${section.body.id}/lessons`)
      .set('authorization', instructor.auth)
      .send({ title: 'Video', kind: 'video' });
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(256)]);
    await t
      .http()
      .post(`/api/catalog/courses/${courseId}/lessons/${lesson.body.id}/media`)
      .set('authorization', instructor.auth)
      .attach('file', mp4, { filename: 'v.mp4', contentType: 'video/mp4' });
    await t.http().post(`/api/catalog/courses/${courseId}/publish`).set('authorization', instructor.auth);

    const { agent } = await signedIn();
    const page = await agent.get(`/kursus/${courseId}`);
    await agent
      .post(`/kursus/${courseId}/daftar`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    const first = await agent.get(`/kursus/${courseId}/pelajaran/${lesson.body.id}`);
    expect(first.text).toContain('data-position="0"');
    expect(first.text).toContain('<script src="/assets/lesson.js" defer></script>');
    const url = `/api/learning/courses/${courseId}/lessons/${lesson.body.id}/position`;
    const token = /data-csrf="([^"]+)"/.exec(first.text)![1];
    expect((await agent.put(url).send({ seconds: 95 })).status).toBe(403);
    expect((await agent.put(url).set('x-csrf-token', token).send({ seconds: 95 })).status).toBe(200);
    const again = await agent.get(`/kursus/${courseId}/pelajaran/${lesson.body.id}`);
    expect(again.text).toContain('data-position="95"');
    expect((await agent.get('/assets/lesson.js')).status).toBe(200);
  });

  it('shows the next lesson of an in-order course as locked until this one is done, not a link to the error page', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { inOrder: true });
    const { agent } = await signedIn();
    const page = await agent.get(`/kursus/${course.courseId}`);
    await agent
      .post(`/kursus/${course.courseId}/daftar`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    const first = await agent.get(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[0]}`);
    expect(first.text).not.toContain(`href="/kursus/${course.courseId}/pelajaran/${course.lessonIds[1]}"`);
    expect(first.text).toContain('Selesaikan pelajaran ini dulu untuk membuka pelajaran berikutnya: Pelajaran 2.');
    const done = await agent
      .post(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[0]}/selesai`)
      .type('form')
      .send({ _csrf: csrfOf(first.text) });
    expect(done.headers.location).toBe(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[1]}`);
    const again = await agent.get(`/kursus/${course.courseId}/pelajaran/${course.lessonIds[0]}`);
    expect(again.text).toContain(`href="/kursus/${course.courseId}/pelajaran/${course.lessonIds[1]}"`);
    expect(again.text).not.toContain('Selesaikan pelajaran ini dulu');
  });

  it('says enrolment is closed once the deadline has passed, on the page and after a late post', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { deadline: '2020-06-30' });
    const { agent } = await signedIn();
    const page = await agent.get(`/kursus/${course.courseId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Pendaftaran ditutup: batas waktu pendaftaran kursus ini sudah lewat.');
    expect(page.text).not.toContain('Daftar kursus');
    // A page loaded before the deadline and sent after it: back on the course page, in words.
    const late = await agent
      .post(`/kursus/${course.courseId}/daftar`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(late.status).toBe(409);
    expect(late.text).toContain('Pendaftaran Anda tidak dapat diproses karena batas waktunya sudah lewat.');
    expect(late.text).not.toContain('Kode permintaan');
    // One message, not the refusal and the page's own "closed" line together; and no button.
    expect(late.text).not.toContain('Pendaftaran ditutup');
    expect(late.text.match(/id="pendaftaran-ditutup"/g)).toHaveLength(1);
    expect(late.text).not.toContain(`action="/kursus/${course.courseId}/daftar"`);
  });

  it('keeps what was typed when the evidence is refused, and names every problem in Indonesian', async () => {
    const { agent } = await signedIn();
    const post = await evidenceFormOf(agent);
    const fields = {
      formCode: 'workshop',
      title: 'Bimtek Arsip Digital',
      organiser: 'ANRI',
      startDate: '2026-09-01',
      endDate: '2026-09-02',
      days: '2',
    };
    const large = await post(fields, Buffer.alloc(10 * 1024 * 1024 + 1, 0x25));
    expect(large.status).toBe(422);
    expect(large.text).toContain('Berkas tidak boleh lebih besar dari 10 MB.');
    expect(large.text).toContain('value="Bimtek Arsip Digital"');
    expect(large.text).toContain('value="ANRI"');
    expect(large.text).toContain('value="2026-09-02"');
    const notPdf = await post(fields, Buffer.from('bukan PDF'));
    expect(notPdf.status).toBe(422);
    expect(notPdf.text).toContain('Berkas harus berupa PDF atau gambar (PNG, JPEG, WebP).');
    // A training counts by its programme's JP: without them the field is named by its label.
    const { days: _days, ...training } = fields;
    const noJp = await post({ ...training, formCode: 'pelatihan_teknis' }, Buffer.from('%PDF-1.4\n'));
    expect(noJp.status).toBe(422);
    expect(noJp.text).toContain('JP program wajib diisi.');
    expect(noJp.text).not.toContain('programmeJp is needed');
  });

  it('speaks English when the learner chose it', async () => {
    const { agent } = await signedIn('en');
    const catalogue = await agent.get('/katalog');
    expect(catalogue.text).toContain('Course catalogue');
    const ledger = await agent.get('/jp');
    expect(ledger.text).toContain('of 20 JP');
  });
});
