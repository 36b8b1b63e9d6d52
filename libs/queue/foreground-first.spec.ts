import { ForegroundFirst } from './foreground-first';

/** A clock the test moves, and a sleep that moves it. */
function fakeTime() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
      await Promise.resolve();
    },
    advance: (ms: number) => (t += ms),
  };
}

describe('ForegroundFirst', () => {
  it('starts background work at once when nothing is in the foreground', async () => {
    const time = fakeTime();
    const gate = new ForegroundFirst({ quietMs: 50, maxWaitMs: 1000, pollMs: 10, ...time });
    await gate.background(async () => undefined);
    expect(time.now()).toBe(0);
  });

  it('holds background work while a foreground job runs, and for quietMs after the last one', async () => {
    const time = fakeTime();
    const gate = new ForegroundFirst({ quietMs: 50, maxWaitMs: 10_000, pollMs: 10, ...time });
    let finishForeground: () => void = () => undefined;
    const foreground = gate.foreground(() => new Promise<void>((r) => (finishForeground = r)));
    let startedAt: number | null = null;
    const background = gate.background(async () => {
      startedAt = time.now();
    });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    // The sleeps moved the clock while the grade ran; the background job has not started.
    expect(startedAt).toBeNull();
    expect(gate.busy()).toBe(true);
    const endedAt = time.now();
    finishForeground();
    await foreground;
    await background;
    expect(startedAt).not.toBeNull();
    expect(startedAt!).toBeGreaterThanOrEqual(endedAt + 50);
    expect(startedAt!).toBeLessThan(endedAt + 50 + 10 + 1);
  });

  it('never holds background work longer than maxWaitMs', async () => {
    const time = fakeTime();
    const gate = new ForegroundFirst({ quietMs: 50, maxWaitMs: 300, pollMs: 10, ...time });
    void gate.foreground(() => new Promise<void>(() => undefined));
    await gate.background(async () => undefined);
    expect(time.now()).toBeGreaterThanOrEqual(300);
    expect(time.now()).toBeLessThan(311);
  });

  it('holds background work while foreground jobs wait to be taken, though none runs yet', async () => {
    const time = fakeTime();
    let waitingToBeTaken = true;
    const gate = new ForegroundFirst({
      quietMs: 50,
      maxWaitMs: 10_000,
      pollMs: 10,
      foregroundWaiting: () => waitingToBeTaken,
      ...time,
    });
    let startedAt: number | null = null;
    const background = gate.background(async () => void (startedAt = time.now()));
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(startedAt).toBeNull();
    const takenAt = time.now();
    waitingToBeTaken = false;
    await background;
    // Nothing ran in the foreground: it goes at the next look, with no quiet period to wait out.
    expect(startedAt!).toBeGreaterThanOrEqual(takenAt);
    expect(startedAt!).toBeLessThanOrEqual(takenAt + 10);
  });

  it('is free again once a failed foreground job has ended', async () => {
    const time = fakeTime();
    const gate = new ForegroundFirst({ quietMs: 50, maxWaitMs: 10_000, pollMs: 10, ...time });
    await expect(gate.foreground(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.busy()).toBe(true);
    time.advance(50);
    expect(gate.busy()).toBe(false);
  });

  it('lets many waiting jobs share one ticker, and releases them together when foreground goes quiet', async () => {
    const time = fakeTime();
    let sleeps = 0;
    const gate = new ForegroundFirst({
      quietMs: 50,
      maxWaitMs: 10_000,
      pollMs: 10,
      now: time.now,
      sleep: (ms) => {
        sleeps++;
        return time.sleep(ms);
      },
    });
    let finishForeground: () => void = () => undefined;
    const foreground = gate.foreground(() => new Promise<void>((r) => (finishForeground = r)));
    const started: number[] = [];
    const jobs = Array.from({ length: 30 }, (_, i) => gate.background(async () => void started.push(i)));
    for (let i = 0; i < 100; i++) await Promise.resolve();
    expect(started).toEqual([]);
    finishForeground();
    await foreground;
    await Promise.all(jobs);
    expect(started).toHaveLength(30);
    // One sleep per poll period for all thirty, not one each.
    expect(sleeps).toBeLessThanOrEqual(time.now() / 10 + 1);
  });
});
