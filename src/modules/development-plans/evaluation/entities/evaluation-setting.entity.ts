import { Column, Entity, PrimaryColumn } from 'typeorm';

export const EVALUATION_SETTINGS = ['follow_up_days'] as const;
export type EvaluationSettingKey = (typeof EVALUATION_SETTINGS)[number];

/** Evaluation numbers kept as data (DESIGN 5: keep every number configurable); no row means the default. */
@Entity('evaluation_setting')
export class EvaluationSetting {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key: EvaluationSettingKey;

  @Column({ type: 'varchar', length: 200 })
  value: string;
}
