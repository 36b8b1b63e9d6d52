import {
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';

describe('learning: the catalogue a learner browses', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let tangselLearner: GivenUser;
  let medanLearner: GivenUser;
  let medanAdmin: GivenUser;
  const tag = `Z${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    instructor = await givenUser(t, { role: 'instructor', unitId: (await givenUnit(t, '36.74')).id });
    tangselLearner = await givenUser(t, { unitId: (await givenUnit(t, '36.74')).id });
    medanLearner = await givenUser(t, { unitId: (await givenUnit(t, '12.71.08')).id });
    medanAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: (await givenUnit(t, '12.71')).id,
    });
    const courses = [
      { title: `${tag} Kepemimpinan`, jp: 2, competencies: [{ code: 'M.03', level: 2 }] },
      { title: `${tag} Pelayanan Publik`, jp: 6, competencies: [{ code: 'M.05', level: 3 }] },
      { title: `${tag} Perekat Bangsa`, jp: 4, competencies: [{ code: 'S.01', level: 1 }] },
      { title: `${tag} Khusus Medan`, jp: 3, audience: { everyone: false, regions: ['12.71'] } },
      {
        title: `${tag} Wajib Medan`,
        jp: 3,
        audience: { everyone: false, regions: ['12.71'] },
        enrolmentMode: 'assigned' as const,
      },
    ];
    for (const spec of courses) await givenPublishedCourse(t, instructor.auth, spec);
  });
  afterAll(() => t.close());

  const search = async (who: GivenUser, query: string) => {
    const res = await t.http().get(`/api/learning/catalogue?q=${tag}&${query}`).set('authorization', who.auth);
    expect(res.status).toBe(200);
    return res.body as { items: Array<{ title: string }>; total: number; totalPages: number };
  };
  const titles = (page: { items: Array<{ title: string }> }) =>
    page.items.map((i) => i.title.replace(`${tag} `, '')).sort();

  it.each([
    ['', ['Kepemimpinan', 'Pelayanan Publik', 'Perekat Bangsa']],
    ['competency=M.05', ['Pelayanan Publik']],
    ['pillar=sosial_kultural', ['Perekat Bangsa']],
    ['jpMin=3&jpMax=5', ['Perekat Bangsa']],
    ['kind=video', []],
    ['kind=text', ['Kepemimpinan', 'Pelayanan Publik', 'Perekat Bangsa']],
    ['assigned=true', []],
  ])('a Tangerang Selatan learner searching %s finds %j', async (query, expected) => {
    expect(titles(await search(tangselLearner, query))).toEqual(expected);
  });

  it('pages through the results', async () => {
    const first = await search(tangselLearner, 'pageSize=2&page=1');
    const second = await search(tangselLearner, 'pageSize=2&page=2');
    expect(first).toMatchObject({ total: 3, totalPages: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(3);
  });

  it('shows a learner in Belawan (Medan) the courses for Medan, but not the assigned-only one', async () => {
    expect(titles(await search(medanLearner, ''))).toEqual([
      'Kepemimpinan',
      'Khusus Medan',
      'Pelayanan Publik',
      'Perekat Bangsa',
    ]);
  });

  it('never shows region B’s courses to a learner of region A, not even by id', async () => {
    const medanOnly = (await search(medanAdmin, '')).items.find((i) => i.title.endsWith('Khusus Medan')) as unknown as {
      id: string;
    };
    const page = await t.http().get(`/api/learning/courses/${medanOnly.id}`).set('authorization', tangselLearner.auth);
    expect(page.status).toBe(404);
    const enrol = await t
      .http()
      .post(`/api/learning/courses/${medanOnly.id}/enrolment`)
      .set('authorization', tangselLearner.auth);
    expect(enrol.status).toBe(404);
  });

  it('never shows region B’s assigned-only course to a learner of region A, in lists or by id', async () => {
    const admin = await search(medanAdmin, '');
    const assignedOnly = admin.items.find((i) => i.title.endsWith('Wajib Medan')) as unknown as { id: string };
    expect(titles(await search(tangselLearner, ''))).not.toContain('Wajib Medan');
    expect(titles(await search(tangselLearner, 'assigned=true'))).toEqual([]);
    const page = await t
      .http()
      .get(`/api/learning/courses/${assignedOnly.id}`)
      .set('authorization', tangselLearner.auth);
    expect(page.status).toBe(404);
  });

  it('hides an assigned-only course from its own region’s learners until they are assigned', async () => {
    const admin = await search(medanAdmin, '');
    const assignedOnly = admin.items.find((i) => i.title.endsWith('Wajib Medan')) as unknown as { id: string };
    expect(assignedOnly).toBeDefined();
    const page = await t.http().get(`/api/learning/courses/${assignedOnly.id}`).set('authorization', medanLearner.auth);
    expect(page.status).toBe(404);
    const enrol = await t
      .http()
      .post(`/api/learning/courses/${assignedOnly.id}/enrolment`)
      .set('authorization', medanLearner.auth);
    expect(enrol.status).toBe(404);
  });

  it.each([
    ['pillar=sains', 'pillar', 'isIn'],
    ['jpMin=-1', 'jpMin', 'min'],
    ['pageSize=500', 'pageSize', 'max'],
    ['assigned=kadang', 'assigned', 'isBoolean'],
  ])('refuses %s naming the field', async (query, field, rule) => {
    const res = await t.http().get(`/api/learning/catalogue?${query}`).set('authorization', tangselLearner.auth);
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([expect.objectContaining({ field, rule })]);
  });
});
