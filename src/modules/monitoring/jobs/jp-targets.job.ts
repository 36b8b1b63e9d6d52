import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { MonitoringSignals } from '../rollups/monitoring-signals';

const LEAVES_PER_PAGE = 1000;

/**
 * A yearly JP target was set or changed: whether a person met it, and in which month, is on
 * their JP leaf, so every JP leaf of that employee type (in that year, or in every year for
 * the default target, year 0) is refreshed. Pages through the leaves by their key; the
 * refreshes are the usual idempotent ones, so running this twice recounts the same.
 */
@Injectable()
@JobHandler('monitoring.jp-targets')
export class JpTargetsJob implements JobProcessor<'monitoring.jp-targets'> {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly signals: MonitoringSignals,
  ) {}

  async handle({ targets }: JobPayloads['monitoring.jp-targets']): Promise<void> {
    for (const { employeeType, year } of targets) {
      let after: { year: number; userId: string } | null = null;
      for (;;) {
        const page: Array<{ year: number; userId: string }> = await this.tx.run(async (m) => {
          const params: unknown[] = [employeeType];
          let where = 'employee_type = ?';
          if (year !== 0) {
            where += ' AND year = ?';
            params.push(year);
          }
          if (after) {
            where += ' AND (year > ? OR (year = ? AND user_id > ?))';
            params.push(after.year, after.year, after.userId);
          }
          const rows: Array<{ year: number | string; user_id: string }> = await m.query(
            `SELECT year, user_id FROM mon_jp_person WHERE ${where} ORDER BY year, user_id LIMIT ${LEAVES_PER_PAGE}`,
            params,
          );
          const keys = rows.map((r) => ({ userId: r.user_id, year: Number(r.year) }));
          if (keys.length > 0) await this.signals.refresh(m, 'jp', keys);
          return keys;
        });
        if (page.length < LEAVES_PER_PAGE) break;
        after = page[page.length - 1];
      }
    }
  }
}
