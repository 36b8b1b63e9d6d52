import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let now = 0;
  const compute = jest.fn(async () => `v${now}`);
  beforeEach(() => {
    now = 1000;
    compute.mockClear();
  });

  it('answers from memory until the time is up, then computes again', async () => {
    const cache = new TtlCache<string>(5000, () => now);
    expect(await cache.getOrCompute('a', compute)).toBe('v1000');
    now = 5999;
    expect(await cache.getOrCompute('a', compute)).toBe('v1000');
    now = 6000;
    expect(await cache.getOrCompute('a', compute)).toBe('v6000');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps keys apart and drops the oldest when full', async () => {
    const cache = new TtlCache<string>(5000, () => now, 2);
    await cache.getOrCompute('a', compute);
    await cache.getOrCompute('b', compute);
    await cache.getOrCompute('c', compute);
    await cache.getOrCompute('b', compute);
    expect(compute).toHaveBeenCalledTimes(3);
    await cache.getOrCompute('a', compute);
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it('caches nothing with a time of 0', async () => {
    const cache = new TtlCache<string>(0, () => now);
    await cache.getOrCompute('a', compute);
    await cache.getOrCompute('a', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
