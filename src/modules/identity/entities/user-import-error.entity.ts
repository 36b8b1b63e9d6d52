import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A row of an import that was not applied, with where and why. */
@Entity('user_import_error')
@Index('IDX_user_import_error_import', ['importId', 'line'])
export class UserImportError {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'import_id', type: 'varchar', length: 36 })
  importId: string;

  /** 1-based line in the file, the header being line 1. */
  @Column({ type: 'int' })
  line: number;

  @Column({ type: 'varchar', length: 40 })
  column: string;

  @Column({ type: 'varchar', length: 300 })
  reason: string;
}
