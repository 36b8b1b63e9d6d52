import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { DEFAULT_FOLLOW_UP_DAYS } from '../domain/follow-up-schedule';
import { EvaluationSetting } from '../entities';

export interface EvaluationSettings {
  /** Days from completion to the L3 follow-up. */
  followUpDays: number;
}

/** The evaluation numbers a national admin keeps (the follow-up delay); defaults without a row. */
@Injectable()
export class EvaluationSettingsService {
  constructor(private readonly tx: TransactionRunner) {}

  async get(): Promise<EvaluationSettings> {
    const row = await this.tx.run((m) => m.findOneBy(EvaluationSetting, { key: 'follow_up_days' }));
    const days = row ? Number(row.value) : NaN;
    return { followUpDays: Number.isInteger(days) && days > 0 ? days : DEFAULT_FOLLOW_UP_DAYS };
  }

  /** Applies to completions from now on: due dates already stored keep their day. */
  async update(settings: EvaluationSettings): Promise<EvaluationSettings> {
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .insert()
        .into(EvaluationSetting)
        .values({ key: 'follow_up_days', value: String(settings.followUpDays) })
        .orUpdate(['value'], ['key'])
        .execute(),
    );
    return this.get();
  }
}
