import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LongTextColumn } from '../../../../libs/database/long-text';

export const LESSON_KINDS = ['text', 'video', 'document', 'link', 'quiz'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/** A lesson of one course version. Media files are shared by versions (keys are never rewritten). */
@Entity('lesson')
@Index('IDX_lesson_version', ['versionId', 'position'])
@Index('IDX_lesson_kind', ['kind', 'versionId'])
export class Lesson {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'version_id', type: 'varchar', length: 36 })
  versionId: string;

  @Column({ name: 'section_id', type: 'varchar', length: 36 })
  sectionId: string;

  /** Stable across versions, so that progress can move to a newer version. */
  @Column({ name: 'lesson_key', type: 'varchar', length: 36 })
  lessonKey: string;

  /** Order within the whole course (sections first, then lessons inside each). */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 10 })
  kind: LessonKind;

  @Column({ type: 'boolean', default: true })
  required: boolean;

  /** Rich text, sanitised on save. */
  @LongTextColumn({ name: 'body_html', nullable: true })
  bodyHtml: string | null;

  @Column({ name: 'media_key', type: 'varchar', length: 120, nullable: true })
  mediaKey: string | null;

  @Column({ name: 'media_mime', type: 'varchar', length: 100, nullable: true })
  mediaMime: string | null;

  @Column({ name: 'media_name', type: 'varchar', length: 200, nullable: true })
  mediaName: string | null;

  @Column({ name: 'media_size', type: 'int', nullable: true })
  mediaSize: number | null;

  /** Video hosted elsewhere, or the target of a link lesson. */
  @Column({ name: 'external_url', type: 'varchar', length: 500, nullable: true })
  externalUrl: string | null;

  @Column({ name: 'duration_minutes', type: 'int', nullable: true })
  durationMinutes: number | null;

  /** The quiz this lesson presents (assessment module); the seam for the next issue. */
  @Column({ name: 'quiz_id', type: 'varchar', length: 36, nullable: true })
  quizId: string | null;
}
