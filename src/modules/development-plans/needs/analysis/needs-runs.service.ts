import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope, AuthUser, regionSubtreeCondition, regionWithin } from '../../../../../libs/auth';
import { Clock, DomainException, newId, Page, PageQuery, skipOf, toPage } from '../../../../../libs/common';
import { forUpdateOn, runRetryingDeadlocks, TransactionRunner } from '../../../../../libs/database';
import { OutboxService } from '../../../../../libs/queue';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { StartNeedsRunDto } from '../dto/needs-run.dto';
import { NeedsRun, NeedsRunStatus } from '../entities';
import { NeedsError } from '../needs.errors';
import { Populations } from './population';

export interface NeedsRunView {
  id: string;
  regionCode: string;
  unitId: string | null;
  unitName: string | null;
  status: NeedsRunStatus;
  processed: number;
  gapRows: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const ACTIVE: NeedsRunStatus[] = ['queued', 'running'];

/** Starting a needs analysis for a population and following its progress. */
@Injectable()
export class NeedsRunsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly populations: Populations,
    private readonly organisation: OrganisationApi,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues a run. Two runs over overlapping populations at once could each sweep the
   * other's fresh rows, so a second one waits until the first has finished (409).
   *
   * Two starts at once must not both find "nothing running": each inserts its run first and
   * only then reads the active runs with a locking read (on MySQL; SQLite's write transactions
   * already run one at a time). Whichever reads second either waits for the other's commit
   * and sees its run, or the two wait on each other's new row, the database rolls one back as
   * a deadlock, and its retry sees the other's run. A refused run's row goes with its rollback.
   */
  async start(user: AuthUser, scope: AccessScope, dto: StartNeedsRunDto): Promise<NeedsRunView> {
    const population = await this.populations.resolve(scope, dto);
    const run = await runRetryingDeadlocks(this.tx, async (m) => {
      const row: NeedsRun = {
        id: newId(),
        regionCode: population.regionCode,
        unitId: population.unitId,
        status: 'queued',
        processed: 0,
        gapRows: 0,
        afterId: null,
        error: null,
        requestedBy: user.id,
        createdAt: this.clock.now(),
        startedAt: null,
        finishedAt: null,
      };
      await m.createQueryBuilder().insert().into(NeedsRun).values(row).updateEntity(false).execute();
      const active = await m.find(NeedsRun, { where: { status: In(ACTIVE) }, ...forUpdateOn(m) });
      const overlapping = active.find(
        (r) =>
          r.id !== row.id &&
          (regionWithin(r.regionCode, population.regionCode) || regionWithin(population.regionCode, r.regionCode)),
      );
      if (overlapping) {
        throw new DomainException(NeedsError.NEEDS_RUN_IN_PROGRESS, 'An analysis of this region is still running', {
          runId: overlapping.id,
        });
      }
      await this.outbox.enqueue(m, 'development-plans.needs-run', { runId: row.id }, { jobId: row.id });
      return row;
    });
    return (await this.views([run]))[0];
  }

  async get(scope: AccessScope, id: string): Promise<NeedsRunView> {
    const run = await this.tx.run((m) => m.findOneBy(NeedsRun, { id }));
    if (!run || !visible(scope, run)) throw new DomainException(NeedsError.NEEDS_RUN_NOT_FOUND, 'Run not found');
    return (await this.views([run]))[0];
  }

  /** Runs over the caller's region, newest first. */
  async list(scope: AccessScope, query: PageQuery): Promise<Page<NeedsRunView>> {
    if (scope.kind === 'own') return toPage([], 0, query);
    const [rows, total] = await this.tx.run((m) => {
      const qb = m.createQueryBuilder(NeedsRun, 'r').orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC');
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('r.region_code', scope.regionCode);
        qb.where(c.sql, c.params);
      }
      return qb.skip(skipOf(query)).take(query.pageSize).getManyAndCount();
    });
    return toPage(await this.views(rows), total, query);
  }

  /** The latest finished run over exactly this population (what the agency view rests on). */
  async latestDone(regionCode: string, unitId: string | null): Promise<NeedsRun | null> {
    return this.tx.run((m) =>
      m.findOne(NeedsRun, {
        where: { regionCode, status: 'done', ...(unitId ? { unitId } : {}) },
        order: { finishedAt: 'DESC' },
      }),
    );
  }

  private async views(runs: NeedsRun[]): Promise<NeedsRunView[]> {
    const unitIds = [...new Set(runs.map((r) => r.unitId).filter((u): u is string => !!u))];
    const units = new Map((await this.organisation.unitsByIds(unitIds)).map((u) => [u.id, u.name]));
    return runs.map((r) => ({
      id: r.id,
      regionCode: r.regionCode,
      unitId: r.unitId,
      unitName: r.unitId ? (units.get(r.unitId) ?? null) : null,
      status: r.status,
      processed: r.processed,
      gapRows: r.gapRows,
      error: r.error,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
    }));
  }
}

function visible(scope: AccessScope, run: NeedsRun): boolean {
  if (scope.kind === 'national') return true;
  return scope.kind === 'region' && regionWithin(run.regionCode, scope.regionCode);
}
