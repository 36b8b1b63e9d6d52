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

/** The page text without tags, with spaces collapsed (what a reader sees). */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const planIdOf = (location: string) => /\/rencana\/([0-9a-f-]{36})/.exec(location)?.[1] ?? '';
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

/** The plan journey on the pages, without script: propose, edit, submit, endorse, approve, see progress. */
describe('development plan pages', () => {
  let t: TestApp;
  let unitId: string;
  let instructor: GivenUser;
  let admin: GivenUser;
  let medanAdmin: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId });
    medanAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: (await givenUnit(t, '12.71')).id,
    });
  });
  afterAll(() => t.close());

  async function signedIn(who: GivenUser): Promise<BrowserAgent> {
    const agent = browserAgent(t);
    const res = await signInThroughPages(agent, who.username, who.password);
    expect(res.status).toBe(303);
    return agent;
  }
  /** Posts a form of the page at `pageUrl` (with its CSRF token and the plan version shown). */
  async function post(agent: BrowserAgent, pageUrl: string, action: string, fields: Record<string, string>) {
    const page = await agent.get(pageUrl);
    return agent
      .post(action)
      .type('form')
      .send({ _csrf: csrfOf(page.text), version: versionOf(page.text), ...fields });
  }

  it('takes a plan from the proposal to approval, and shows the completed course, its JP and the level reached', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, {
      title: 'Pelayanan Publik Prima',
      jp: 2.5,
      competencies: [{ code: 'M.05', level: 3 }],
    });
    const supervisor = await givenUser(t, { role: 'supervisor', unitId });
    const learner = await givenUser(t, { unitId, supervisorId: supervisor.user.id });
    const asn = await signedIn(learner);

    const start = await asn.get('/rencana');
    expect(start.status).toBe(200);
    expect(text(start.text)).toContain('Buat usulan rencana');
    const created = await asn
      .post('/rencana')
      .type('form')
      .send({ _csrf: csrfOf(start.text) });
    expect(created.status).toBe(303);
    const id = planIdOf(created.headers.location);
    const url = `/rencana/${id}`;
    expect((await asn.get('/rencana')).headers.location).toBe(url);

    let page = await asn.get(`${url}?ok=created`);
    expect(page.status).toBe(200);
    expect(Buffer.byteLength(page.text)).toBeLessThan(100_000);
    expect(text(page.text)).toContain(`Rencana Pengembangan Kompetensi ${new Date().getFullYear()}`);
    expect(text(page.text)).toContain('Status: Draf');
    expect(text(page.text)).toContain('Peringatan: JP yang direncanakan kurang 20 JP dari target tahunan 20 JP');

    expect(
      (await post(asn, url, `${url}/tujuan`, { competencyCode: 'M.05', targetLevel: '3', priority: 'high' })).status,
    ).toBe(303);
    page = await asn.get(url);
    const goalId = /name="goalId">[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(page.text)?.[1] ?? '';
    expect(text(page.text)).toContain('Tambah kursus');
    const added = await post(asn, url, `${url}/kegiatan`, { kind: 'course', courseId: course.courseId, goalId });
    expect(added.status).toBe(303);

    // A form activity needs its JP: the problem is named beside the form.
    const missing = await post(asn, url, `${url}/kegiatan`, { kind: 'form', formCode: 'coaching', title: 'Coaching' });
    expect(missing.status).toBe(400);
    expect(text(missing.text)).toContain('plannedJp');
    // A form based on an old version of the plan is refused, with a way forward.
    const stale = await asn
      .post(`${url}/kegiatan`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), version: '1', kind: 'form', formCode: 'coaching', plannedJp: '4' });
    expect(stale.status).toBe(409);
    expect(text(stale.text)).toContain('Rencana ini baru saja diubah di tempat lain');
    expect(
      (
        await post(asn, url, `${url}/kegiatan`, {
          kind: 'form',
          formCode: 'coaching',
          title: 'Coaching pelayanan',
          plannedJp: '4',
          goalId,
        })
      ).status,
    ).toBe(303);
    page = await asn.get(url);
    expect(text(page.text)).toContain('Direncanakan: 6,5 JP');
    expect(text(page.text)).toContain('Ajukan rencana');

    const submitted = await post(asn, url, `${url}/ajukan`, {});
    expect(submitted.headers.location).toBe(`${url}?ok=submit`);
    expect(text((await asn.get(url)).text)).toContain('Status: Diajukan, menunggu atasan');

    // The supervisor finds it in their list, must say why to return it, and endorses it.
    const boss = await signedIn(supervisor);
    const list = await boss.get('/rencana/tinjauan');
    expect(text(list.text)).toContain(learner.user.name);
    expect(list.text).toContain(`href="${url}"`);
    const review = await boss.get(url);
    expect(text(review.text)).toContain('Rekomendasikan rencana');
    expect(text(review.text)).toContain('Kembalikan untuk diperbaiki');
    const noReason = await post(boss, url, `${url}/kembalikan`, { comment: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toMatch(/id="catatan-return"[^>]*aria-invalid="true"/);
    expect((await post(boss, url, `${url}/rekomendasikan`, { comment: 'Sesuai kebutuhan.' })).status).toBe(303);

    // The unit admin of the region approves it; an admin elsewhere does not even see it.
    const unit = await signedIn(admin);
    expect(text((await unit.get('/admin/rencana')).text)).toContain(learner.user.name);
    expect((await (await signedIn(medanAdmin)).get(url)).status).toBe(404);
    expect(text((await unit.get(url)).text)).toContain('Setujui rencana');
    expect((await post(unit, url, `${url}/setujui`, {})).headers.location).toBe(`${url}?ok=approve`);

    // The ASN completes the course: the plan shows it done, the JP credited and the level reached.
    for (const lesson of ['enrolment', ...course.lessonIds]) {
      const path = lesson === 'enrolment' ? 'enrolment' : `lessons/${lesson}/completion`;
      expect((await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/${path}`)).status).toBe(200);
    }
    await t.drain();
    page = await asn.get(url);
    const seen = text(page.text);
    expect(seen).toContain('Status: Berjalan');
    expect(seen).toMatch(
      /Pelayanan Publik Prima · Kursus · JP direncanakan: 2,5 JP .*Selesai · Selesai pada .* \(kursus selesai\) · 2,5 JP diperoleh/,
    );
    expect(seen).toContain('Diperoleh tahun ini: 2,5 JP');
    expect(seen).toContain('Level awal 0, saat ini 3, target 3');
    expect(seen).toContain('Tercapai');
    expect(seen).toMatch(/Riwayat rencana .*Kegiatan selesai · [^·]+ · Sistem Pelayanan Publik Prima/);
    // No edit forms once it is approved.
    expect(seen).not.toContain('Tambah tujuan');
  });

  it('shows the ASN only their own plan, and a supervisor only their staff in the review list', async () => {
    const supervisor = await givenUser(t, { role: 'supervisor', unitId });
    const mine = await givenUser(t, { unitId, supervisorId: supervisor.user.id });
    const theirs = await givenUser(t, { unitId });
    const theirPlan = (await asUser(t, theirs).post('/api/development-plans/me', {})).body.id as string;
    await asUser(t, mine).post('/api/development-plans/me', {});
    const asn = await signedIn(mine);
    expect((await asn.get(`/rencana/${theirPlan}`)).status).toBe(404);
    const boss = await signedIn(supervisor);
    const list = text((await boss.get('/rencana/tinjauan?status=all')).text);
    expect(list).toContain(mine.user.name);
    expect(list).not.toContain(theirs.user.name);
    expect((await boss.get(`/rencana/${theirPlan}`)).status).toBe(404);
    // Learners have no admin list.
    expect((await asn.get('/admin/rencana')).status).toBe(403);
  });

  it('returns a plan with the supervisor’s note, shown to the ASN beside the edit forms', async () => {
    const supervisor = await givenUser(t, { role: 'supervisor', unitId });
    const learner = await givenUser(t, { unitId, supervisorId: supervisor.user.id });
    const plan = (await asUser(t, learner).post('/api/development-plans/me', {})).body;
    await asUser(t, learner).post(`/api/development-plans/${plan.id}/submission`, { version: plan.version });
    const url = `/rencana/${plan.id}`;
    const boss = await signedIn(supervisor);
    const back = await post(boss, url, `${url}/kembalikan`, { comment: 'Tambahkan kegiatan coaching.' });
    expect(back.headers.location).toBe(`${url}?ok=return`);
    const page = text((await (await signedIn(learner)).get(url)).text);
    expect(page).toContain('Status: Dikembalikan untuk diperbaiki');
    expect(page).toContain('Catatan peninjau: Tambahkan kegiatan coaching.');
    expect(page).toContain('Tambah tujuan');
    expect(page).toContain('Ajukan rencana');
  });
});
