import { Clock, newId } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import { JOB_TRANSPORT, JobTransport, OutboxMessage, OutboxRelay, OutboxService } from '../../libs/queue';
import { BullMqTransport } from '../../libs/queue/bullmq.transport';
import { createTestApp, TestApp, usesRedis } from '../../libs/testing';
import { HousekeepingJob } from '../../src/platform/housekeeping.job';

describe(`the outbox (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let handled: string[];

  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_POLL_MS: '60000' });
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.drain();
    handled = [];
    jest.spyOn(t.get(HousekeepingJob), 'handle').mockImplementation(async (_payload, context) => {
      if (!context) throw new Error('no job context');
      handled.push(context.jobId);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const enqueue = (jobId: string, fail = false) =>
    t.get(TransactionRunner).run(async (m) => {
      await t.get(OutboxService).enqueue(m, 'platform.housekeeping', { olderThanHours: 48 }, { jobId });
      if (fail) throw new Error('the state change failed');
    });

  const handledIds = () => handled.map((id) => id.replace(/\|/g, ':')).sort();

  it('runs a job written in a committed transaction exactly once', async () => {
    await enqueue('commit-1');
    await t.drain();
    expect(handledIds()).toEqual(['platform.housekeeping:commit-1']);
  });

  it("the test kit's drain runs a job queued before the clock was moved back, and keeps a delayed one waiting", async () => {
    const relay = t.get(OutboxRelay);
    const clock = jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2027-01-04T03:00:00Z'));
    await relay.stop();
    try {
      await enqueue('before-the-clock-moved-back');
      await t
        .get(TransactionRunner)
        .run((m) =>
          t
            .get(OutboxService)
            .enqueue(m, 'platform.housekeeping', { olderThanHours: 48 }, { jobId: 'delayed', delayMs: 60_000 }),
        );
      clock.mockReturnValue(new Date('2026-03-02T03:00:00Z'));
    } finally {
      relay.start(60_000);
    }
    await t.drain();
    expect(handledIds()).toEqual(['platform.housekeeping:before-the-clock-moved-back']);
    const delayed = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ jobId: 'platform.housekeeping:delayed' });
    expect(delayed.status).toBe('pending');
    await t.dataSource.getRepository(OutboxMessage).delete({ id: delayed.id });
  });

  it('writes no job when the transaction that carried it rolls back', async () => {
    await expect(enqueue('rolled-back', true)).rejects.toThrow('the state change failed');
    await t.drain();
    expect(handled).toEqual([]);
    expect(
      await t.dataSource.getRepository(OutboxMessage).countBy({ jobId: 'platform.housekeeping:rolled-back' }),
    ).toBe(0);
  });

  it('keeps one row and runs one job when the same unit of work is enqueued twice', async () => {
    await enqueue('twice');
    await enqueue('twice');
    await t.drain();
    expect(handledIds()).toEqual(['platform.housekeeping:twice']);
  });

  it('runs each of 1,000 pending jobs once when two relays work the outbox at the same time', async () => {
    await t.get(TransactionRunner).run(async (m) => {
      for (let i = 0; i < 1000; i++) {
        await t.get(OutboxService).enqueue(m, 'platform.housekeeping', { olderThanHours: 48 }, { jobId: `bulk-${i}` });
      }
    });
    const second = new OutboxRelay(
      t.dataSource,
      t.get<JobTransport>(JOB_TRANSPORT as never),
      t.get(Clock),
      t.get(TransactionRunner),
    );
    await Promise.all([t.get(OutboxRelay).relayDue(), second.relayDue()]);
    await t.drain();
    expect(handled).toHaveLength(1000);
    expect(new Set(handled).size).toBe(1000);
  });

  it('delivers a job again when its handler fails, and records the error meanwhile', async () => {
    let calls = 0;
    jest.spyOn(t.get(HousekeepingJob), 'handle').mockImplementation(async (_p, context) => {
      if (!context) throw new Error('no job context');
      calls++;
      if (calls === 1) throw new Error('temporary trouble');
      handled.push(context.jobId);
    });
    await enqueue('flaky');
    if (!usesRedis()) {
      await t.get(OutboxRelay).relayDue();
      const row = await t.dataSource
        .getRepository(OutboxMessage)
        .findOneByOrFail({ jobId: 'platform.housekeeping:flaky' });
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'temporary trouble' });
      await t.dataSource.getRepository(OutboxMessage).update({ id: row.id }, { availableAt: new Date(0) });
    }
    await t.drain(30_000);
    expect(calls).toBe(2);
    expect(handledIds()).toEqual(['platform.housekeeping:flaky']);
  });

  (usesRedis() ? it.skip : it)(
    'runs a job queued while a long one runs at once, not after it (in-process lanes)',
    async () => {
      // A certificate ZIP or a needs analysis can run for minutes on the embedded default;
      // the grade of a quiz submitted meanwhile must not wait for it.
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => (release = r));
      let longStarted: () => void = () => undefined;
      const started = new Promise<void>((r) => (longStarted = r));
      jest.spyOn(t.get(HousekeepingJob), 'handle').mockImplementation(async (_payload, context) => {
        if (context!.jobId.endsWith(':long')) {
          longStarted();
          await held;
        }
        handled.push(context!.jobId);
      });
      try {
        await enqueue('long');
        await enqueue('beside-long');
        t.get(OutboxRelay).kick();
        await started;
        await enqueue('after-long');
        const until = Date.now() + 5_000;
        while (handled.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        expect(handledIds()).toEqual(['platform.housekeeping:after-long', 'platform.housekeeping:beside-long']);
      } finally {
        release();
      }
      await t.drain();
      expect(handledIds()).toEqual([
        'platform.housekeeping:after-long',
        'platform.housekeeping:beside-long',
        'platform.housekeeping:long',
      ]);
    },
  );

  /** A housekeeping job that runs until released, and counts its runs. */
  const holdJob = (jobIdSuffix: string) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let started: () => void = () => undefined;
    const running = new Promise<void>((r) => (started = r));
    let runs = 0;
    jest.spyOn(t.get(HousekeepingJob), 'handle').mockImplementation(async (_payload, context) => {
      if (context!.jobId.endsWith(jobIdSuffix)) {
        runs++;
        started();
        await held;
      }
      handled.push(context!.jobId);
    });
    return { release, running, runs: () => runs };
  };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  (usesRedis() ? it.skip : it)(
    'a stopping relay starts no new job: a shutdown waits only for those running',
    async () => {
      const relay = t.get(OutboxRelay);
      const long = holdJob(':slow');
      try {
        await enqueue('slow');
        relay.kick();
        await long.running;
        let stopped = false;
        const stopping = relay.stop().then(() => (stopped = true));
        await enqueue('late');
        await pause(100);
        expect(stopped).toBe(false);
        long.release();
        await stopping;
        expect(handledIds()).toEqual(['platform.housekeeping:slow']);
      } finally {
        long.release();
        relay.start(60_000);
      }
      await t.drain();
      expect(handledIds()).toEqual(['platform.housekeeping:late', 'platform.housekeeping:slow']);
    },
  );

  (usesRedis() ? it.skip : it)('a job running past its lease keeps it: it is not started a second time', async () => {
    const relay = t.get(OutboxRelay);
    jest.spyOn(relay as unknown as { leaseMs: number }, 'leaseMs', 'get').mockReturnValue(300);
    const long = holdJob(':outlives-lease');
    try {
      await enqueue('outlives-lease');
      relay.kick();
      await long.running;
      // Kicks after the first lease ran out would claim the row again if it were not extended.
      for (let i = 0; i < 10; i++) {
        await pause(100);
        relay.kick();
      }
      expect(long.runs()).toBe(1);
    } finally {
      long.release();
    }
    await t.drain();
    expect(long.runs()).toBe(1);
  });

  (usesRedis() ? it.skip : it)(
    'a failed claim leaves the jobs running in the pass: a shutdown still waits for them',
    async () => {
      const relay = t.get(OutboxRelay);
      const long = holdJob(':running-on');
      try {
        await enqueue('running-on');
        relay.kick();
        await long.running;
        jest
          .spyOn(relay as unknown as { claim: () => Promise<unknown> }, 'claim')
          .mockRejectedValueOnce(new Error('database is locked'));
        await enqueue('after-a-failed-claim');
        await pause(100);
        let stopped = false;
        const stopping = relay.stop().then(() => (stopped = true));
        await pause(100);
        expect(stopped).toBe(false);
        long.release();
        await stopping;
      } finally {
        long.release();
        relay.start(60_000);
      }
      await t.drain();
      expect(handledIds()).toEqual(['platform.housekeeping:after-a-failed-claim', 'platform.housekeeping:running-on']);
    },
  );

  it('keeps what a relay pass recorded when a transaction open at the same time rolls back', async () => {
    // On SQLite's one connection a relay write outside the runner joined the open
    // transaction and was undone with it: the job then ran a second time.
    await t.get(OutboxRelay).stop();
    try {
      await enqueue('overlap');
      let release: () => void = () => undefined;
      let opened: () => void = () => undefined;
      const held = new Promise<void>((r) => (release = r));
      const isOpen = new Promise<void>((r) => (opened = r));
      const unrelated = t
        .get(TransactionRunner)
        .run(async (m) => {
          await m.query('SELECT 1');
          opened();
          await held;
          throw new Error('the unrelated change failed');
        })
        .catch(() => undefined);
      await isOpen;
      const pass = t.get(OutboxRelay).relayDue();
      // Long enough for a relay that bypasses the runner to claim, run and record inside it.
      await new Promise((r) => setTimeout(r, 300));
      release();
      await Promise.all([unrelated, pass]);
      await t.get(OutboxRelay).relayDue();
      expect(handledIds()).toEqual(['platform.housekeeping:overlap']);
      const row = await t.dataSource
        .getRepository(OutboxMessage)
        .findOneByOrFail({ jobId: 'platform.housekeeping:overlap' });
      expect(row.status).toBe(usesRedis() ? 'sent' : 'done');
    } finally {
      t.get(OutboxRelay).start(60_000);
    }
  });
});

(usesRedis() ? describe : describe.skip)('the outbox when Redis is unreachable', () => {
  // Only meaningful with the BullMQ transport; the in-process runner has no Redis to lose.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_POLL_MS: '60000' });
  });
  afterAll(() => t.close());

  it('keeps the row pending with the error, and a later relay delivers it', async () => {
    await t.get(OutboxRelay).stop();
    await t
      .get(TransactionRunner)
      .run((m) =>
        t.get(OutboxService).enqueue(m, 'platform.housekeeping', { olderThanHours: 1 }, { jobId: 'redis-down' }),
      );
    const down = new BullMqTransport('redis://127.0.0.1:1', 'unreachable');
    const relayWithoutRedis = new OutboxRelay(t.dataSource, down, t.get(Clock), t.get(TransactionRunner));
    const started = Date.now();
    await relayWithoutRedis.relayDue();
    expect(Date.now() - started).toBeLessThan(10_000);
    await down.close();
    const repo = t.dataSource.getRepository(OutboxMessage);
    const row = await repo.findOneByOrFail({ jobId: 'platform.housekeeping:redis-down' });
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBeTruthy();
    await repo.update({ id: row.id }, { availableAt: new Date(0) });
    await t.drain();
    expect((await repo.findOneByOrFail({ id: row.id })).status).toBe('sent');
  });
});

(usesRedis() ? describe : describe.skip)('the outbox with a row no queue takes', () => {
  // BullMQ hands a batch over at once: one undeliverable row must not fail its neighbours for ever.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_POLL_MS: '60000' });
  });
  afterAll(() => t.close());

  it('fails that row for good, with why, and delivers the rows claimed with it', async () => {
    await t.get(OutboxRelay).stop();
    const repo = t.dataSource.getRepository(OutboxMessage);
    const now = new Date();
    // As a renamed job leaves it behind after a deploy.
    await repo.insert({
      id: newId(),
      jobName: 'platform.renamed-long-ago',
      jobId: 'platform.renamed-long-ago:1',
      payload: '{}',
      status: 'pending',
      availableAt: new Date(now.getTime() - 60_000),
      attempts: 0,
      claimedBy: null,
      claimedUntil: null,
      lastError: null,
      createdAt: now,
      finishedAt: null,
    });
    for (const n of [1, 2, 3])
      await t
        .get(TransactionRunner)
        .run((m) =>
          t.get(OutboxService).enqueue(m, 'platform.housekeeping', { olderThanHours: 48 }, { jobId: `beside-${n}` }),
        );
    await t.get(OutboxRelay).relayDue();

    const rows = (await repo.find({ order: { jobId: 'ASC' } })).filter((r) => /beside|renamed/.test(r.jobId));
    expect(rows.map((r) => [r.jobId, r.status])).toEqual([
      ['platform.housekeeping:beside-1', 'sent'],
      ['platform.housekeeping:beside-2', 'sent'],
      ['platform.housekeeping:beside-3', 'sent'],
      ['platform.renamed-long-ago:1', 'failed'],
    ]);
    expect(rows[3].lastError).toContain('no queue takes the job platform.renamed-long-ago');
  });
});
