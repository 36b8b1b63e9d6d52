import { randomUUID } from 'node:crypto';
import { RegionsOfTheirPeople1764840000000 } from '../../migrations/1764840000000-RegionsOfTheirPeople';
import { createTestApp, givenRegions, givenUnit, givenUser, TestApp } from '../../libs/testing';

/** Assessments and SKP ratings of people who moved before their records followed them. */
describe('migration: records take the region their people are in now', () => {
  let t: TestApp;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
  });
  afterAll(async () => {
    for (const table of ['competency_assessment', 'skp_rating']) {
      await t.dataSource.query(`DELETE FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    }
    await t.close();
  });

  const at = '2026-02-01 03:00:00.000';
  const assessment = async (userId: string, regionCode: string | null) => {
    const id = randomUUID();
    ids.push(id);
    await t.dataSource.query(
      'INSERT INTO competency_assessment (id, user_id, competency_code, level, assessed_on, source, note, region_code, recorded_by, created_at) ' +
        "VALUES (?, ?, 'M.01', 3, '2026-01-10', 'supervisor', NULL, ?, ?, ?)",
      [id, userId, regionCode, userId, at],
    );
    return id;
  };
  const rating = async (userId: string, year: number, regionCode: string | null) => {
    const id = randomUUID();
    ids.push(id);
    await t.dataSource.query(
      'INSERT INTO skp_rating (id, user_id, year, rating, region_code, imported_by, imported_at) ' +
        "VALUES (?, ?, ?, 'baik', ?, ?, ?)",
      [id, userId, year, regionCode, userId, at],
    );
    return id;
  };
  const regionsOf = async (table: string, rowIds: string[]) => {
    const rows: Array<{ id: string; region_code: string | null }> = await t.dataSource.query(
      `SELECT id, region_code FROM ${table} WHERE id IN (${rowIds.map(() => '?').join(', ')})`,
      rowIds,
    );
    return rowIds.map((id) => rows.find((r) => r.id === id)?.region_code);
  };

  it('moves the records of people who moved, and leaves the rest', async () => {
    const medan = (await givenUnit(t, '12.71')).id;
    const tangsel = (await givenUnit(t, '36.74')).id;
    const mover = (await givenUser(t, { unitId: medan })).user.id;
    const stayer = (await givenUser(t, { unitId: tangsel })).user.id;
    const gone = randomUUID();

    const assessments = [
      await assessment(mover, '36.74'),
      await assessment(mover, null),
      await assessment(stayer, '36.74'),
      await assessment(gone, '36.74'),
    ];
    const ratings = [
      await rating(mover, 2024, '36.74'),
      await rating(mover, 2025, '12.71'),
      await rating(stayer, 2025, '36.74'),
    ];

    const runner = t.dataSource.createQueryRunner();
    try {
      await new RegionsOfTheirPeople1764840000000().up(runner);
      // Run again: nothing left to change.
      await new RegionsOfTheirPeople1764840000000().up(runner);
    } finally {
      await runner.release();
    }

    expect(await regionsOf('competency_assessment', assessments)).toEqual(['12.71', '12.71', '36.74', '36.74']);
    expect(await regionsOf('skp_rating', ratings)).toEqual(['12.71', '12.71', '36.74']);
  });
});
