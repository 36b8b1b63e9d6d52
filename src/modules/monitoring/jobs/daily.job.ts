import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { MonState } from '../entities';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { IdentityApi } from '../../identity/identity.api';
import { ExportsService } from '../exports/exports.service';
import { MonitoringSignals } from '../rollups/monitoring-signals';

const PEOPLE_PER_BATCH = 200;

/**
 * Monitoring's daily housekeeping (jobId: the WIB day). Each task is one step of handle(),
 * independent of the others and safe to run twice.
 */
@Injectable()
@JobHandler('monitoring.daily')
export class MonitoringDailyJob implements JobProcessor<'monitoring.daily'> {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityApi,
    private readonly signals: MonitoringSignals,
    private readonly exports: ExportsService,
    private readonly clock: Clock,
  ) {}

  async handle({ day }: JobPayloads['monitoring.daily']): Promise<void> {
    await this.exports.sweepExpired();
    await this.startJpYear(Number(day.slice(0, 4)));
  }

  /**
   * A new year starts with every ASN at 0 JP: every ASN without a leaf for the year gets a
   * refresh, 200 keys per job, until one walk has gone through everyone; a state row
   * (`jp-year-<year>`) says so. Leaves that credits or new accounts made before the walk
   * (a worker down over 1 January catching up) do not count as the walk.
   */
  private async startJpYear(year: number): Promise<void> {
    const marker = `jp-year-${year}`;
    if (await this.tx.run((m) => m.existsBy(MonState, { id: marker }))) return;
    let after: string | null = null;
    for (;;) {
      const people = await this.identity.asnPage({}, after, PEOPLE_PER_BATCH);
      if (people.length === 0) break;
      await this.tx.run(async (m) => {
        const ids = people.map((p) => p.id);
        const have: Array<{ user_id: string }> = await m.query(
          `SELECT user_id FROM mon_jp_person WHERE year = ? AND applied = 1 AND user_id IN (${ids.map(() => '?').join(', ')})`,
          [year, ...ids],
        );
        const done = new Set(have.map((r) => r.user_id));
        const missing = ids.filter((id) => !done.has(id)).map((userId) => ({ userId, year }));
        if (missing.length > 0) await this.signals.refresh(m, 'jp', missing);
      });
      if (people.length < PEOPLE_PER_BATCH) break;
      after = people[people.length - 1].id;
    }
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .insert()
        .into(MonState)
        .values({ id: marker, rebuiltAt: this.clock.now() })
        .orIgnore()
        .execute(),
    );
  }
}
