import { createTestApp, givenUser, GivenUser, TestApp } from '../../libs/testing';

const fiveLevels = (prefix: string) =>
  [1, 2, 3, 4, 5].map((level) => ({
    level,
    description: `${prefix} tingkat ${level}`,
    indicators: [`Perilaku ${level}a`, `Perilaku ${level}b`],
  }));

describe('the competency dictionary', () => {
  let t: TestApp;
  let national: GivenUser;
  let learner: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    national = await givenUser(t, { role: 'national_admin' });
    learner = await givenUser(t);
  });
  afterAll(() => t.close());

  it('ships the eight managerial competencies and Perekat Bangsa, each with five levels', async () => {
    const res = await t.http().get('/api/competencies?pageSize=100').set('authorization', learner.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { code: string }) => c.code)).toEqual([
      'M.01',
      'M.02',
      'M.03',
      'M.04',
      'M.05',
      'M.06',
      'M.07',
      'M.08',
      'S.01',
    ]);
    const managerial = await t.http().get('/api/competencies?pillar=manajerial').set('authorization', learner.auth);
    expect(managerial.body.total).toBe(8);
    const integrity = await t.http().get('/api/competencies/M.01').set('authorization', learner.auth);
    expect(integrity.body).toMatchObject({ code: 'M.01', name: 'Integritas', pillar: 'manajerial' });
    expect(integrity.body.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets the national admin add a technical competency with its five levels and indicators', async () => {
    const body = {
      code: 'T.SDM.01',
      name: 'Manajemen Kinerja ASN',
      definition: 'Kemampuan mengelola kinerja pegawai.',
      levels: fiveLevels('Kinerja'),
    };
    const created = await t.http().post('/api/competencies').set('authorization', national.auth).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'T.SDM.01', pillar: 'teknis' });
    expect(created.body.levels[2]).toEqual({
      level: 3,
      description: 'Kinerja tingkat 3',
      indicators: ['Perilaku 3a', 'Perilaku 3b'],
    });
    const again = await t.http().post('/api/competencies').set('authorization', national.auth).send(body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('COMPETENCIES.CODE_TAKEN');
  });

  it('refuses incomplete levels, bad codes and callers other than the national admin', async () => {
    const four = await t
      .http()
      .post('/api/competencies')
      .set('authorization', national.auth)
      .send({
        code: 'T.X',
        name: 'Empat Tingkat',
        definition: 'Definisi yang cukup panjang.',
        levels: fiveLevels('x').slice(0, 4),
      });
    expect(four.status).toBe(400);
    expect(four.body.details.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'levels', rule: 'arrayMinSize' })]),
    );
    const managerialCode = await t
      .http()
      .post('/api/competencies')
      .set('authorization', national.auth)
      .send({ code: 'M.09', name: 'Baru', definition: 'Definisi yang cukup panjang.', levels: fiveLevels('x') });
    expect(managerialCode.status).toBe(400);
    expect(managerialCode.body.details.fields[0].field).toBe('code');
    const byLearner = await t.http().put('/api/competencies/M.01').set('authorization', learner.auth).send({});
    expect(byLearner.status).toBe(403);
    expect((await t.http().get('/api/competencies/X.99').set('authorization', learner.auth)).status).toBe(400);
    expect((await t.http().get('/api/competencies/T.NOPE').set('authorization', learner.auth)).status).toBe(404);
  });

  it('lets a position require only competencies the dictionary knows', async () => {
    const position = await t
      .http()
      .post('/api/positions')
      .set('authorization', national.auth)
      .send({ code: 'JF-UJI-KOMP', name: 'Analis Uji', kind: 'functional' });
    const ok = await t
      .http()
      .put(`/api/positions/${position.body.id}/requirements`)
      .set('authorization', national.auth)
      .send({
        requirements: [
          { competencyCode: 'M.01', requiredLevel: 3 },
          { competencyCode: 'S.01', requiredLevel: 2 },
        ],
      });
    expect(ok.status).toBe(200);
    const unknown = await t
      .http()
      .put(`/api/positions/${position.body.id}/requirements`)
      .set('authorization', national.auth)
      .send({
        requirements: [
          { competencyCode: 'M.01', requiredLevel: 3 },
          { competencyCode: 'T.TIDAK.ADA', requiredLevel: 2 },
        ],
      });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details.fields).toEqual([
      expect.objectContaining({ field: 'requirements.1.competencyCode', rule: 'exists' }),
    ]);
    const stored = await t.http().get(`/api/positions/${position.body.id}`).set('authorization', learner.auth);
    expect(stored.body.requirements.map((r: { competencyCode: string }) => r.competencyCode)).toEqual(['M.01', 'S.01']);
  });
});
