import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SkpRating } from '../person-gaps';

/** An ASN's SKP performance rating of one year (imported; one per person and year). */
@Entity('skp_rating')
@Index('UQ_skp_rating_user_year', ['userId', 'year'], { unique: true })
@Index('IDX_skp_rating_region', ['regionCode', 'year'])
export class SkpRatingRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  rating: SkpRating;

  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'imported_by', type: 'varchar', length: 36 })
  importedBy: string;

  @Column({ name: 'imported_at', type: 'datetime', precision: 3 })
  importedAt: Date;
}
