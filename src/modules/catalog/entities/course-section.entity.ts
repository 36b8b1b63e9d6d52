import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A "modul" of a course (a group of lessons). Named section in code so that it is never
 * confused with a NestJS module; the API and the pages call it a module.
 */
@Entity('course_section')
@Index('IDX_course_section_version', ['versionId', 'position'])
export class CourseSection {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'version_id', type: 'varchar', length: 36 })
  versionId: string;

  /** Stable across versions: a copied section keeps the key of the one it was copied from. */
  @Column({ name: 'section_key', type: 'varchar', length: 36 })
  sectionKey: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;
}
