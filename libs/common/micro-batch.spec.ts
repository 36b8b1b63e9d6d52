import { MicroBatch } from './micro-batch';

describe('MicroBatch', () => {
  it('hands calls arriving together to one run, and each caller its own outcome', async () => {
    const runs: number[][] = [];
    const batch = new MicroBatch<number, number>(
      async (keys) => {
        runs.push(keys);
        return keys.map((k) => (k === 3 ? new Error('three') : k * 10));
      },
      { maxSize: 10, windowMs: 5 },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((k) => batch.add(k)));
    expect(runs).toEqual([[1, 2, 3, 4]]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      10,
      20,
      'three',
      40,
    ]);
  });

  it('runs at once when the batch is full, and rejects every caller when the run fails', async () => {
    const runs: number[][] = [];
    const batch = new MicroBatch<number>(
      async (keys) => {
        runs.push(keys);
        if (keys.includes(5)) throw new Error('deadlock');
        return keys.map(() => undefined);
      },
      { maxSize: 2, windowMs: 10_000 },
    );
    await Promise.all([batch.add(1), batch.add(2)]);
    const failed = await Promise.allSettled([batch.add(5), batch.add(6)]);
    expect(runs).toEqual([
      [1, 2],
      [5, 6],
    ]);
    expect(failed.every((r) => r.status === 'rejected')).toBe(true);
  });

  it('with a window of 0 takes the calls of one event-loop turn together, and a later call in a new batch', async () => {
    const runs: number[][] = [];
    const batch = new MicroBatch<number>(
      async (keys) => {
        runs.push(keys);
        return keys.map(() => undefined);
      },
      { maxSize: 100, windowMs: 0 },
    );
    // A lone call waits for no timer: it is handed over right after the turn it was made in.
    let timerFired = false;
    const timer = setTimeout(() => (timerFired = true), 1);
    await Promise.all([batch.add(1), batch.add(2), batch.add(3)]);
    expect(timerFired).toBe(false);
    clearTimeout(timer);
    await batch.add(4);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });
});
