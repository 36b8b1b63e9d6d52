import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException, newId } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { MonRebuild } from '../entities';
import { MonitoringError } from '../monitoring.errors';
import { lockRollups } from '../rollups/rollup-lock';

export interface RebuildView {
  id: string;
  status: MonRebuild['status'];
  phase: string | null;
  done: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const view = (r: MonRebuild): RebuildView => ({
  id: r.id,
  status: r.status,
  phase: r.phase,
  done: r.done,
  error: r.error,
  createdAt: r.createdAt,
  finishedAt: r.finishedAt,
});

/** The national admin's "recompute every rollup from the sources", one at a time. */
@Injectable()
export class RebuildsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async start(user: AuthUser): Promise<RebuildView> {
    // A run going on is refused before the lock: during its node phase the run holds the
    // state row for tens of seconds at 1 M ASN, and this request would wait, then time out.
    const going = await this.tx.run((m) => m.findOneBy(MonRebuild, { status: In(['queued', 'running']) }));
    if (going) throw alreadyRunning(going);
    return this.tx.run(async (m) => {
      // The state row serialises two admins asking at once (the second then sees the first's run).
      await lockRollups(m, 'exclusive');
      const running = await m.findOneBy(MonRebuild, { status: In(['queued', 'running']) });
      if (running) throw alreadyRunning(running);
      const run = m.create(MonRebuild, {
        id: newId(),
        status: 'queued',
        phase: null,
        done: 0,
        requestedBy: user.id,
        error: null,
        createdAt: this.clock.now(),
        finishedAt: null,
      });
      await m.save(run);
      await this.outbox.enqueue(m, 'monitoring.rebuild', { rebuildId: run.id }, { jobId: run.id });
      return view(run);
    });
  }

  async get(id: string): Promise<RebuildView> {
    const run = await this.tx.run((m) => m.findOneBy(MonRebuild, { id }));
    if (!run) throw new DomainException(MonitoringError.REBUILD_NOT_FOUND, 'No such rebuild');
    return view(run);
  }
}

const alreadyRunning = (run: MonRebuild) =>
  new DomainException(MonitoringError.REBUILD_RUNNING, 'A rebuild is already queued or running', {
    fields: [{ field: 'rebuild', rule: 'running', message: `rebuild ${run.id} is ${run.status}` }],
  });
