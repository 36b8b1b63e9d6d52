import { Column, Entity, PrimaryColumn } from 'typeorm';

export const FORM_CATEGORIES = ['klasikal', 'nonklasikal'] as const;
export type FormCategory = (typeof FORM_CATEGORIES)[number];
export const JP_RULES = ['programme', 'per_day'] as const;
/** programme: the programme's own JP (plus a bonus abroad); per_day: a fixed JP per day of attendance. */
export type JpRule = (typeof JP_RULES)[number];

/** A form of competency development (Peraturan LAN 10/2018) and how its JP are counted; data, editable. */
@Entity('development_form')
export class DevelopmentForm {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  category: FormCategory;

  @Column({ type: 'varchar', length: 12 })
  rule: JpRule;

  @Column({ name: 'jp_per_day', type: 'int', nullable: true })
  jpPerDay: number | null;

  @Column({ name: 'jp_per_day_international', type: 'int', nullable: true })
  jpPerDayInternational: number | null;

  @Column({ name: 'international_bonus_percent', type: 'int', default: 0 })
  internationalBonusPercent: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
