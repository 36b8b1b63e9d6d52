import { Clock } from '../../libs/common';
import {
  asUser,
  browserAgent,
  createTestApp,
  csrfOf,
  fakeNip,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TEST_PASSWORD,
  TestApp,
} from '../../libs/testing';
import { GapService } from '../../src/modules/development-plans/needs/gap.service';
import { Questionnaire, QuestionnaireRecipient } from '../../src/modules/development-plans/needs-signals/entities';
import { NeedsSignals } from '../../src/modules/development-plans/needs-signals/needs-signals.service';
import { QuestionnaireSender } from '../../src/modules/development-plans/needs-signals/questionnaires/questionnaire-sender';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';

let sequence = 0;

describe('needs signals: self-assessment and training-needs questionnaires', () => {
  let t: TestApp;
  let medanAdmin: GivenUser;
  let gorontaloAdmin: GivenUser;
  let analyst: string; // a position whose standard asks M.01 at 3 and M.05 at 4
  let clerk: string;
  const now = new Date('2026-05-10T03:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => now);
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71' });
    gorontaloAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '75.71' });
    analyst = await givenPosition(t, { 'M.01': 3, 'M.05': 4 });
    clerk = await givenPosition(t, { 'M.02': 2 });
  });
  afterAll(() => t.close());

  /** An ASN who can sign in, in a unit and position, PNS unless said otherwise. */
  async function givenAsn(unitId: string, positionId: string, employeeType: 'PNS' | 'PPPK' = 'PNS') {
    const email = `kuesioner${Date.now() % 100000}${++sequence}@uji.bina.id`;
    const user = await t.get(IdentityApi).provisionAccount({
      name: `ASN Kuesioner ${sequence}`,
      role: 'learner',
      password: TEST_PASSWORD,
      email,
      nip: fakeNip(),
      employeeType,
      golongan: employeeType === 'PNS' ? 'III/a' : null,
      unitId,
      positionId,
    });
    return { user, email, auth: await t.bearer(email, TEST_PASSWORD) };
  }

  async function givenPosition(_t: TestApp, standard: Record<string, number>): Promise<string> {
    const n = `${Date.now() % 100000}-${++sequence}`;
    const org = _t.get(OrganisationApi);
    const position = await org.ensurePosition({ code: `KSN-${n}`, name: `Jabatan kuesioner ${n}`, kind: 'functional' });
    await org.setStandard(position.id, {
      requirements: Object.entries(standard).map(([competencyCode, requiredLevel]) => ({
        competencyCode,
        requiredLevel,
      })),
    });
    return position.id;
  }

  const send = async (body: object, who = medanAdmin) => {
    const res = await asUser(t, who).post('/api/development-plans/questionnaires', body);
    await t.drain();
    return res;
  };
  const notificationsOf = async (who: { auth: string }) =>
    (
      (await asUser(t, who).get('/api/notifications?pageSize=100')).body.items as Array<{
        category: string;
        link: string;
      }>
    ).filter((n) => n.category === 'needs-questionnaire');

  it('reaches exactly the filtered people, once each, even when the job runs twice', async () => {
    const belawan = (await givenUnit(t, '12.71.08')).id;
    const medan = (await givenUnit(t, '12.71')).id;
    const gorontalo = (await givenUnit(t, '75.71')).id;
    const chosen = [await givenAsn(belawan, analyst), await givenAsn(belawan, analyst)];
    const others = [
      await givenAsn(belawan, clerk), // another position
      await givenAsn(belawan, analyst, 'PPPK'), // another employee type
      await givenAsn(medan, analyst), // another unit
      await givenAsn(gorontalo, analyst), // another region
    ];

    const created = await send({
      title: 'Penilaian diri 2026',
      kind: 'self-assessment',
      dueDate: '2026-05-31',
      filter: { unitId: belawan, positionId: analyst, employeeType: 'PNS' },
    });
    expect(created.status).toBe(202);
    const id = created.body.id as string;
    const detail = await asUser(t, medanAdmin).get(`/api/development-plans/questionnaires/${id}`);
    expect(detail.body).toMatchObject({ status: 'done', recipients: 2, answered: 0, responseRate: 0 });
    expect(detail.body.filter).toEqual({
      unitId: belawan,
      positionId: analyst,
      employeeType: 'PNS',
      regionCode: '12.71',
    });

    // A crash after the last batch: the job runs again from the start; nobody gets a second copy.
    await t.dataSource.getRepository(Questionnaire).update({ id }, { status: 'running', cursor: null });
    await t.get(QuestionnaireSender).run(id, 1);
    await t.get(QuestionnaireSender).run(id, 1);
    await t.drain();
    expect((await asUser(t, medanAdmin).get(`/api/development-plans/questionnaires/${id}`)).body.recipients).toBe(2);

    for (const person of chosen) {
      expect(await notificationsOf(person)).toEqual([
        expect.objectContaining({
          link: `/kuesioner/${id}`,
          title: 'Kuesioner: Penilaian diri 2026',
          lines: expect.arrayContaining(['Batas pengisian: 31 Mei 2026.']),
        }),
      ]);
      const mine = await asUser(t, person).get('/api/development-plans/my-questionnaires');
      expect(mine.body.items).toEqual([
        {
          id,
          title: 'Penilaian diri 2026',
          kind: 'self-assessment',
          dueDate: '2026-05-31',
          open: true,
          answeredAt: null,
        },
      ]);
    }
    for (const person of others) {
      expect(await notificationsOf(person)).toEqual([]);
      expect((await asUser(t, person).get(`/api/development-plans/my-questionnaires/${id}`)).status).toBe(404);
    }
  });

  it('keeps each admin to their own region', async () => {
    const created = await send({ title: 'Kebutuhan diklat Medan', kind: 'training-needs' });
    const id = created.body.id as string;
    expect(created.body.filter).toEqual({ regionCode: '12.71' });

    expect((await asUser(t, gorontaloAdmin).get(`/api/development-plans/questionnaires/${id}`)).status).toBe(404);
    const listed = await asUser(t, gorontaloAdmin).get('/api/development-plans/questionnaires');
    expect(listed.body.items.map((q: { id: string }) => q.id)).not.toContain(id);
    expect((await asUser(t, medanAdmin).get('/api/development-plans/questionnaires')).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id })]),
    );

    const outside = await asUser(t, medanAdmin).post('/api/development-plans/questionnaires', {
      title: 'Di luar wilayah',
      kind: 'training-needs',
      filter: { regionCode: '75.71' },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.details.fields).toEqual([expect.objectContaining({ field: 'filter.regionCode' })]);
    const pastDue = await asUser(t, medanAdmin).post('/api/development-plans/questionnaires', {
      title: 'Terlambat',
      kind: 'self-assessment',
      dueDate: '2026-05-01',
    });
    expect(pastDue.status).toBe(422);
  });

  it('takes a self-assessment per competency of the standard, allows changes until the due date, then 409', async () => {
    const unit = (await givenUnit(t, '12.71.08')).id;
    const [ani, budi] = [await givenAsn(unit, analyst), await givenAsn(unit, analyst)];
    const id = (
      await send({ title: 'Penilaian diri', kind: 'self-assessment', dueDate: '2026-05-31', filter: { unitId: unit } })
    ).body.id as string;
    const form = await asUser(t, ani).get(`/api/development-plans/my-questionnaires/${id}`);
    expect(
      form.body.competencies.map((c: { code: string; requiredLevel: number }) => [c.code, c.requiredLevel]),
    ).toEqual([
      ['M.01', 3],
      ['M.05', 4],
    ]);
    const answer = (who: { auth: string }, body: object) =>
      asUser(t, who).put(`/api/development-plans/my-questionnaires/${id}/answer`, body);

    const incomplete = await answer(ani, { levels: { 'M.01': 2 } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details.fields).toEqual([
      expect.objectContaining({ field: 'levels.M.05', rule: 'required' }),
    ]);
    expect((await answer(ani, { levels: { 'M.01': 2, 'M.05': 9 } })).status).toBe(422);
    expect((await answer(ani, { levels: { 'M.01': 1, 'M.05': 4 } })).status).toBe(200);
    const changed = await answer(ani, { levels: { 'M.01': 3, 'M.05': 4 } });
    expect(changed.body).toMatchObject({ open: true, answer: { levels: { 'M.01': 3, 'M.05': 4 } } });
    expect((await answer(budi, { levels: { 'M.01': 5, 'M.05': 2 } })).status).toBe(200);

    const detail = await asUser(t, medanAdmin).get(`/api/development-plans/questionnaires/${id}`);
    expect(detail.body).toMatchObject({ recipients: 2, answered: 2, responseRate: 100 });
    expect(detail.body.summary).toEqual([
      { competencyCode: 'M.01', name: 'Integritas', respondents: 2, meanLevel: 4 },
      { competencyCode: 'M.05', name: expect.any(String), respondents: 2, meanLevel: 3 },
    ]);
    const levels = await t.get(NeedsSignals).selfAssessedLevels([ani.user.id, budi.user.id]);
    expect(Object.fromEntries(levels.get(ani.user.id)!)).toEqual({ 'M.01': 3, 'M.05': 4 });
    expect(Object.fromEntries(levels.get(budi.user.id)!)).toEqual({ 'M.01': 5, 'M.05': 2 });

    // The last minute of the due day (WIB) is still open; a minute later it is closed.
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date('2026-05-31T16:59:00Z'));
    expect((await answer(ani, { levels: { 'M.01': 4, 'M.05': 4 } })).status).toBe(200);
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date('2026-05-31T17:01:00Z'));
    const late = await answer(ani, { levels: { 'M.01': 5, 'M.05': 5 } });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PLANS.SIGNALS_QUESTIONNAIRE_CLOSED');
    const after = await asUser(t, ani).get(`/api/development-plans/my-questionnaires/${id}`);
    expect(after.body).toMatchObject({ open: false, answer: { levels: { 'M.01': 4, 'M.05': 4 } } });
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => now);
  });

  it('collects ranked training wishes with free text, and summarises how many asked for each', async () => {
    const unit = (await givenUnit(t, '12.71')).id;
    const people = [
      await givenAsn(unit, analyst),
      await givenAsn(unit, analyst),
      await givenAsn(unit, clerk),
      await givenAsn(unit, clerk),
    ];
    const id = (
      await send({ title: 'Kebutuhan diklat 2027', kind: 'training-needs', maxChoices: 2, filter: { unitId: unit } })
    ).body.id as string;
    const answer = (who: { auth: string }, body: object) =>
      asUser(t, who).put(`/api/development-plans/my-questionnaires/${id}/answer`, body);

    const tooMany = await answer(people[0], { choices: ['M.05', 'M.03', 'M.01'] });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.details.fields).toEqual([expect.objectContaining({ field: 'choices', rule: 'max' })]);
    expect((await answer(people[0], { choices: ['M.05', 'M.05'] })).status).toBe(422);
    expect((await answer(people[0], { levels: { 'M.01': 3 } })).status).toBe(422);
    expect(
      (await answer(people[0], { choices: ['M.05', 'M.03'], note: 'Pelatihan menghadapi warga yang marah' })).status,
    ).toBe(200);
    expect((await answer(people[1], { choices: ['m.03', 'M.05'] })).status).toBe(200);
    expect((await answer(people[2], { choices: ['M.05'] })).status).toBe(200);

    const detail = await asUser(t, medanAdmin).get(`/api/development-plans/questionnaires/${id}`);
    expect(detail.body).toMatchObject({ recipients: 4, answered: 3, responseRate: 75 });
    expect(detail.body.summary).toEqual([
      { competencyCode: 'M.05', name: expect.any(String), requests: 3, firstChoice: 2, meanRank: 1.3 },
      { competencyCode: 'M.03', name: 'Komunikasi', requests: 2, firstChoice: 1, meanRank: 1.5 },
    ]);
    expect(detail.body.notes).toEqual(['Pelatihan menghadapi warga yang marah']);

    const wishes = await t.get(NeedsSignals).requestedCompetencies(people.map((p) => p.user.id));
    expect([...wishes.get(people[1].user.id)!].sort()).toEqual(['M.03', 'M.05']);
    expect(wishes.has(people[3].user.id)).toBe(false);
    // The needs analysis marks the wishes in the person's gap table.
    const gaps = await t.get(GapService).gapsOf(people[0].user.id);
    expect(gaps.rows.map((r) => [r.competencyCode, r.requested])).toEqual(
      expect.arrayContaining([
        ['M.05', true],
        ['M.01', false],
      ]),
    );
  });

  it('resumes a failed sending where it stopped, and refuses to resend one that is not failed', async () => {
    const unit = (await givenUnit(t, '12.71')).id;
    const people = [await givenAsn(unit, clerk), await givenAsn(unit, clerk), await givenAsn(unit, clerk)];
    const id = (await send({ title: 'Dikirim ulang', kind: 'training-needs', filter: { unitId: unit } })).body
      .id as string;
    const url = `/api/development-plans/questionnaires/${id}`;
    expect((await asUser(t, medanAdmin).post(`${url}/resend`)).status).toBe(409);

    // Pretend the job gave up after committing the first person's batch: the resumed run
    // walks on after that person (so only the other two are written again here).
    const first = [...people].sort((a, b) => a.user.id.localeCompare(b.user.id))[0];
    await t.dataSource.getRepository(QuestionnaireRecipient).delete({ questionnaireId: id });
    await t.dataSource
      .getRepository(Questionnaire)
      .update({ id }, { status: 'failed', cursor: first.user.id, error: 'Stopped after repeated errors' });
    expect((await asUser(t, medanAdmin).get(url)).body).toMatchObject({ status: 'failed', recipients: 0 });
    const resent = await asUser(t, medanAdmin).post(`${url}/resend`);
    expect(resent.status).toBe(202);
    await t.drain();
    expect((await asUser(t, medanAdmin).get(url)).body).toMatchObject({ status: 'done', recipients: 2, error: null });
    for (const person of people) expect(await notificationsOf(person)).toHaveLength(1);
  });

  it('works through the pages: the admin sends, the ASN answers on a form without script, the admin reads the summary', async () => {
    const unit = await givenUnit(t, '12.71.08');
    const asn = await givenAsn(unit.id, analyst);
    const admin = browserAgent(t);
    await signInThroughPages(admin, medanAdmin.username, medanAdmin.password);
    const list = await admin.get('/admin/kuesioner');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Kirim kuesioner baru');

    const refused = await admin
      .post('/admin/kuesioner')
      .type('form')
      .send({
        _csrf: csrfOf(list.text),
        title: 'Penilaian diri lewat halaman',
        kind: 'self-assessment',
        unitCode: 'TIDAK-ADA',
      });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('unitCode');
    const sent = await admin
      .post('/admin/kuesioner')
      .type('form')
      .send({
        _csrf: csrfOf(list.text),
        title: 'Penilaian diri lewat halaman',
        kind: 'self-assessment',
        dueDate: '2026-05-31',
        unitCode: unit.code,
      });
    expect(sent.status).toBe(303);
    await t.drain();
    const detailUrl = sent.headers.location as string;

    const person = browserAgent(t);
    await signInThroughPages(person, asn.email, TEST_PASSWORD);
    const mine = await person.get('/kuesioner');
    expect(mine.text).toContain('Penilaian diri lewat halaman');
    const id = detailUrl.split('/').pop()!;
    const form = await person.get(`/kuesioner/${id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('name="level-M.05"');
    expect(form.text).toContain('Level yang dipersyaratkan jabatan Anda: 4');
    expect(form.text).not.toContain('<script');

    const missing = await person
      .post(`/kuesioner/${id}`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), 'level-M.01': '2' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('levels.M.05');
    const saved = await person
      .post(`/kuesioner/${id}`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), 'level-M.01': '2', 'level-M.05': '3' });
    expect(saved.status).toBe(303);
    const after = await person.get(saved.headers.location as string);
    expect(after.text).toContain('Jawaban Anda tersimpan');
    const m05 = /name="level-M.05"[\s\S]*?<\/select>/.exec(after.text)?.[0] ?? '';
    expect(m05).toContain('<option value="3" selected>');

    const summary = await admin.get(detailUrl);
    expect(summary.text).toContain('1 dari 1 penerima menjawab (100%)');
    expect(summary.text).toMatch(/M\.05[^<]*<\/th>\s*<td>1<\/td><td>3<\/td>/);
    expect(Buffer.byteLength(summary.text)).toBeLessThan(100_000);

    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date('2026-06-01T01:00:00Z'));
    const late = await person
      .post(`/kuesioner/${id}`)
      .type('form')
      .send({ _csrf: csrfOf(after.text), 'level-M.01': '5', 'level-M.05': '5' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('Kuesioner ini sudah ditutup');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => now);

    // Another region's admin: the page does not exist for them.
    const other = browserAgent(t);
    await signInThroughPages(other, gorontaloAdmin.username, gorontaloAdmin.password);
    expect((await other.get(detailUrl)).status).toBe(404);
  });
});
