import { isUUID } from 'class-validator';
import { newId } from './ids';

const msOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('newId', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is a UUIDv7 that the DTOs accept', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUUID(id)).toBe(true);
    expect(isUUID(id, 'all')).toBe(true);
  });

  it('carries the millisecond it was made in', () => {
    const before = Date.now();
    const id = newId();
    expect(msOf(id)).toBeGreaterThanOrEqual(before);
    expect(msOf(id)).toBeLessThanOrEqual(Date.now());
  });

  it('sorts in the order ids were made, within one millisecond too, and never repeats', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps counting up when the clock stands still past the counter, or steps back', () => {
    const now = Date.now() + 60_000;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    const still = Array.from({ length: 5_000 }, () => newId());
    clock.mockReturnValue(now - 10_000);
    const back = Array.from({ length: 10 }, () => newId());
    const ids = [...still, ...back];
    expect([...ids].sort()).toEqual(ids);
    // More than one millisecond's counter: later ids borrow the next milliseconds.
    expect(msOf(still[still.length - 1])).toBeGreaterThan(now);
  });

  it('differs in its random part between ids of one millisecond', () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 120_000);
    const tails = new Set(Array.from({ length: 100 }, () => newId().slice(19)));
    expect(tails.size).toBe(100);
  });
});
