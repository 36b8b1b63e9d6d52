import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
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
  ) {}

  async handle({ day }: JobPayloads['monitoring.daily']): Promise<void> {
    await this.exports.sweepExpired();
    await this.startJpYear(Number(day.slice(0, 4)), day.slice(5) === '01-01');
  }

  /**
   * A new year starts with every ASN at 0 JP: when the year has no JP leaves yet (or on
   * 1 January, in case a credit already created a few), every ASN without a leaf for the
   * year gets a refresh, 200 keys per job. Nobody is skipped if the worker was down on
   * 1 January: the first day it runs, the year is still empty.
   */
  private async startJpYear(year: number, newYearsDay: boolean): Promise<void> {
    const started = await this.tx.run(async (m) => {
      const rows: unknown[] = await m.query('SELECT user_id FROM mon_jp_person WHERE year = ? LIMIT 1', [year]);
      return rows.length > 0;
    });
    if (started && !newYearsDay) return;
    let after: string | null = null;
    for (;;) {
      const people = await this.identity.asnPage({}, after, PEOPLE_PER_BATCH);
      if (people.length === 0) return;
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
      if (people.length < PEOPLE_PER_BATCH) return;
      after = people[people.length - 1].id;
    }
  }
}
