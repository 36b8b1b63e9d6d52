import { descending, pageOverPeople } from './page-over-people';

interface Row {
  userId: string;
  day: string;
  id: string;
}

/** Records of people in three groups, read the way a region's list reads them. */
const rows: Row[] = [
  { userId: 'a', day: '2026-01-05', id: '1' },
  { userId: 'a', day: '2026-03-01', id: '2' },
  { userId: 'b', day: '2026-02-10', id: '3' },
  { userId: 'c', day: '2026-03-01', id: '4' },
  { userId: 'c', day: '2025-12-31', id: '5' },
  { userId: 'd', day: '2026-02-10', id: '6' },
];
const order = (x: Row, y: Row) => descending(x.day, y.day) || descending(x.id, y.id);

async function* groups(): AsyncGenerator<string[]> {
  yield ['a', 'b'];
  yield ['c'];
  yield ['d', 'e'];
}

const read = async (userIds: string[], first: number): Promise<[Row[], number]> => {
  const theirs = rows.filter((r) => userIds.includes(r.userId)).sort(order);
  return [theirs.slice(0, first), theirs.length];
};

describe('pageOverPeople', () => {
  it.each([
    [1, 2, ['4', '2']],
    [2, 2, ['6', '3']],
    [3, 2, ['1', '5']],
    [4, 2, []],
    [1, 10, ['4', '2', '6', '3', '1', '5']],
  ])('page %i of %i gives the rows of every group in one order', async (page, pageSize, ids) => {
    const [found, total] = await pageOverPeople(groups(), { page, pageSize }, read, order);
    expect([found.map((r) => r.id), total]).toEqual([ids, 6]);
  });

  it('gives an empty page for a region with no one in it', async () => {
    async function* none(): AsyncGenerator<string[]> {}
    expect(await pageOverPeople(none(), { page: 1, pageSize: 20 }, read, order)).toEqual([[], 0]);
  });
});
