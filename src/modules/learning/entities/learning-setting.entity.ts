import { Column, Entity, PrimaryColumn } from 'typeorm';

export const LEARNING_SETTINGS = ['minutes_per_jp'] as const;
export type LearningSettingKey = (typeof LEARNING_SETTINGS)[number];

/** Regulation numbers kept as data (DESIGN 5: keep every number configurable). */
@Entity('learning_setting')
export class LearningSetting {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key: LearningSettingKey;

  @Column({ type: 'varchar', length: 200 })
  value: string;
}
