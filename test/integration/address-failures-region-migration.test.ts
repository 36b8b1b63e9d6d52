import { randomUUID } from 'node:crypto';
import { RegionsOfTheirPeople1764840000000 } from '../../migrations/1764840000000-RegionsOfTheirPeople';
import { createTestApp, givenRegions, givenUnit, givenUser, TestApp } from '../../libs/testing';

/** Refused mail addresses of people who moved before their address followed them. */
describe('migration: refused addresses take the region their people are in now', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
  });
  afterAll(() => t.close());

  const failure = async (userId: string, regionCode: string | null) => {
    const id = randomUUID();
    await t.dataSource.query(
      'INSERT INTO notification_address_failure (id, user_id, email, region_code, smtp_code, reason, failed_at) ' +
        "VALUES (?, ?, ?, ?, 550, 'Mailbox unavailable', '2026-02-01 03:00:00.000')",
      [id, userId, `${id}@uji.bina.id`, regionCode],
    );
    return id;
  };

  it('moves the addresses of people who moved, and leaves the rest', async () => {
    const mover = (await givenUser(t, { unitId: (await givenUnit(t, '12.71')).id })).user.id;
    const stayer = (await givenUser(t, { unitId: (await givenUnit(t, '36.74')).id })).user.id;
    const gone = randomUUID();
    const ids = [await failure(mover, '36.74'), await failure(stayer, '36.74'), await failure(gone, '36.74')];
    const runner = t.dataSource.createQueryRunner();
    try {
      await new RegionsOfTheirPeople1764840000000().up(runner);
    } finally {
      await runner.release();
    }
    const rows: Array<{ id: string; region_code: string | null }> = await t.dataSource.query(
      `SELECT id, region_code FROM notification_address_failure WHERE id IN (?, ?, ?)`,
      ids,
    );
    expect(ids.map((id) => rows.find((r) => r.id === id)?.region_code)).toEqual(['12.71', '36.74', '36.74']);
  });
});
