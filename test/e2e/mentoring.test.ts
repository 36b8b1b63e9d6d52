import { Clock } from '../../libs/common';
import { MentoringSession } from '../../src/modules/development-plans/mentoring/entities';
import { OutboxMessage } from '../../libs/queue';
import {
  asUser,
  createTestApp,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  browserAgent,
  csrfOf,
  signInThroughPages,
  TestApp,
  usesRedis,
} from '../../libs/testing';

/** An instant given as a WIB wall-clock time. */
const wib = (day: string, clock = '10:00') => new Date(`${day}T${clock}:00+07:00`);

/**
 * Mentoring end to end: a unit admin pairs a mentor with mentees, either side logs a
 * session, the other confirms (the mentee's JP ledger grows, their plans are refreshed)
 * or disputes it (nothing is credited), and nobody outside the region sees any of it.
 */
describe(`mentoring (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let now: Date;
  let tangselUnit: string;
  let gorontaloUnit: string;
  let admin: GivenUser;
  let gorontaloAdmin: GivenUser;

  beforeAll(async () => {
    // Every factory person signs in once, all from 127.0.0.1.
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    await givenRegions(t);
    tangselUnit = (await givenUnit(t, '36.74')).id;
    gorontaloUnit = (await givenUnit(t, '75.71')).id;
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: tangselUnit });
    gorontaloAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '75.71', unitId: gorontaloUnit });
    // Jobs queued today run before the clock goes back to March (they would wait until today).
    await t.drain();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    now = wib('2026-03-02');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  // Each test's jobs run on its own clock, before the next test sets it back to March.
  afterEach(async () => {
    await t.drain();
    jest.restoreAllMocks();
  });

  const as = (who: GivenUser) => asUser(t, who);
  const asn = (unitId = tangselUnit) => givenUser(t, { unitId });
  const nipOf = (who: GivenUser) => who.user.nipDisplay!;
  const pair = (mentor: GivenUser, mentees: GivenUser[], competencyCode = 'M.06', by = admin) =>
    as(by).post('/api/mentoring/pairings', {
      mentorNip: nipOf(mentor),
      menteeNips: mentees.map(nipOf),
      competencyCode,
    });
  const pairOne = async (mentor: GivenUser, mentee: GivenUser) => {
    const res = await pair(mentor, [mentee]);
    expect(res.status).toBe(201);
    return res.body.pairings[0].id as string;
  };
  const logSession = (who: GivenUser, pairingId: string, body: Record<string, unknown> = {}) =>
    as(who).post(`/api/mentoring/pairings/${pairingId}/sessions`, {
      heldOn: '2026-03-09',
      topic: 'Menyusun rencana kerja tim',
      minutes: 90,
      ...body,
    });
  const ledgerOf = async (who: GivenUser) => (await as(who).get('/api/learning/ledger?year=2026')).body;

  it('pairs one mentor with two mentees for a competency and shows the pairings to both sides and the admin', async () => {
    const [mentor, first, second] = [await asn(), await asn(), await asn()];
    const res = await pair(mentor, [first, second]);
    expect(res.status).toBe(201);
    expect(res.body.pairings).toHaveLength(2);
    expect(res.body.pairings[0]).toMatchObject({
      competency: { code: 'M.06', name: expect.stringMatching(/Pengembangan Diri/) },
      mentor: { id: mentor.user.id, nip: nipOf(mentor) },
      mentee: { id: first.user.id },
      status: 'active',
      counts: { total: 0 },
      totalJp: 0,
    });

    const mine = await as(mentor).get('/api/mentoring/me/pairings');
    expect(mine.body.pairings.map((p: { mentee: { id: string } }) => p.mentee.id).sort()).toEqual(
      [first.user.id, second.user.id].sort(),
    );
    expect((await as(second).get('/api/mentoring/me/pairings')).body.pairings).toHaveLength(1);
    const list = await as(admin).get('/api/mentoring/pairings?pageSize=100');
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(res.body.pairings.map((p: { id: string }) => p.id)),
    );
  });

  it('refuses a second active pair of the same mentor, mentee and competency (409) but allows another competency', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    await pairOne(mentor, mentee);
    const again = await pair(mentor, [mentee]);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PLANS.MENTORING_PAIRING_EXISTS');
    expect((await pair(mentor, [mentee], 'M.03')).status).toBe(201);
  });

  it('allows the same pair again once the first pairing has ended', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const id = await pairOne(mentor, mentee);
    const ended = await as(admin).post(`/api/mentoring/pairings/${id}/end`, { outcome: 'ended', note: 'Pindah tugas' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endNote: 'Pindah tugas' });
    expect((await as(admin).post(`/api/mentoring/pairings/${id}/end`, { outcome: 'ended' })).status).toBe(409);
    expect((await pair(mentor, [mentee])).status).toBe(201);
    const refused = await logSession(mentor, id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PLANS.MENTORING_PAIRING_CLOSED');
  });

  it('refuses a mentor as their own mentee, an unknown competency, and names an unknown NIP', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const self = await pair(mentor, [mentee, mentor]);
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('PLANS.MENTORING_SELF_PAIRING');
    const unknown = await pair(mentor, [mentee], 'X.99');
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('PLANS.MENTORING_COMPETENCY_UNKNOWN');
    const badBody = await as(admin).post('/api/mentoring/pairings', {
      mentorNip: '123',
      menteeNips: [],
      competencyCode: 'M.06',
    });
    expect(badBody.status).toBe(400);
    expect(badBody.body.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['mentorNip', 'menteeNips']),
    );
  });

  it('keeps regions apart: people and pairings of another region are 404 to an admin', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const gorontaloMentee = await asn(gorontaloUnit);
    const across = await pair(mentor, [mentee, gorontaloMentee]);
    expect(across.status).toBe(404);
    expect(across.body.code).toBe('PLANS.MENTORING_PERSON_NOT_FOUND');
    expect(across.body.details.fields).toEqual([expect.objectContaining({ field: 'menteeNips.1' })]);
    expect((await as(gorontaloAdmin).get('/api/mentoring/me/pairings')).body.pairings).toEqual([]);

    const id = await pairOne(mentor, mentee);
    expect((await as(gorontaloAdmin).get(`/api/mentoring/pairings/${id}`)).status).toBe(404);
    expect((await as(gorontaloAdmin).post(`/api/mentoring/pairings/${id}/end`, { outcome: 'ended' })).status).toBe(404);
    const theirs = await as(gorontaloAdmin).get('/api/mentoring/pairings?pageSize=100');
    expect(theirs.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await as(admin).get(`/api/mentoring/pairings/${id}`)).status).toBe(200);
    const stranger = await asn();
    expect((await as(stranger).get(`/api/mentoring/pairings/${id}`)).status).toBe(404);
    expect((await logSession(stranger, id)).status).toBe(404);
    expect(
      (
        await as(mentor).post('/api/mentoring/pairings', {
          mentorNip: nipOf(mentor),
          menteeNips: [nipOf(mentee)],
          competencyCode: 'M.01',
        })
      ).status,
    ).toBe(403);
  });

  it('credits the mentee once when the other side confirms a logged session, notifies them, and queues a plan refresh', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const id = await pairOne(mentor, mentee);
    now = wib('2026-03-10');
    const logged = await logSession(mentor, id);
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ status: 'pending', jp: 0, loggedBy: { id: mentor.user.id } });
    await t.drain();

    const inbox = await as(mentee).get('/api/notifications');
    expect(inbox.body.items[0]).toMatchObject({
      category: 'mentoring-session-logged',
      title: 'Sesi mentoring "Menyusun rencana kerja tim" menunggu konfirmasi Anda',
      link: `/mentoring/${id}`,
    });
    expect((await as(mentor).get('/api/notifications')).body.total).toBe(0);

    const own = await as(mentor).post(`/api/mentoring/sessions/${logged.body.id}/confirmation`);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('PLANS.MENTORING_OWN_SESSION');
    expect((await ledgerOf(mentee)).entries).toEqual([]);

    const confirmed = await as(mentee).post(`/api/mentoring/sessions/${logged.body.id}/confirmation`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', jp: 2 });
    const twice = await as(mentee).post(`/api/mentoring/sessions/${logged.body.id}/confirmation`);
    expect(twice.status).toBe(200);
    expect(twice.body).toMatchObject({ status: 'confirmed', jp: 2 });

    const ledger = await ledgerOf(mentee);
    expect(ledger.entries).toEqual([
      expect.objectContaining({
        source: 'mentoring',
        jp: 2,
        title: expect.stringContaining('Menyusun rencana kerja tim'),
      }),
    ]);
    expect(ledger.earnedJp).toBe(2);
    expect((await ledgerOf(mentor)).entries).toEqual([]);
    const refresh = await t.dataSource.getRepository(OutboxMessage).findBy({
      jobName: 'development-plans.plan-refresh',
      jobId: `development-plans.plan-refresh:${mentee.user.id}:mentoring:${logged.body.id}`,
    });
    expect(refresh).toHaveLength(1);

    const detail = await as(admin).get(`/api/mentoring/pairings/${id}`);
    expect(detail.body).toMatchObject({ counts: { total: 1, confirmed: 1 }, totalJp: 2 });
    expect(detail.body.sessions[0]).toMatchObject({
      topic: 'Menyusun rencana kerja tim',
      minutes: 90,
      awaitingMe: false,
    });
  });

  it('lets the mentee log and the mentor confirm; a disputed session credits nothing and cannot be confirmed later', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const id = await pairOne(mentor, mentee);
    now = wib('2026-03-10');
    const first = await logSession(mentee, id, { minutes: 60, topic: 'Umpan balik presentasi' });
    const second = await logSession(mentee, id, { minutes: 45, topic: 'Sesi yang tidak terjadi' });
    expect(
      (await as(mentor).get(`/api/mentoring/pairings/${id}`)).body.sessions.map(
        (s: { awaitingMe: boolean }) => s.awaitingMe,
      ),
    ).toEqual([true, true]);

    expect((await as(mentor).post(`/api/mentoring/sessions/${first.body.id}/confirmation`)).body.jp).toBe(1.3);
    const disputed = await as(mentor).post(`/api/mentoring/sessions/${second.body.id}/dispute`, {
      reason: 'Kami tidak bertemu pada hari itu',
    });
    expect(disputed.status).toBe(200);
    expect(disputed.body).toMatchObject({
      status: 'disputed',
      jp: 0,
      disputeReason: 'Kami tidak bertemu pada hari itu',
    });
    expect((await as(mentor).post(`/api/mentoring/sessions/${second.body.id}/confirmation`)).status).toBe(409);
    expect(
      (await as(mentor).post(`/api/mentoring/sessions/${first.body.id}/dispute`, { reason: 'Berubah pikiran' })).status,
    ).toBe(409);

    const ledger = await ledgerOf(mentee);
    expect(ledger.entries.map((e: { jp: number }) => e.jp)).toEqual([1.3]);
    const outbox = await t.dataSource.getRepository(OutboxMessage).findBy({
      jobName: 'development-plans.plan-refresh',
      jobId: `development-plans.plan-refresh:${mentee.user.id}:mentoring:${second.body.id}`,
    });
    expect(outbox).toEqual([]);
    expect((await as(mentee).get(`/api/mentoring/pairings/${id}`)).body).toMatchObject({
      counts: { total: 2, confirmed: 1, disputed: 1, pending: 0 },
      totalJp: 1.3,
    });
  });

  it('stores a session sent twice at once (a double tap on a slow line) once, and credits it once', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const id = await pairOne(mentor, mentee);
    now = wib('2026-03-10');
    const [a, b] = await Promise.all([logSession(mentor, id), logSession(mentor, id)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect(await t.dataSource.getRepository(MentoringSession).countBy({ pairingId: id })).toBe(1);
    await t.drain();
  });

  it('refuses a session dated in the future or before the pairing started, with the field named', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const id = await pairOne(mentor, mentee);
    now = wib('2026-03-10');
    const future = await logSession(mentor, id, { heldOn: '2026-03-11' });
    expect(future.status).toBe(422);
    expect(future.body.details.fields).toEqual([expect.objectContaining({ field: 'heldOn', rule: 'future' })]);
    expect((await logSession(mentor, id, { heldOn: '2026-03-01' })).body.details.fields[0].rule).toBe('before_pairing');
    expect((await logSession(mentor, id, { minutes: 5 })).status).toBe(400);
  });

  it('keeps a pair to 8 hours of sessions a day and to 10 sessions waiting for an answer', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const id = await pairOne(mentor, mentee);
    now = wib('2026-03-31');
    expect((await logSession(mentor, id, { heldOn: '2026-03-02', minutes: 300 })).status).toBe(201);
    const disputed = await logSession(mentee, id, { heldOn: '2026-03-02', minutes: 180 });
    const full = await logSession(mentor, id, { heldOn: '2026-03-02', minutes: 10 });
    expect(full.status).toBe(422);
    expect(full.body.code).toBe('PLANS.MENTORING_DAY_FULL');
    // A disputed session frees its minutes.
    expect(
      (await as(mentor).post(`/api/mentoring/sessions/${disputed.body.id}/dispute`, { reason: 'Tidak terjadi' }))
        .status,
    ).toBe(200);
    expect((await logSession(mentor, id, { heldOn: '2026-03-02', minutes: 180 })).status).toBe(201);

    for (let day = 3; day <= 10; day++)
      expect((await logSession(mentor, id, { heldOn: `2026-03-${String(day).padStart(2, '0')}` })).status).toBe(201);
    const backlog = await logSession(mentor, id, { heldOn: '2026-03-11' });
    expect(backlog.status).toBe(409);
    expect(backlog.body.code).toBe('PLANS.MENTORING_TOO_MANY_PENDING');
  });

  it('records the achieved level as the mentee’s evidence when the admin completes the pairing', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const id = await pairOne(mentor, mentee);
    now = wib('2026-06-30');
    const done = await as(admin).post(`/api/mentoring/pairings/${id}/end`, { outcome: 'completed', achievedLevel: 3 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', achievedLevel: 3 });
    const evidence = await t.dataSource.query(
      'SELECT competency_code AS code, level FROM competency_evidence WHERE user_id = ? AND source = ?',
      [mentee.user.id, 'mentoring'],
    );
    expect(evidence.map((e: { code: string; level: number }) => ({ code: e.code, level: Number(e.level) }))).toEqual([
      { code: 'M.06', level: 3 },
    ]);
    expect((await ledgerOf(mentee)).entries).toEqual([]);
  });
  it('counts in the mentee’s plan: a confirmed session ticks the planned mentoring, the completed pairing raises the goal', async () => {
    const [mentor, mentee] = [await asn(), await asn()];
    const ok = (res: { status: number; body: Record<string, any> }) => {
      if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    let plan = ok(await as(mentee).post('/api/development-plans/me', {}));
    plan = ok(
      await as(mentee).post(`/api/development-plans/${plan.id}/goals`, {
        version: plan.version,
        competencyCode: 'M.06',
        targetLevel: 3,
      }),
    );
    ok(
      await as(mentee).post(`/api/development-plans/${plan.id}/activities`, {
        version: plan.version,
        goalId: plan.goals[0].id,
        kind: 'form',
        formCode: 'mentoring',
        title: 'Mentoring pengembangan diri',
        plannedJp: 4,
      }),
    );
    const id = await pairOne(mentor, mentee);
    now = wib('2026-03-10');
    const session = (await logSession(mentee, id)).body;
    ok(await as(mentor).post(`/api/mentoring/sessions/${session.id}/confirmation`));
    await t.drain();
    const ticked = ok(await as(mentee).get('/api/development-plans/me'));
    expect(ticked.activities[0]).toMatchObject({ status: 'done', creditedJp: 2, doneSource: 'mentoring' });
    expect(ticked.jp).toMatchObject({ earned: 2 });
    expect(ticked.goals[0]).toMatchObject({ competencyCode: 'M.06', currentLevel: 0, reached: false });

    ok(await as(admin).post(`/api/mentoring/pairings/${id}/end`, { outcome: 'completed', achievedLevel: 3 }));
    await t.drain();
    const raised = ok(await as(mentee).get('/api/development-plans/me'));
    expect(raised.goals[0]).toMatchObject({ competencyCode: 'M.06', currentLevel: 3, reached: true });
  });

  describe('pages', () => {
    const signedIn = async (who: GivenUser) => {
      const agent = browserAgent(t);
      await signInThroughPages(agent, who.username, who.password);
      return agent;
    };

    it('lets the mentor log a session on "Mentoring saya" and the mentee confirm it, on a phone-sized page', async () => {
      const [mentor, mentee] = [await asn(), await asn()];
      const id = await pairOne(mentor, mentee);
      now = wib('2026-03-10');
      const mentorPages = await signedIn(mentor);
      const list = await mentorPages.get('/mentoring');
      expect(list.status).toBe(200);
      expect(list.text).toContain('Mentoring saya');
      expect(list.text).toContain(`Anda mentor bagi ${mentee.user.name}`);
      expect(list.text).toContain(`href="/mentoring/${id}"`);

      const page = await mentorPages.get(`/mentoring/${id}`);
      expect(page.text).toContain('Catat sesi');
      expect(Buffer.byteLength(page.text)).toBeLessThan(100_000);
      const bad = await mentorPages
        .post(`/mentoring/${id}/sesi`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), heldOn: '2026-03-11', topic: 'Terlalu cepat', minutes: '60' });
      expect(bad.status).toBe(422);
      expect(bad.text).toContain('Tanggal sesi tidak boleh di masa depan.');
      expect(bad.text).toContain('value="Terlalu cepat"');
      const logged = await mentorPages
        .post(`/mentoring/${id}/sesi`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), heldOn: '2026-03-09', topic: 'Delegasi tugas', minutes: '90', notes: '' });
      expect(logged.status).toBe(303);
      const after = await mentorPages.get(logged.headers.location);
      expect(after.text).toContain('Sesi dicatat');
      expect(after.text).toContain('Menunggu konfirmasi pihak lainnya.');
      expect(after.text).not.toContain('Konfirmasi sesi');

      const ownId = (await as(mentor).get(`/api/mentoring/pairings/${id}`)).body.sessions[0].id;
      const own = await mentorPages
        .post(`/mentoring/sesi/${ownId}/konfirmasi`)
        .type('form')
        .send({ _csrf: csrfOf(after.text), pairingId: id });
      expect(own.status).toBe(422);
      expect(own.text).toContain('Sesi yang Anda catat dikonfirmasi oleh pihak lainnya, bukan oleh Anda.');
      const menteePages = await signedIn(mentee);
      expect((await menteePages.get('/mentoring')).text).toContain('1 sesi menunggu konfirmasi Anda');
      expect((await mentorPages.get('/mentoring')).text).not.toContain('menunggu konfirmasi Anda');
      const theirs = await menteePages.get(`/mentoring/${id}`);
      expect(theirs.text).toContain('Konfirmasi sesi');
      const sessionId = /action="\/mentoring\/sesi\/([0-9a-f-]{36})\/konfirmasi"/.exec(theirs.text)![1];
      const confirmed = await menteePages
        .post(`/mentoring/sesi/${sessionId}/konfirmasi`)
        .type('form')
        .send({ _csrf: csrfOf(theirs.text), pairingId: id });
      expect(confirmed.status).toBe(303);
      const done = await menteePages.get(confirmed.headers.location);
      expect(done.text).toContain('Sesi dikonfirmasi');
      expect(done.text).toContain('Dikonfirmasi · 2 JP');
      const jpPage = await menteePages.get('/jp');
      expect(jpPage.text).toContain('Delegasi tugas');
      expect(jpPage.text).toContain('Sesi mentoring');
      expect(jpPage.text).toContain('href="/mentoring"');
    });

    it('lets the admin form pairs from NIPs, see their sessions and JP, and end a pair with the level reached', async () => {
      const [mentor, first, second] = [await asn(), await asn(), await asn()];
      const adminPages = await signedIn(admin);
      const form = await adminPages.get('/admin/mentoring');
      expect(form.status).toBe(200);
      expect(form.text).toContain('Bentuk pasangan baru');
      expect(form.text).toContain('href="/admin/penghargaan-pembinaan"');
      const outsider = await asn(gorontaloUnit);
      const refused = await adminPages
        .post('/admin/mentoring')
        .type('form')
        .send({
          _csrf: csrfOf(form.text),
          mentorNip: nipOf(mentor),
          menteeNips: `${nipOf(first)}\n${nipOf(outsider)}`,
          competencyCode: 'M.02',
        });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Tidak ada ASN aktif dengan NIP tersebut di wilayah Anda.');

      const created = await adminPages
        .post('/admin/mentoring')
        .type('form')
        .send({
          _csrf: csrfOf(form.text),
          mentorNip: nipOf(mentor),
          menteeNips: `${nipOf(first)}\n${nipOf(second)}`,
          competencyCode: 'M.02',
        });
      expect(created.status).toBe(303);
      const list = await adminPages.get(created.headers.location);
      expect(list.text).toContain('2 pasangan mentoring dibentuk.');
      expect(list.text).toContain(`${mentor.user.name} → ${first.user.name}`);
      const again = await adminPages
        .post('/admin/mentoring')
        .type('form')
        .send({ _csrf: csrfOf(form.text), mentorNip: nipOf(mentor), menteeNips: nipOf(first), competencyCode: 'M.02' });
      expect(again.status).toBe(422);
      expect(again.text).toContain('sudah aktif membimbing');

      const pairingId = (await as(first).get('/api/mentoring/me/pairings')).body.pairings[0].id;
      const detail = await adminPages.get(`/admin/mentoring/${pairingId}`);
      expect(detail.text).toContain('Akhiri pasangan');
      const ended = await adminPages
        .post(`/admin/mentoring/${pairingId}/akhiri`)
        .type('form')
        .send({ _csrf: csrfOf(detail.text), outcome: 'completed', achievedLevel: '2', note: 'Sudah mandiri' });
      expect(ended.status).toBe(303);
      const closed = await adminPages.get(ended.headers.location);
      expect(closed.text).toContain('Pasangan mentoring diakhiri.');
      expect(closed.text).toContain('Level tercapai: 2');
      expect(closed.text).not.toContain('Akhiri pasangan');

      const gorontaloPages = await signedIn(gorontaloAdmin);
      expect((await gorontaloPages.get(`/admin/mentoring/${pairingId}`)).status).toBe(404);
      expect((await (await signedIn(first)).get('/admin/mentoring')).status).toBe(403);
    });
  });
});
