import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TransactionRunner } from '../../../libs/database';
import { InTxListeners } from '../../../libs/queue';
import { EmployeeType } from '../identity/domain/golongan';
import { targetFor } from './domain/jp-target';
import { UpdateLearningSettingsDto } from './dto/settings.dto';
import { JpTarget, LearningSetting } from './entities';

export interface LearningSettings {
  minutesPerJp: number;
  /** Year 0 is the default for years without their own target. */
  targets: Array<{ employeeType: EmployeeType; year: number; targetJp: number }>;
}

const DEFAULT_MINUTES_PER_JP = 45;

/** Yearly JP targets that were set or changed; year 0 is the default for years without their own. */
export interface JpTargetsChanged {
  targets: Array<{ employeeType: EmployeeType; year: number }>;
}

/** Told inside the settings transaction when targets change (monitoring recounts who met them). */
@Injectable()
export class JpTargetsChangedSubscribers extends InTxListeners<JpTargetsChanged> {}

/** Minutes per JP and the yearly JP targets, kept by the national admin. */
@Injectable()
export class LearningSettingsService {
  constructor(
    @InjectRepository(LearningSetting) private readonly settings: Repository<LearningSetting>,
    private readonly tx: TransactionRunner,
    private readonly targetsChanged: JpTargetsChangedSubscribers,
  ) {}

  async get(): Promise<LearningSettings> {
    const minutes = await this.settings.findOneBy({ key: 'minutes_per_jp' });
    return {
      minutesPerJp: minutes ? Number(minutes.value) : DEFAULT_MINUTES_PER_JP,
      targets: await this.yearlyTargets(this.settings.manager),
    };
  }

  async update(dto: UpdateLearningSettingsDto): Promise<LearningSettings> {
    await this.tx.run(async (m) => {
      if (dto.minutesPerJp !== undefined) {
        await m
          .createQueryBuilder()
          .insert()
          .into(LearningSetting)
          .values({ key: 'minutes_per_jp', value: String(dto.minutesPerJp) })
          .orUpdate(['value'], ['key'])
          .execute();
      }
      for (const target of dto.targets ?? []) {
        await m
          .createQueryBuilder()
          .insert()
          .into(JpTarget)
          .values({ employeeType: target.employeeType, year: target.year ?? 0, targetJp: target.targetJp })
          .orUpdate(['target_jp'], ['employee_type', 'year'])
          .execute();
      }
      if (dto.targets?.length) {
        await this.targetsChanged.notify(m, {
          targets: dto.targets.map((t) => ({ employeeType: t.employeeType, year: t.year ?? 0 })),
        });
      }
    });
    return this.get();
  }

  /**
   * The yearly targets alone, read through `m`: the rollups ask on every JP refresh and pass
   * their transaction's manager, where the whole of get() was two statements on other connections.
   */
  async yearlyTargets(m: EntityManager): Promise<LearningSettings['targets']> {
    const rows: Array<{ employee_type: EmployeeType; year: number | string; target_jp: number | string }> =
      await m.query('SELECT employee_type, year, target_jp FROM jp_target ORDER BY employee_type, year');
    return rows.map((r) => ({ employeeType: r.employee_type, year: Number(r.year), targetJp: Number(r.target_jp) }));
  }

  /** The JP a person of this type should reach in this year, or null when no target is set. */
  async yearlyTarget(employeeType: EmployeeType, year: number): Promise<number | null> {
    return targetFor(await this.yearlyTargets(this.settings.manager), employeeType, year);
  }
}
