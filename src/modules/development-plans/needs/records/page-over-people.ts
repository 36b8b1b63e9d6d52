import { PageQuery, skipOf } from '../../../../../libs/common';

/**
 * One page of the records of many people, read a group of people at a time: each group's
 * count and its first `skip + pageSize` rows in the list's order; the page is cut from the
 * merge of those. `order` must sort as the reads' ORDER BY does.
 */
export async function pageOverPeople<T>(
  groups: AsyncIterable<string[]>,
  query: Pick<PageQuery, 'page' | 'pageSize'>,
  read: (userIds: string[], first: number) => Promise<[T[], number]>,
  order: (a: T, b: T) => number,
): Promise<[T[], number]> {
  const skip = skipOf(query);
  const first = skip + query.pageSize;
  let best: T[] = [];
  let total = 0;
  for await (const userIds of groups) {
    const [rows, count] = await read(userIds, first);
    total += count;
    if (rows.length > 0) best = [...best, ...rows].sort(order).slice(0, first);
  }
  return [best.slice(skip, first), total];
}

/** Compares for a descending sort (strings, numbers and dates alike). */
export function descending<V extends string | number | Date>(a: V, b: V): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
