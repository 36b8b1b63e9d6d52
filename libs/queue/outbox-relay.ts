import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../common/clock';
import { MicroBatch } from '../common/micro-batch';
import { isMysqlFamily } from '../database/dialect';
import { TransactionRunner } from '../database/transaction-runner';
import { newId } from '../common/ids';
import { JOB_TRANSPORT, JobTransport } from './job-transport';
import { isLastTry } from './jobs';
import { OutboxMessage } from './outbox-message.entity';

const BATCH = 100;
/**
 * A kick waits this long before its pass, so that the commits of a busy moment (an exam
 * burst commits hundreds a second, each kicking) share one pass: a pass costs two
 * transactions whether it moves one row or a hundred.
 */
const KICK_COALESCE_MS = 2;
/** In-process jobs run on this event loop; enough lanes for grading batches to form. */
const IN_PROCESS_CONCURRENCY = 16;
/** With a backlog, lanes are refilled once this many are free, so that claims still come by the batch. */
const REFILL_AT = IN_PROCESS_CONCURRENCY / 2;

/**
 * Moves due outbox rows to the transport. Any number of relays may run at once (one
 * per process): a row is claimed with a lease before it is delivered, and a row whose
 * claimer died is claimed again when the lease runs out. Delivery is at least once;
 * the deterministic jobId and idempotent handlers make it exactly-once in effect.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  readonly relayId = newId();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<number> | null = null;
  private kicked: NodeJS.Timeout | null = null;
  private again = false;
  private stopped = true;
  /** Kicks so far, and the waits that a kick ends (lanes waiting for room or for work). */
  private kicks = 0;
  private readonly wakers = new Set<() => void>();
  /** In-process successes are recorded together: one statement for the jobs that end in one turn. */
  private readonly finished = new MicroBatch<string>(
    (ids) => this.recordDelivered('done', ids).then(() => ids.map(() => undefined)),
    { maxSize: BATCH, windowMs: 0 },
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_TRANSPORT) private readonly transport: JobTransport,
    private readonly clock: Clock,
    // Every write goes through the runner: on SQLite's single connection a bare write
    // would join whatever transaction is open, and vanish if that one rolls back.
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Runs the relay's statements. Each is correct on its own (a claim is a conditional
   * update, a record is keyed by the claimer), so on MySQL they run on the pool without a
   * transaction around them: half the round trips of a pass, which at an exam's end runs
   * every few milliseconds. On SQLite's one connection they go through the runner (above).
   */
  private statements<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return isMysqlFamily(this.dataSource) ? work(this.dataSource.manager) : this.tx.run(work);
  }

  private get leaseMs(): number {
    // In-process the lease covers the whole run of the handler.
    return this.transport.kind === 'in-process' ? 10 * 60_000 : 60_000;
  }

  start(pollMs: number): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(loop, pollMs);
      this.timer.unref();
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.kicked) clearTimeout(this.kicked);
    this.kicked = null;
    await this.ticking;
  }

  /** Relays in a moment (or right after the run in progress). */
  kick(): void {
    if (this.stopped) return;
    this.kicks++;
    for (const wake of this.wakers) wake();
    if (this.ticking) {
      this.again = true;
      return;
    }
    if (this.kicked) return;
    this.kicked = setTimeout(() => {
      this.kicked = null;
      this.pass();
    }, KICK_COALESCE_MS);
  }

  private pass(): void {
    if (this.stopped) return;
    // A short batch means nothing more was due when it was claimed; rows committed since
    // kicked again (`again`), so the pass ends without another claim that finds nothing.
    this.ticking = this.relayDue({ untilShortBatch: true })
      .catch((err) => {
        this.logger.warn({ err }, 'Outbox relay run failed; will retry');
        return 0;
      })
      .finally(() => {
        this.ticking = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /**
   * One pass: claim due rows, deliver them, record the outcome, until a claim finds
   * nothing (or, with `untilShortBatch`, finds less than a full batch). Returns how many
   * were handled.
   */
  async relayDue(options: { untilShortBatch?: boolean } = {}): Promise<number> {
    // Jobs run here (the embedded default), or a transport that takes one job at a time: lanes.
    if (this.transport.kind === 'in-process' || !this.transport.deliverMany) {
      return this.runInLanes(options.untilShortBatch === true);
    }
    let handled = 0;
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return handled;
      await this.deliverAll(claimed);
      handled += claimed.length;
      if (options.untilShortBatch && claimed.length < BATCH) return handled;
    }
  }

  /**
   * Jobs run here (the embedded default) go through lanes, each taking the next due row as
   * soon as it is free: a long job (a certificate ZIP, a needs analysis) holds one lane, and
   * a quiz submitted meanwhile is graded within moments instead of after the whole batch the
   * long job was claimed with. A backlog is claimed by the half-batch of lanes; a kick (a
   * commit) claims for any free lane. Resolves once nothing is due and nothing it claimed
   * still runs. The background pass (`background`) claims nothing more once the relay is
   * stopping, so a shutdown waits only for the jobs already running.
   */
  private async runInLanes(background: boolean): Promise<number> {
    const lanes = new Set<Promise<void>>();
    let handled = 0;
    let backlog = false;
    let kicksSeen = Number.NaN;
    // One promise per wait, ended by a kick or by any lane ending: racing the lanes
    // themselves would pile a handler onto a long job's lane at every wait.
    let changed: () => void = () => undefined;
    for (;;) {
      const free = IN_PROCESS_CONCURRENCY - lanes.size;
      const kicked = this.kicks !== kicksSeen;
      const stopping = background && this.stopped;
      if (stopping && lanes.size === 0) return handled;
      if (!stopping && free > 0 && (lanes.size === 0 || kicked || (backlog && free >= REFILL_AT))) {
        kicksSeen = this.kicks;
        let claimed: OutboxMessage[];
        try {
          claimed = await this.claim(free);
        } catch (err) {
          // Jobs already running still finish and record here; with none, the caller hears of it.
          if (lanes.size === 0) throw err;
          this.logger.warn({ err }, 'Outbox claim failed; trying again when a lane ends');
          claimed = [];
        }
        if (claimed.length === 0 && lanes.size === 0) return handled;
        backlog = claimed.length === free;
        handled += claimed.length;
        for (const message of claimed) {
          const lane: Promise<void> = this.runInLane(message).finally(() => {
            lanes.delete(lane);
            changed();
          });
          lanes.add(lane);
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        changed = resolve;
        this.wakers.add(resolve);
      });
      this.wakers.delete(changed);
    }
  }

  /**
   * One job in its lane; a failure is recorded with its backoff, and never stops the other
   * lanes. A job that outlives a third of its lease has the lease extended, so that no relay
   * (this one included) claims it again while it still runs.
   */
  private async runInLane(message: OutboxMessage): Promise<void> {
    const extend = setInterval(() => void this.extendLease(message.id), this.leaseMs / 3);
    extend.unref();
    try {
      const problem = this.transport.undeliverable?.(message) ?? null;
      if (problem) return await this.recordUndeliverable(message, problem);
      const outcome = await this.deliverOne(message);
      if (outcome === 'done') await this.finished.add(message.id);
      else if (outcome) await this.recordDelivered(outcome, [message.id]);
    } catch (err) {
      // The row stays claimed: it runs again when its lease ends (handlers are idempotent).
      this.logger.warn({ err, jobId: message.jobId }, 'Could not record the outcome of a job');
    } finally {
      clearInterval(extend);
    }
    // In-process jobs share the event loop with HTTP: let requests in between jobs.
    await new Promise((resolve) => setImmediate(resolve));
  }

  private async extendLease(id: string): Promise<void> {
    try {
      await this.statements((m) =>
        m.update(
          OutboxMessage,
          { id, claimedBy: this.relayId, status: 'pending' },
          { claimedUntil: new Date(this.clock.now().getTime() + this.leaseMs) },
        ),
      );
    } catch (err) {
      this.logger.warn({ err, id }, 'Could not extend the lease of a running job');
    }
  }

  private async claim(limit = BATCH): Promise<OutboxMessage[]> {
    return this.statements(async (m) => {
      const now = this.clock.now();
      const repo = m.getRepository(OutboxMessage);
      const candidates = await repo
        .createQueryBuilder('m')
        .select('m.id', 'id')
        .where('m.status = :pending', { pending: 'pending' })
        .andWhere('m.available_at <= :now', { now })
        .andWhere(new Brackets((q) => q.where('m.claimed_until IS NULL').orWhere('m.claimed_until < :now', { now })))
        .orderBy('m.available_at', 'ASC')
        .limit(limit)
        .getRawMany<{ id: string }>();
      if (candidates.length === 0) return [];
      const ids = candidates.map((c) => c.id);
      await repo
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ claimedBy: this.relayId, claimedUntil: new Date(now.getTime() + this.leaseMs) })
        .where({ id: In(ids), status: 'pending' })
        .andWhere(new Brackets((q) => q.where('claimed_until IS NULL').orWhere('claimed_until < :now', { now })))
        .execute();
      return repo.find({ where: { id: In(ids), claimedBy: this.relayId, status: 'pending' } });
    });
  }

  /** A claimed batch to a transport that takes it at once (BullMQ addBulk; jobIds still make duplicates no-ops). */
  private async deliverAll(claimed: OutboxMessage[]): Promise<void> {
    const messages: OutboxMessage[] = [];
    for (const m of claimed) {
      const problem = this.transport.undeliverable?.(m) ?? null;
      if (problem) await this.recordUndeliverable(m, problem);
      else messages.push(m);
    }
    if (messages.length === 0) return;
    try {
      const outcome = await this.transport.deliverMany!(messages);
      await this.recordDelivered(
        outcome,
        messages.map((m) => m.id),
      );
    } catch (err) {
      for (const m of messages) await this.recordFailure(m, err);
    }
  }

  private recordDelivered(status: 'done' | 'sent', ids: string[]) {
    return this.statements((m) =>
      m.update(
        OutboxMessage,
        { id: In(ids), claimedBy: this.relayId },
        { status, finishedAt: this.clock.now(), claimedUntil: null, lastError: null },
      ),
    );
  }

  /** A row no transport can ever take: failed for good, with why, and left for a person to look at. */
  private async recordUndeliverable(message: OutboxMessage, problem: string): Promise<void> {
    this.logger.error({ jobId: message.jobId, jobName: message.jobName }, `Outbox row cannot be delivered: ${problem}`);
    await this.tx.run((m) =>
      m.update(
        OutboxMessage,
        { id: message.id, claimedBy: this.relayId },
        { status: 'failed', claimedBy: null, claimedUntil: null, lastError: problem.slice(0, 500) },
      ),
    );
  }

  /** The outcome on success; a failure is recorded at once with its backoff. */
  private async deliverOne(message: OutboxMessage): Promise<'done' | 'sent' | null> {
    try {
      return await this.transport.deliver(message);
    } catch (err) {
      await this.recordFailure(message, err);
      return null;
    }
  }

  private async recordFailure(message: OutboxMessage, err: unknown): Promise<void> {
    const attempts = message.attempts + 1;
    const handlerFailed = this.transport.kind === 'in-process';
    // The registry's rule, so that a row fails for good exactly when its handler was told (givenUp).
    const giveUp = handlerFailed && isLastTry(err, { jobId: message.jobId, attempt: attempts });
    const backoffMs = Math.min(2000 * 2 ** (attempts - 1), 5 * 60_000);
    this.logger.warn({ err, jobId: message.jobId, attempts }, giveUp ? 'Job failed for good' : 'Job delivery failed');
    await this.tx.run((m) =>
      m.update(
        OutboxMessage,
        { id: message.id, claimedBy: this.relayId },
        {
          attempts,
          status: giveUp ? 'failed' : 'pending',
          availableAt: new Date(this.clock.now().getTime() + backoffMs),
          claimedBy: null,
          claimedUntil: null,
          lastError: String((err as Error)?.message ?? err).slice(0, 500),
        },
      ),
    );
  }
}
