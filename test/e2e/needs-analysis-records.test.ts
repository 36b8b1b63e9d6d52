import { PlanProgressService } from '../../src/modules/development-plans/plans/progress/plan-progress.service';
import { Clock } from '../../libs/common';
import { asUser, createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';
import { givenAsn, givenEvidence, givenPosition } from './needs-analysis.fixtures';

const API = '/api/development-plans/needs';

describe('needs analysis: assessments, SKP ratings and target positions a unit admin keeps', () => {
  let t: TestApp;
  let tangselUnit: string;
  let admin: GivenUser;
  let medanAdmin: GivenUser;
  let positionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    tangselUnit = (await givenUnit(t, '36.74')).id;
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: tangselUnit });
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71' });
    positionId = await givenPosition(t, { 'M.01': 3, 'M.02': 2 });
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-03-01T02:00:00Z'));
  });
  afterAll(() => t.close());

  const as = (who: Pick<GivenUser, 'auth'>) => asUser(t, who);
  const gapsOf = async (who: Pick<GivenUser, 'auth'>) => {
    const res = await as(who).get(`${API}/me/gaps`);
    expect(res.status).toBe(200);
    return res.body as {
      skpRating: string | null;
      skpYear: number | null;
      targetPositionId: string | null;
      rows: any[];
    };
  };
  const row = (gaps: { rows: any[] }, code: string) => gaps.rows.find((r) => r.competencyCode === code);
  const upload = (who: Pick<GivenUser, 'auth'>, csv: string) =>
    t.http().post(`${API}/skp-imports`).set('authorization', who.auth).attach('file', Buffer.from(csv), 'skp.csv');

  describe('competency assessments', () => {
    it('a recorded assessment sets the current level, superseding older evidence', async () => {
      const asn = await givenAsn(t, tangselUnit, positionId);
      await givenEvidence(t, asn.user.id, { 'M.01': 4 }, new Date('2025-06-01T03:00:00Z'));
      expect(row(await gapsOf(asn), 'M.01')).toMatchObject({ currentLevel: 4, gap: 0, currentSource: 'external' });

      const recorded = await as(admin).post(`${API}/assessments`, {
        nip: asn.nip,
        competencyCode: 'M.01',
        level: 2,
        assessedOn: '2026-02-10',
        source: 'assessment_centre',
        note: 'Hasil assessment center 2026',
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ level: 2, competencyName: 'Integritas', source: 'assessment_centre' });
      expect(row(await gapsOf(asn), 'M.01')).toMatchObject({ currentLevel: 2, gap: 1, currentSource: 'assessment' });

      // Learning after the assessment raises the level again.
      await givenEvidence(t, asn.user.id, { 'M.01': 3 }, new Date('2026-02-20T03:00:00Z'), 'course');
      expect(row(await gapsOf(asn), 'M.01')).toMatchObject({ currentLevel: 3, gap: 0, currentSource: 'course' });

      const list = await as(admin).get(`${API}/assessments?nip=${asn.nip}`);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ name: asn.user.name, level: 2, assessedOn: '2026-02-10' });

      // Taken back: the older course evidence counts again.
      expect((await as(admin).del(`${API}/assessments/${recorded.body.id}`)).status).toBe(204);
      expect(row(await gapsOf(asn), 'M.01')).toMatchObject({ currentLevel: 4, currentSource: 'external' });
    });

    it('a plan goal is measured the same way: old evidence a later assessment superseded does not reach it', async () => {
      const asn = await givenAsn(t, tangselUnit, positionId);
      await givenEvidence(t, asn.user.id, { 'M.01': 4 }, new Date('2023-06-01T03:00:00Z'));
      const recorded = await as(admin).post(`${API}/assessments`, {
        nip: asn.nip,
        competencyCode: 'M.01',
        level: 2,
        assessedOn: '2026-02-10',
        source: 'assessment_centre',
      });
      expect(recorded.status).toBe(201);
      const plan = await t.http().post('/api/development-plans/me').set('authorization', asn.auth).send({});
      expect(plan.status).toBe(201);
      const goal = plan.body.goals.find((g: { competencyCode: string }) => g.competencyCode === 'M.01');
      expect(goal).toMatchObject({ baselineLevel: 2, currentLevel: 2, targetLevel: 3, reachedAt: null });
      expect(plan.body.events.map((e: { action: string }) => e.action)).not.toContain('goal-reached');

      // Learning after the assessment reaches it.
      await givenEvidence(t, asn.user.id, { 'M.01': 3 }, new Date('2026-02-20T03:00:00Z'), 'course');
      await t.get(PlanProgressService).refresh(asn.user.id);
      const later = await t.http().get('/api/development-plans/me').set('authorization', asn.auth);
      expect(later.body.goals.find((g: { competencyCode: string }) => g.competencyCode === 'M.01')).toMatchObject({
        currentLevel: 3,
        reachedAt: '2026-02-20T03:00:00.000Z',
      });
    });

    it('refuses a future date, an unknown competency and a level out of 1-5, naming the field', async () => {
      const asn = await givenAsn(t, tangselUnit, positionId);
      const base = { nip: asn.nip, competencyCode: 'M.01', level: 3, assessedOn: '2026-01-05', source: 'supervisor' };
      const cases: Array<[object, number, string]> = [
        [{ assessedOn: '2026-03-02' }, 422, 'assessedOn'],
        [{ assessedOn: '2026-02-30' }, 422, 'assessedOn'],
        [{ competencyCode: 'M.99' }, 422, 'competencyCode'],
        [{ level: 6 }, 400, 'level'],
        [{ source: 'rumor' }, 400, 'source'],
      ];
      for (const [change, status, field] of cases) {
        const res = await as(admin).post(`${API}/assessments`, { ...base, ...change });
        expect([res.status, res.body.details?.fields?.[0]?.field]).toEqual([status, field]);
      }
      expect((await as(admin).get(`${API}/assessments?nip=${asn.nip}`)).body.total).toBe(0);
    });

    it('takes a date of today in WIB before 07:00, when UTC is still on yesterday', async () => {
      const asn = await givenAsn(t, tangselUnit, positionId);
      const clock = jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-03-01T18:30:00Z')); // 01:30 WIB, 2 March
      try {
        const body = { nip: asn.nip, competencyCode: 'M.02', level: 2, assessedOn: '2026-03-02', source: 'supervisor' };
        expect((await as(admin).post(`${API}/assessments`, body)).status).toBe(201);
      } finally {
        clock.mockReturnValue(new Date('2026-03-01T02:00:00Z'));
      }
    });

    it('is out of reach for another region’s admin and for learners (404/403)', async () => {
      const asn = await givenAsn(t, tangselUnit, positionId);
      const body = { nip: asn.nip, competencyCode: 'M.02', level: 1, assessedOn: '2026-01-05', source: 'supervisor' };
      const res = await as(medanAdmin).post(`${API}/assessments`, body);
      expect([res.status, res.body.code]).toEqual([404, 'PLANS.NEEDS_PERSON_NOT_FOUND']);
      const recorded = await as(admin).post(`${API}/assessments`, body);
      expect((await as(medanAdmin).del(`${API}/assessments/${recorded.body.id}`)).status).toBe(404);
      expect((await as(medanAdmin).get(`${API}/assessments`)).body.items).toEqual([]);
      expect((await as(asn).post(`${API}/assessments`, body)).status).toBe(403);
    });
  });

  describe('SKP ratings from CSV', () => {
    it('imports ratings in words; Butuh Perbaikan last year raises the person’s gaps one step', async () => {
      const weak = await givenAsn(t, tangselUnit, positionId);
      const good = await givenAsn(t, tangselUnit, positionId);
      const csv = `NIP;Tahun;Predikat\n${weak.nip};2025;Butuh Perbaikan\n${good.nip};2025;Sangat Baik\n`;
      const res = await upload(admin, csv);
      expect([res.status, res.body]).toEqual([201, { imported: 2, replaced: 0, years: [2025] }]);

      // M.01: required 3, nothing known: gap 3 (high either way); M.02: required 2, gap 2: medium, raised to high.
      expect((await gapsOf(weak)).skpRating).toBe('butuh_perbaikan');
      expect(row(await gapsOf(weak), 'M.02')).toMatchObject({ gap: 2, priority: 'high' });
      expect(row(await gapsOf(good), 'M.02')).toMatchObject({ gap: 2, priority: 'medium' });

      const list = await as(admin).get(`${API}/skp-ratings?year=2025&pageSize=100`);
      const mine = list.body.items.filter((i: any) => [weak.user.id, good.user.id].includes(i.userId));
      expect(mine.map((i: any) => i.rating).sort()).toEqual(['butuh_perbaikan', 'sangat_baik']);
    });

    it('takes the new year’s ratings from 00:00 WIB on 1 January', async () => {
      const asn = await givenAsn(t, tangselUnit, positionId);
      const clock = jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-12-31T17:30:00Z')); // 00:30 WIB
      try {
        const res = await upload(admin, `NIP;Tahun;Predikat\n${asn.nip};2027;Baik\n`);
        expect([res.status, res.body.years]).toEqual([201, [2027]]);
      } finally {
        clock.mockReturnValue(new Date('2026-03-01T02:00:00Z'));
      }
    });

    it('names every bad row and writes nothing at all when one is wrong', async () => {
      const a = await givenAsn(t, tangselUnit, positionId);
      const medan = await givenAsn(t, (await givenUnit(t, '12.71')).id, positionId);
      const csv = [
        'NIP,Tahun,Predikat',
        `${a.nip},2025,Baik`,
        `123,2025,Baik`,
        `${a.nip},2031,Baik`,
        `${a.nip},2024,Cukup`,
        `${medan.nip},2025,Kurang`,
      ].join('\n');
      const res = await upload(admin, csv);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('PLANS.NEEDS_SKP_IMPORT_INVALID');
      expect(res.body.details.fields.map((f: any) => [f.field, f.rule])).toEqual([
        ['line 3: nip', 'nip'],
        ['line 4: tahun', 'year'],
        ['line 5: predikat', 'rating'],
        ['line 6: nip', 'unknown_nip'],
      ]);
      expect((await gapsOf(a)).skpRating).toBeNull();
    });

    it('a re-import of the same year replaces the earlier rating', async () => {
      const asn = await givenAsn(t, tangselUnit, positionId);
      expect((await upload(admin, `NIP,Tahun,Predikat\n${asn.nip},2025,Kurang\n`)).status).toBe(201);
      expect((await gapsOf(asn)).skpRating).toBe('kurang');
      const again = await upload(admin, `NIP,Tahun,Predikat\n${asn.nip},2025,Baik\n`);
      expect(again.body).toEqual({ imported: 1, replaced: 1, years: [2025] });
      expect(await gapsOf(asn)).toMatchObject({ skpRating: 'baik', skpYear: 2025 });
      expect(row(await gapsOf(asn), 'M.02')).toMatchObject({ priority: 'medium' });
    });

    it('refuses a file that is not a spreadsheet', async () => {
      const res = await t
        .http()
        .post(`${API}/skp-imports`)
        .set('authorization', admin.auth)
        .attach('file', Buffer.from([0, 1, 2, 3, 0]), 'skp.bin');
      expect([res.status, res.body.details.fields[0].rule]).toEqual([400, 'format']);
    });
  });

  describe('target positions', () => {
    it('the ASN sets their aspiration; its standard adds target gaps', async () => {
      const asn = await givenAsn(t, tangselUnit, positionId);
      const next = await givenPosition(t, { 'M.01': 4, 'M.05': 3 });
      const res = await as(asn).put(`${API}/me/target-position`, { positionId: next });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ positionId: next, ownChoice: true });
      const gaps = await gapsOf(asn);
      expect(gaps.targetPositionId).toBe(next);
      expect(row(gaps, 'M.01')).toMatchObject({ requiredLevel: 3, targetRequiredLevel: 4, gap: 3, targetGap: 4 });
      expect(row(gaps, 'M.05')).toMatchObject({ requiredLevel: null, targetRequiredLevel: 3, gap: 0, targetGap: 3 });

      expect((await as(asn).del(`${API}/me/target-position`)).status).toBe(204);
      expect((await gapsOf(asn)).targetPositionId).toBeNull();
    });

    it('a unit admin sets it for an ASN of their region; another region’s admin gets 404', async () => {
      const asn = await givenAsn(t, tangselUnit, positionId);
      const next = await givenPosition(t, { 'M.03': 2 });
      const res = await as(admin).put(`${API}/people/${asn.user.id}/target-position`, { positionId: next });
      expect([res.status, res.body.ownChoice]).toEqual([200, false]);
      const admins = await as(admin).get(`${API}/people/${asn.user.id}/gaps`);
      expect(row(admins.body, 'M.03')).toMatchObject({ targetGap: 2 });

      expect(
        (await as(medanAdmin).put(`${API}/people/${asn.user.id}/target-position`, { positionId: next })).status,
      ).toBe(404);
      expect((await as(medanAdmin).get(`${API}/people/${asn.user.id}/gaps`)).status).toBe(404);
      const unknown = await as(admin).put(`${API}/people/${asn.user.id}/target-position`, {
        positionId: crypto.randomUUID(),
      });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'PLANS.NEEDS_POSITION_NOT_FOUND']);
    });
  });
});
