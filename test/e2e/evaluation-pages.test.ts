import { Clock } from '../../libs/common';
import {
  asUser,
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
import { CourseEvaluation, FollowUpSurvey } from '../../src/modules/development-plans/evaluation/entities';
import { FollowUpScheduler } from '../../src/modules/development-plans/evaluation/follow-up/follow-up.scheduler';
import { Enrolment } from '../../src/modules/learning/entities';

const DAY = 86_400_000;

/** The evaluation pages as people use them: without script, on plain forms, in Bahasa Indonesia. */
describe('evaluation pages', () => {
  let t: TestApp;
  let unitId: string;
  let instructor: GivenUser;
  let now: Date;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74', 'training_unit')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    now = new Date('2026-03-02T03:00:00Z');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterEach(() => jest.restoreAllMocks());

  async function signedIn(who: GivenUser): Promise<BrowserAgent> {
    const agent = browserAgent(t);
    expect((await signInThroughPages(agent, who.username, who.password)).status).toBe(303);
    return agent;
  }
  const post = async (agent: BrowserAgent, url: string, fields: Record<string, string>) => {
    const form = await agent.get(url);
    return agent
      .post(url)
      .type('form')
      .send({ _csrf: csrfOf(form.text), ...fields });
  };
  async function complete(learner: GivenUser, course: { courseId: string; lessonIds: string[] }) {
    const as = asUser(t, learner);
    await as.post(`/api/learning/courses/${course.courseId}/enrolment`);
    for (const id of course.lessonIds)
      await as.post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`);
    await t.drain();
    const e = await t.dataSource
      .getRepository(Enrolment)
      .findOneByOrFail({ userId: learner.user.id, courseId: course.courseId });
    return t.dataSource.getRepository(CourseEvaluation).findOneByOrFail({ enrolmentId: e.id });
  }

  it('brings the questionnaire to the learner through a notification and takes one answer', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Tata Naskah Dinas' });
    const learner = await givenUser(t, { unitId });
    const evaluation = await complete(learner, course);
    const agent = await signedIn(learner);

    const inbox = await agent.get('/notifikasi');
    expect(inbox.text).toContain('Bagaimana kursus &quot;Tata Naskah Dinas&quot;?');
    const mine = await agent.get('/survei');
    expect(mine.status).toBe(200);
    expect(mine.text).toContain(`href="/survei/kursus/${evaluation.id}"`);
    expect(mine.text).toContain('Evaluasi kursus: Tata Naskah Dinas');

    const url = `/survei/kursus/${evaluation.id}`;
    const form = await agent.get(url);
    for (const label of [
      '<legend>Materi kursus</legend>',
      '<legend>Penyampaian (cara materi disajikan)</legend>',
      '<legend>Manfaat untuk pekerjaan Anda</legend>',
      '5 – Sangat baik',
      '1 – Sangat kurang',
      '<label for="comment">Saran dan komentar (opsional)</label>',
      'Kirim evaluasi',
    ])
      expect(form.text).toContain(label);
    expect(form.text).toContain('id="material-5"');
    expect(Buffer.byteLength(form.text)).toBeLessThan(100_000);

    const missing = await post(agent, url, { material: '5', delivery: '4' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('Manfaat untuk pekerjaan Anda: Pilih salah satu jawaban.');
    expect(missing.text).toContain('value="5" required checked'); // what was chosen stays chosen

    const sent = await post(agent, url, {
      material: '5',
      delivery: '4',
      usefulness: '3',
      comment: '<script>alert(1)</script> Bagus',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`${url}?ok=terkirim`);
    const thanks = await agent.get(sent.headers.location as string);
    expect(thanks.text).toContain('Terima kasih, evaluasi Anda telah terkirim.');
    expect(thanks.text).toContain('4 – Baik');
    expect(thanks.text).not.toContain('<script>alert(1)</script>');

    const again = await agent
      .post(url)
      .type('form')
      .send({ _csrf: csrfOf(thanks.text), material: '1', delivery: '1', usefulness: '1' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('Survei ini sudah dijawab atau telah berakhir.');
    expect((await agent.get('/survei')).text).toContain('Tidak ada evaluasi kursus yang menunggu.');

    const stranger = await signedIn(await givenUser(t, { unitId }));
    expect((await stranger.get(url)).status).toBe(404);

    // The instructor reads it, the comment escaped, with the chart; another instructor finds nothing.
    const teacher = await signedIn(instructor);
    expect((await teacher.get('/evaluasi')).text).toContain(`href="/evaluasi/kursus/${course.courseId}"`);
    const results = await teacher.get(`/evaluasi/kursus/${course.courseId}`);
    expect(results.status).toBe(200);
    expect(results.text).toContain('1 dari 1 peserta mengisi evaluasi (100%). Rata-rata keseluruhan: 4 dari 5.');
    expect(results.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Bagus');
    expect(results.text).toContain(
      '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="grafik-rata-rata"',
    );
    expect(results.text).toContain('Level 2 – Pembelajaran');
    expect(results.text).toContain('Level 3 – Perilaku');
    expect(Buffer.byteLength(results.text)).toBeLessThan(100_000);
    const other = await signedIn(await givenUser(t, { role: 'instructor', unitId }));
    expect((await other.get(`/evaluasi/kursus/${course.courseId}`)).status).toBe(404);
  });

  it('brings the follow-up to the learner and the supervisor 90 days later, each answering on their page', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Pengelolaan Keuangan' });
    const supervisor = await givenUser(t, { role: 'supervisor', unitId });
    const learner = await givenUser(t, { unitId, supervisorId: supervisor.user.id });
    const completedAt = now;
    const evaluation = await complete(learner, course);
    const surveys = await t.dataSource.getRepository(FollowUpSurvey).findBy({ enrolmentId: evaluation.enrolmentId });
    const ofRole = (role: string) => surveys.find((s) => s.role === role)!;
    const boss = await signedIn(supervisor);
    const team = await boss.get('/survei/tim');
    expect(team.text).toContain('Akan datang');
    expect(team.text).toContain(learner.user.name);

    now = new Date(completedAt.getTime() + 90 * DAY);
    await t.get(FollowUpScheduler).enqueueToday();
    await t.drain();

    expect((await boss.get('/notifikasi')).text).toContain(
      'Survei tindak lanjut pelatihan &quot;Pengelolaan Keuangan&quot;',
    );
    const open = await boss.get('/survei/tim');
    expect(open.text).toContain(`href="/survei/tindak-lanjut/${ofRole('supervisor').id}"`);
    const url = `/survei/tindak-lanjut/${ofRole('supervisor').id}`;
    const form = await boss.get(url);
    expect(form.text).toContain(`Apakah ${learner.user.name} menerapkan hasil pelatihan ini di tempat kerja?`);
    for (const label of [
      'Ya, diterapkan',
      'Sebagian',
      'Belum',
      '<label for="examples">Contoh penerapan di tempat kerja</label>',
      'Kirim jawaban',
    ])
      expect(form.text).toContain(label);
    const noExamples = await post(boss, url, { applied: 'yes' });
    expect(noExamples.status).toBe(400);
    expect(noExamples.text).toContain('Contoh penerapan di tempat kerja: Tuliskan contoh penerapannya.');
    const done = await post(boss, url, { applied: 'partly', examples: 'Laporan keuangan kini tepat waktu.' });
    expect(done.status).toBe(303);
    expect((await boss.get(done.headers.location as string)).text).toContain(
      'Terima kasih, jawaban Anda telah terkirim.',
    );

    const me = await signedIn(learner);
    const list = await me.get('/survei');
    expect(list.text).toContain(`href="/survei/tindak-lanjut/${ofRole('learner').id}"`);
    const mine = await me.get(`/survei/tindak-lanjut/${ofRole('learner').id}`);
    expect(mine.text).toContain('Apakah hasil pelatihan ini Anda terapkan di tempat kerja?');
    expect((await post(me, `/survei/tindak-lanjut/${ofRole('learner').id}`, { applied: 'not_yet' })).status).toBe(303);
    expect((await me.get(url)).status).toBe(404); // the supervisor's side is not the learner's

    const results = await (await signedIn(instructor)).get(`/evaluasi/kursus/${course.courseId}`);
    expect(results.text).toContain('aria-labelledby="grafik-penerapan"');
    expect(results.text).toContain('Laporan keuangan kini tepat waktu.');
  });

  it('lets the national admin set the follow-up delay, within 30 to 365 days', async () => {
    const national = await signedIn(await givenUser(t, { role: 'national_admin' }));
    const form = await national.get('/evaluasi/pengaturan');
    expect(form.text).toContain('value="90"');
    const wrong = await post(national, '/evaluasi/pengaturan', { followUpDays: '7' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Isi angka antara 30 dan 365.');
    const saved = await post(national, '/evaluasi/pengaturan', { followUpDays: '120' });
    expect(saved.status).toBe(303);
    expect((await national.get('/evaluasi/pengaturan')).text).toContain('value="120"');
    await post(national, '/evaluasi/pengaturan', { followUpDays: '90' });
    const learnerPage = await (await signedIn(await givenUser(t, { unitId }))).get('/evaluasi/pengaturan');
    expect(learnerPage.status).toBe(403);
  });
});
