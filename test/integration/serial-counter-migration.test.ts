import { SerialCounterPerPrintedIssuer1764820000000 } from '../../migrations/1764820000000-SerialCounterPerPrintedIssuer';
import { createTestApp, TestApp } from '../../libs/testing';

describe('migration: serial counters kept per printed issuer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('merges counters of codes that print alike at the highest number either gave, and keeps the rest', async () => {
    await t.dataSource.query('DELETE FROM certificate_serial');
    const rows: Array<[string, number]> = [
      ['BKPSDM_3674:2026', 12],
      ['BKPSDM-3674:2026', 300],
      ['bkpsdm-3674:2025', 7],
      ['NASIONAL:2026', 41],
    ];
    for (const [key, last] of rows) {
      await t.dataSource.query('INSERT INTO certificate_serial (serial_key, last_number) VALUES (?, ?)', [key, last]);
    }
    const runner = t.dataSource.createQueryRunner();
    try {
      await new SerialCounterPerPrintedIssuer1764820000000().up(runner);
    } finally {
      await runner.release();
    }
    const after: Array<{ serial_key: string; last_number: number | string }> = await t.dataSource.query(
      'SELECT serial_key, last_number FROM certificate_serial ORDER BY serial_key',
    );
    expect(after.map((r) => [r.serial_key, Number(r.last_number)])).toEqual([
      ['BKPSDM-3674:2025', 7],
      ['BKPSDM-3674:2026', 300],
      ['NASIONAL:2026', 41],
    ]);
  });
});
