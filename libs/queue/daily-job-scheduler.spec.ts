import { DailyJobScheduler } from './daily-job-scheduler';

class CountingScheduler extends DailyJobScheduler {
  calls = 0;
  constructor(role: 'api' | 'worker' | 'all', env: 'development' | 'production' | 'test') {
    super({ role, env });
  }
  enqueueToday(): Promise<void> {
    this.calls++;
    return Promise.reject(new Error('Redis away')); // a failed try waits for the next tick
  }
}

describe('DailyJobScheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each([
    ['worker', 'production', [1, 2, 25]],
    ['all', 'development', [1, 2, 25]],
    ['api', 'production', [0, 0, 0]],
    ['all', 'test', [0, 0, 0]],
  ] as const)('on a %s process in %s tries at start, then every hour: %j', (role, env, expected) => {
    const scheduler = new CountingScheduler(role, env);
    scheduler.onApplicationBootstrap();
    const seen = [scheduler.calls];
    jest.advanceTimersByTime(3600_000);
    seen.push(scheduler.calls);
    jest.advanceTimersByTime(23 * 3600_000);
    seen.push(scheduler.calls);
    scheduler.onApplicationShutdown();
    jest.advanceTimersByTime(3600_000);
    expect(seen).toEqual(expected);
    expect(scheduler.calls).toBe(expected[2]);
  });
});
