import { createTestApp, TestApp } from '../../libs/testing';
import { DEMO_PEOPLE } from '../../src/demo/demo-data';
import { DemoSeeder } from '../../src/demo/demo-seeder';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';

describe('the demo data of a first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads the region tree, units and a person of every role whose printed login works', async () => {
    const seeded = await t.get(DemoSeeder).seedIfEmpty('demo-password-for-test');
    expect(seeded?.logins).toHaveLength(DEMO_PEOPLE.length);
    expect(new Set(seeded!.logins.map((l) => l.role))).toEqual(
      new Set(['learner', 'supervisor', 'instructor', 'unit_admin', 'national_admin']),
    );

    const national = await t.bearer('nasional@demo.bina.id', 'demo-password-for-test');
    const regions = await t.http().get('/api/regions').set('authorization', national);
    const tree = Object.fromEntries(
      regions.body.map((r: { code: string; parentCode: string | null; name: string }) => [r.code, r]),
    );
    expect(tree['36.74']).toMatchObject({ name: 'Kota Tangerang Selatan', parentCode: '36' });
    expect(tree['12.71.08']).toMatchObject({ name: 'Kecamatan Medan Belawan', parentCode: '12.71' });
    expect(tree['12.71']).toMatchObject({ name: 'Kota Medan', parentCode: '12' });
    expect(tree['75.71']).toMatchObject({ name: 'Kota Gorontalo', parentCode: '75' });

    for (const login of seeded!.logins) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ username: login.username, password: 'demo-password-for-test' });
      expect({ username: login.username, status: res.status, role: res.body.user?.role }).toEqual({
        username: login.username,
        status: 200,
        role: login.role,
      });
    }
  });

  it('is loaded once: a second start adds nothing', async () => {
    const before = await t
      .http()
      .get('/api/users?pageSize=100')
      .set('authorization', await t.bearer('nasional@demo.bina.id', 'demo-password-for-test'));
    await t.get(DemoSeeder).seedIfEmpty('another-password');
    const after = await t
      .http()
      .get('/api/users?pageSize=100')
      .set('authorization', await t.bearer('nasional@demo.bina.id', 'demo-password-for-test'));
    expect(after.body.total).toBe(before.body.total);
  });

  it('scopes the Medan unit admin to Kota Medan and Medan Belawan', async () => {
    const medan = await t.bearer('admin.medan@demo.bina.id', 'demo-password-for-test');
    const res = await t.http().get('/api/users?pageSize=100').set('authorization', medan);
    expect(res.body.items.map((u: { name: string }) => u.name).sort()).toEqual([
      'Admin BKPSDM Kota Medan',
      'Budi Santoso',
    ]);
  });

  it('gives the unit that owns the demo courses a published certificate template with its signatory', async () => {
    const national = await t.bearer('nasional@demo.bina.id', 'demo-password-for-test');
    const [unit] = await t.get(OrganisationApi).unitsByCodes(['BPSDM-36']);
    const res = await t.http().get(`/api/certification/units/${unit.id}/template`).set('authorization', national);
    expect(res.body.published.design.signatories).toEqual([
      {
        name: 'Dr. H. Ahmad Syaukani, S.Sos., M.Si.',
        nip: '197003121995031001',
        position: 'Kepala BPSDM Provinsi Banten',
      },
    ]);
  });

  it('offers published courses: Medan learners also see the Medan-only approval course', async () => {
    const titles = async (username: string) => {
      const auth = await t.bearer(username, 'demo-password-for-test');
      const res = await t.http().get('/api/learning/catalogue').set('authorization', auth);
      return res.body.items.map((c: { title: string }) => c.title).sort();
    };
    expect(await titles('siti@demo.bina.id')).toEqual([
      'Pelayanan Publik Prima',
      'Perekat Bangsa: Wawasan Kebangsaan ASN',
    ]);
    expect(await titles('budi@demo.bina.id')).toEqual([
      'Kepemimpinan Pelayanan Kota Medan',
      'Pelayanan Publik Prima',
      'Perekat Bangsa: Wawasan Kebangsaan ASN',
    ]);
  });

  it('lets a learner take the demo course’s final quiz and pass it', async () => {
    const auth = await t.bearer('siti@demo.bina.id', 'demo-password-for-test');
    const catalogue = await t.http().get('/api/learning/catalogue?q=Pelayanan Publik Prima').set('authorization', auth);
    const courseId = catalogue.body.items[0].id as string;
    await t.http().post(`/api/learning/courses/${courseId}/enrolment`).set('authorization', auth);
    const page = await t.http().get(`/api/learning/courses/${courseId}`).set('authorization', auth);
    const quizLesson = page.body.modules
      .flatMap((m: { lessons: Array<{ kind: string; quizId: string | null }> }) => m.lessons)
      .find((l: { kind: string }) => l.kind === 'quiz');
    expect(quizLesson.quizId).toEqual(expect.any(String));
    // The course is taken in order: the reading comes before the quiz.
    for (const lesson of page.body.modules.flatMap(
      (m: { lessons: Array<{ id: string; kind: string }> }) => m.lessons,
    )) {
      if (lesson.kind === 'quiz') continue;
      await t
        .http()
        .post(`/api/learning/courses/${courseId}/lessons/${lesson.id}/completion`)
        .set('authorization', auth);
    }
    const started = await t
      .http()
      .post(`/api/assessment/quizzes/${quizLesson.quizId}/attempts`)
      .set('authorization', auth);
    expect(started.status).toBe(201);
    expect(started.body.questions).toHaveLength(4);
    const byStem = (text: string) =>
      started.body.questions.find((q: { stem: string }) => q.stem.includes(text)) as {
        slot: number;
        options?: Array<{ id: string; text: string }>;
      };
    const option = (text: string, pick: string) => byStem(text).options!.find((o) => o.text === pick)!.id;
    const submitted = await t
      .http()
      .post(`/api/assessment/attempts/${started.body.id}/submit`)
      .set('authorization', auth)
      .send({
        responses: {
          [byStem('Undang-undang').slot]: option('Undang-undang', 'UU 25/2009'),
          [byStem('Maklumat').slot]: true,
          [byStem('Kanal pengaduan').slot]: 'lapor',
          [byStem('komponen standar').slot]: ['Persyaratan', 'Prosedur', 'Biaya/tarif'].map((x) =>
            option('komponen standar', x),
          ),
        },
      });
    expect(submitted.status).toBe(202);
    await t.drain();
    const graded = await t.http().get(`/api/assessment/attempts/${started.body.id}`).set('authorization', auth);
    expect(graded.body.result).toMatchObject({ percent: 100, passed: true });
    const after = await t.http().get(`/api/learning/courses/${courseId}`).set('authorization', auth);
    expect(after.body.enrolment.status).toBe('completed');
  });
});
