import {
  asUser,
  createTestApp,
  givenDraftCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';

/**
 * Lists sorted by something many rows share (an ASN's name, a unit's name) must still page
 * through every row exactly once: MySQL may order tied rows differently for each LIMIT, so
 * without a unique tiebreak page 2 repeats rows of page 1 and some rows are on no page.
 */
describe('paging through lists whose sort key repeats', () => {
  let t: TestApp;
  let admin: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    admin = await givenUser(t, { role: 'national_admin' });
  });
  afterAll(() => t.close());

  async function everyPage(url: string, pageSize: number): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await asUser(t, admin).get(`${url}&pageSize=${pageSize}&page=${page}`);
      expect(res.status).toBe(200);
      const items = res.body.items as Array<{ id: string }>;
      ids.push(...items.map((i) => i.id));
      if (page * pageSize >= res.body.total) return ids;
    }
  }

  it('lists every ASN of the same name once across the pages', async () => {
    const unit = await givenUnit(t, '36.74');
    const people = await Promise.all(Array.from({ length: 23 }, () => givenUser(t, { unitId: unit.id })));
    await t.dataSource.query("UPDATE user_account SET name = 'Siti Rahayu' WHERE unit_id = ?", [unit.id]);

    const ids = await everyPage(`/api/users?unitId=${unit.id}`, 5);
    expect(ids).toHaveLength(23);
    expect(new Set(ids)).toEqual(new Set(people.map((p) => p.user.id)));
  });

  it('lists every unit of the same name once across the pages', async () => {
    const units = await Promise.all(Array.from({ length: 23 }, () => givenUnit(t, '75.71')));
    await t.dataSource.query(
      `UPDATE unit SET name = 'Dinas Kesehatan Sama' WHERE id IN (${units.map(() => '?').join(', ')})`,
      units.map((u) => u.id),
    );

    const ids = await everyPage('/api/units?q=Kesehatan%20Sama', 5);
    expect(ids).toHaveLength(23);
    expect(new Set(ids)).toEqual(new Set(units.map((u) => u.id)));
  });

  it("lists every one of an instructor's courses once across the pages when they were changed at the same moment", async () => {
    const instructor = await givenUser(t, { role: 'instructor' });
    const courses = [];
    for (let i = 0; i < 23; i++) courses.push(await givenDraftCourse(t, instructor.auth));
    const ids = courses.map((c) => c.courseId);
    await t.dataSource.query(`UPDATE course SET updated_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [
      '2026-03-02 08:00:00.000',
      ...ids,
    ]);

    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const res = await asUser(t, instructor).get(`/api/catalog/courses?pageSize=5&page=${page}`);
      seen.push(...(res.body.items as Array<{ id: string }>).map((c) => c.id));
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen)).toEqual(new Set(ids));
  });
});
