import { KnownRegions } from './known-regions';

describe('KnownRegions', () => {
  const region = (code: string) => ({ code, name: `Wilayah ${code}` });

  it('reads only the codes it has not found yet, and never keeps a miss', async () => {
    let now = 0;
    const known = new KnownRegions<{ code: string; name: string }>(() => now);
    const reads: string[][] = [];
    const read = async (missing: string[]) => {
      reads.push(missing);
      return missing.filter((c) => c !== '99').map(region);
    };
    expect((await known.byCodes(['36', '36.74', '99'], read)).map((r) => r.code)).toEqual(['36', '36.74']);
    expect((await known.byCodes(['36.74', '36', '99', '12'], read)).map((r) => r.code).sort()).toEqual([
      '12',
      '36',
      '36.74',
    ]);
    expect(reads).toEqual([
      ['36', '36.74', '99'],
      ['99', '12'],
    ]);
    now += 10 * 60_000 + 1; // kept ten minutes, then read again
    await known.byCodes(['36'], read);
    expect(reads[2]).toEqual(['36']);
  });
});
