import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TransactionRunner } from '../../../../libs/database';
import { DEFAULT_PERIOD_KIND, PERIOD_KINDS, PeriodKind } from './domain/survey-period';
import { IkmSettingsDto } from './dto/ikm-settings.dto';
import { IkmSetting, IkmSettingKey } from './entities';

export interface IkmSettings {
  periodKind: PeriodKind;
  /** A form sent back sooner than this after it was loaded is refused (bots fill forms in milliseconds). */
  minFillSeconds: number;
}

/** Nine questions read and answered in under this many seconds is not a person reading them. */
const DEFAULT_MIN_FILL_SECONDS = 8;

/** The survey period length and the minimum fill time, kept by the national admin. */
@Injectable()
export class IkmSettingsService {
  constructor(
    @InjectRepository(IkmSetting) private readonly settings: Repository<IkmSetting>,
    private readonly tx: TransactionRunner,
  ) {}

  async get(): Promise<IkmSettings> {
    const rows = new Map((await this.settings.find()).map((s) => [s.key, s.value]));
    const kind = rows.get('period_kind') as PeriodKind | undefined;
    const seconds = Number(rows.get('min_fill_seconds'));
    return {
      periodKind: kind && PERIOD_KINDS.includes(kind) ? kind : DEFAULT_PERIOD_KIND,
      minFillSeconds: rows.has('min_fill_seconds') && Number.isFinite(seconds) ? seconds : DEFAULT_MIN_FILL_SECONDS,
    };
  }

  async update(dto: IkmSettingsDto): Promise<IkmSettings> {
    const changes: Array<[IkmSettingKey, string]> = [];
    if (dto.periodKind !== undefined) changes.push(['period_kind', dto.periodKind]);
    if (dto.minFillSeconds !== undefined) changes.push(['min_fill_seconds', String(dto.minFillSeconds)]);
    await this.tx.run(async (m) => {
      for (const [key, value] of changes) {
        await m
          .createQueryBuilder()
          .insert()
          .into(IkmSetting)
          .values({ key, value })
          .orUpdate(['value'], ['key'])
          .execute();
      }
    });
    return this.get();
  }
}
