import { Column, Entity, PrimaryColumn } from 'typeorm';

export const IKM_SETTING_KEYS = ['period_kind', 'min_fill_seconds'] as const;
export type IkmSettingKey = (typeof IKM_SETTING_KEYS)[number];

/** Survey settings kept by the national admin (DESIGN 5: numbers are data). */
@Entity('ikm_setting')
export class IkmSetting {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key: IkmSettingKey;

  @Column({ type: 'varchar', length: 200 })
  value: string;
}
