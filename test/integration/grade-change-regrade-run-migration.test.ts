import { randomUUID } from 'node:crypto';
import { moveRegradeRunIds } from '../../migrations/1764890000000-GradeChangeRegradeRun';
import { createTestApp, TestApp } from '../../libs/testing';
import { GradeChange } from '../../src/modules/assessment/entities';

/** Regrade audit rows written before regrade_id existed named their run in the reason. */
describe('migration: a regrade audit row keeps its run in regrade_id, not in its reason', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const row = async (kind: GradeChange['kind'], reason: string | null) => {
    const id = randomUUID();
    await t.dataSource.query(
      'INSERT INTO grade_change (id, attempt_id, kind, slot, by_user_id, reason, regrade_id, before_hundredths, ' +
        "after_hundredths, at) VALUES (?, ?, ?, NULL, NULL, ?, NULL, 0, 100, '2026-03-02 01:00:00.000')",
      [id, randomUUID(), kind, reason],
    );
    return id;
  };
  const read = (id: string) => t.dataSource.getRepository(GradeChange).findOneByOrFail({ id });

  it('moves the run id of an old regrade row and leaves what people wrote alone', async () => {
    const run = randomUUID();
    const regraded = await row('regrade', `regrade ${run}`);
    // An instructor's own words that happen to start the same way are a reason, not a run.
    const overridden = await row('override', 'regrade after the key fix');
    const runner = t.dataSource.createQueryRunner();
    try {
      await moveRegradeRunIds(runner);
      await moveRegradeRunIds(runner); // a second run changes nothing
    } finally {
      await runner.release();
    }
    expect(await read(regraded)).toMatchObject({ regradeId: run, reason: null });
    expect(await read(overridden)).toMatchObject({ regradeId: null, reason: 'regrade after the key fix' });
  });
});
