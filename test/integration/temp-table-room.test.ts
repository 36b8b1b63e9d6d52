import { isMysqlFamily, withTempTableRoom } from '../../libs/database';
import { createTestApp, TestApp } from '../../libs/testing';

const ROOM = 64 * 1024 * 1024;

/** The rebuild's room for in-memory GROUP BYs lasts for its work and not a query longer. */
describe('withTempTableRoom', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const sizes = async (query: (sql: string) => Promise<Array<Record<string, unknown>>>) => {
    const [row] = await query('SELECT @@SESSION.tmp_table_size AS tmp, @@SESSION.max_heap_table_size AS heap');
    return { tmp: Number(row.tmp), heap: Number(row.heap) };
  };

  it('raises both limits on the connection while the work runs and gives it back with the defaults, also after a failure', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (!isMysqlFamily(t.dataSource)) {
        // SQLite has no such limits: the work just runs.
        expect(await withTempTableRoom(runner.manager, ROOM, async () => 'ran')).toBe('ran');
        return;
      }
      const query = (sql: string) => runner.query(sql);
      const before = await sizes(query);
      expect(before.tmp).toBeLessThan(ROOM);
      expect(await withTempTableRoom(runner.manager, ROOM, () => sizes(query))).toEqual({ tmp: ROOM, heap: ROOM });
      expect(await sizes(query)).toEqual(before);
      await expect(
        withTempTableRoom(runner.manager, ROOM, async () => {
          throw new Error('the work failed');
        }),
      ).rejects.toThrow('the work failed');
      expect(await sizes(query)).toEqual(before);
    } finally {
      await runner.release();
    }
  });
});
