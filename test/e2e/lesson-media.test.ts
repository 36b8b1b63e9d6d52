import { createTestApp, givenUnit, givenRegions, givenUser, GivenUser, TestApp } from '../../libs/testing';

// A few KB that start like an MP4 file (ftyp box): the type is decided by these bytes.
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(4096, 7)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

describe('catalog: lesson files are checked by content and served safely, with ranges', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let learner: GivenUser;
  let courseId: string;
  let videoLessonId: string;
  let documentLessonId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '75.71');
    instructor = await givenUser(t, { role: 'instructor', unitId: unit.id });
    learner = await givenUser(t, { unitId: unit.id });
    const course = await t
      .http()
      .post('/api/catalog/courses')
      .set('authorization', instructor.auth)
      .send({
        title: 'Video Pelayanan',
        summary: 'Dengan video dan dokumen.',
        jp: 1,
        competencies: [{ code: 'M.05', level: 1 }],
        audience: { everyone: true },
        enrolmentMode: 'self',
      });
    courseId = course.body.courseId;
    const section = await t
      .http()
      .post(`/api/catalog/courses/${courseId}/modules`)
      .set('authorization', instructor.auth)
      .send({ title: 'Modul' });
    const add = (body: object) =>
      t
        .http()
        .post(`/api/catalog/courses/${courseId}/modules/${section.body.id}/lessons`)
        .set('authorization', instructor.auth)
        .send(body);
    videoLessonId = (await add({ title: 'Video', kind: 'video' })).body.id;
    documentLessonId = (await add({ title: 'Dokumen', kind: 'document' })).body.id;
  });
  afterAll(() => t.close());

  const upload = (lessonId: string, content: Buffer, filename: string) =>
    t
      .http()
      .post(`/api/catalog/courses/${courseId}/lessons/${lessonId}/media`)
      .set('authorization', instructor.auth)
      .attach('file', content, { filename, contentType: 'application/octet-stream' });

  it('refuses a file whose bytes are not of the lesson’s kind, whatever its name says', async () => {
    const html = await upload(videoLessonId, Buffer.from('<html><script>alert(1)</script></html>'), 'video.mp4');
    expect(html.status).toBe(422);
    expect(html.body.details.fields).toEqual([expect.objectContaining({ field: 'file', rule: 'file_type' })]);
    const pdfAsVideo = await upload(videoLessonId, PDF, 'video.mp4');
    expect(pdfAsVideo.status).toBe(422);
    const missing = await t
      .http()
      .post(`/api/catalog/courses/${courseId}/lessons/${videoLessonId}/media`)
      .set('authorization', instructor.auth)
      .field('x', 'y');
    expect(missing.status).toBe(400);
  });

  it('stores a video under a random name and lets the learner stream it in ranges', async () => {
    const res = await upload(videoLessonId, MP4, 'Materi Pelayanan Ö.mp4');
    expect(res.status).toBe(201);
    expect(res.body.media).toMatchObject({ mime: 'video/mp4', size: MP4.length });
    expect((await upload(documentLessonId, PDF, 'Panduan.pdf')).status).toBe(201);
    expect(
      (await t.http().post(`/api/catalog/courses/${courseId}/publish`).set('authorization', instructor.auth)).status,
    ).toBe(200);
    await t.http().post(`/api/learning/courses/${courseId}/enrolment`).set('authorization', learner.auth);

    const url = `/api/learning/courses/${courseId}/lessons/${videoLessonId}/media`;
    const whole = await t
      .http()
      .get(url)
      .set('authorization', learner.auth)
      .buffer(true)
      .parse(binary as never);
    expect(whole.status).toBe(200);
    expect(whole.headers).toMatchObject({
      'content-type': 'video/mp4',
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
      'content-length': String(MP4.length),
    });
    expect(whole.headers['content-disposition']).toBe(
      `inline; filename="Materi Pelayanan _.mp4"; filename*=UTF-8''Materi%20Pelayanan%20%C3%96.mp4`,
    );
    expect(Buffer.compare(whole.body as Buffer, MP4)).toBe(0);

    const part = await t
      .http()
      .get(url)
      .set('authorization', learner.auth)
      .set('range', 'bytes=100-199')
      .buffer(true)
      .parse(binary as never);
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${MP4.length}`);
    expect(Buffer.compare(part.body as Buffer, MP4.subarray(100, 200))).toBe(0);

    const beyond = await t.http().get(url).set('authorization', learner.auth).set('range', `bytes=${MP4.length}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${MP4.length}`);

    const outsider = await givenUser(t);
    expect((await t.http().get(url).set('authorization', outsider.auth)).status).toBe(404);
  });

  it('takes a PNG as cover and refuses anything else', async () => {
    const cover = (content: Buffer) =>
      t
        .http()
        .post(`/api/catalog/courses/${courseId}/cover`)
        .set('authorization', instructor.auth)
        .attach('file', content, { filename: 'cover.png', contentType: 'image/png' });
    expect((await cover(PDF)).status).toBe(422);
    expect((await cover(PNG)).status).toBe(204);
    const tooBig = await cover(Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.details.fields).toEqual([expect.objectContaining({ field: 'file', rule: 'max_size' })]);
  });
});

function binary(
  res: NodeJS.ReadableStream & { setEncoding(e: string): void },
  done: (err: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
