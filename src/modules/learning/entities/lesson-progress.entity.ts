import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per learner, course version and lesson, written by idempotent upserts. */
@Entity('lesson_progress')
export class LessonProgress {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ name: 'version_id', type: 'varchar', length: 36 })
  versionId: string;

  @PrimaryColumn({ name: 'lesson_id', type: 'varchar', length: 36 })
  lessonId: string;

  /** Where a video was left, in seconds. */
  @Column({ name: 'position_seconds', type: 'int', default: 0 })
  positionSeconds: number;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
