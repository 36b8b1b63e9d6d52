import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, newId } from '../../../../../libs/common';
import { OutboxService } from '../../../../../libs/queue';
import { IdentityApi } from '../../../identity/identity.api';
import { LearningApi } from '../../../learning/learning.api';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { wibYear as wibYearOf } from '../../../../../libs/common';
import { MonitoringSignals } from '../monitoring-signals';

const HOLDERS_PER_PAGE = 1000;

/**
 * What moves the person leaves (JP per year, competency coverage): credits and evidence
 * written, people created, imported, moved or deactivated, a job standard replaced. Each
 * becomes queued refreshes, enqueued inside the producer's transaction.
 */
@Injectable()
export class PeopleTriggers implements OnModuleInit {
  constructor(
    private readonly learning: LearningApi,
    private readonly identity: IdentityApi,
    private readonly organisation: OrganisationApi,
    private readonly signals: MonitoringSignals,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.learning.onCreditsChanged(async (m, { userId, year }) => {
      await this.signals.refresh(m, 'jp', [{ userId, year }]);
      await this.signals.refresh(m, 'competency', [{ userId }]);
    });
    this.identity.onPeopleChanged((m, { userIds }) => this.peopleChanged(m, userIds));
    this.organisation.onStandardChanged((m, { positionId }) => this.standardChanged(m, positionId));
    // Who met a target is on every JP leaf of its type: a job pages through them (one per change).
    this.learning.onJpTargetsChanged((m, { targets }) =>
      this.outbox.enqueue(m, 'monitoring.jp-targets', { targets }, { jobId: newId() }),
    );
  }

  /**
   * A person's unit, type or golongan is on every year's leaf, so every year they have a leaf
   * in is refreshed, with the current one; and every year the rollups hold since their
   * account was created, as the rebuild counts them: a person reactivated (or given an
   * employee type) gets back the past years their leaves were dropped from. People created
   * in this very transaction are found too (the lookup runs on its connection): only the
   * current year is theirs.
   */
  private async peopleChanged(m: EntityManager, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const current = wibYearOf(this.clock.now());
    const keys = userIds.map((userId) => ({ userId, year: current }));
    const held: Array<{ year: number | string }> = await m.query('SELECT DISTINCT year FROM mon_jp_person');
    const years = held.map((r) => Number(r.year)).filter((y) => y !== current);
    for (let i = 0; i < userIds.length; i += 1000) {
      const slice = userIds.slice(i, i + 1000);
      const rows: Array<{ user_id: string; year: number | string }> = await m.query(
        `SELECT user_id, year FROM mon_jp_person WHERE user_id IN (${slice.map(() => '?').join(', ')})`,
        slice,
      );
      for (const r of rows) keys.push({ userId: r.user_id, year: Number(r.year) });
      for (const person of await this.identity.factsOf(slice)) {
        const since = wibYearOf(person.createdAt);
        for (const year of years) if (year >= since) keys.push({ userId: person.id, year });
      }
    }
    await this.signals.refresh(m, 'jp', keys);
    await this.signals.refresh(
      m,
      'competency',
      userIds.map((userId) => ({ userId })),
    );
  }

  /** Everyone holding the position is measured against the new standard. */
  private async standardChanged(m: EntityManager, positionId: string): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const holders = await this.identity.asnPage({ positionId }, after, HOLDERS_PER_PAGE);
      if (holders.length === 0) return;
      await this.signals.refresh(
        m,
        'competency',
        holders.map((p) => ({ userId: p.id })),
      );
      if (holders.length < HOLDERS_PER_PAGE) return;
      after = holders[holders.length - 1].id;
    }
  }
}
