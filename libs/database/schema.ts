import { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column builders for migrations, so that one migration file creates the same schema
 * on SQLite and MySQL/MariaDB (the drift test checks it against the entities).
 */
export const column = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
  varchar: (name: string, length: number, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: false,
    ...options,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  int: (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name,
    type: 'int',
    isNullable: false,
    ...options,
  }),
  bool: (name: string, defaultValue: boolean): TableColumnOptions => ({
    name,
    type: 'boolean',
    isNullable: false,
    default: defaultValue,
  }),
  datetime: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 3,
    isNullable: nullable,
  }),
};

/** created_at / updated_at filled by the database, as CreateDateColumn/UpdateDateColumn expect. */
export function timestampColumn(queryRunner: QueryRunner, name: string, onUpdate = false): TableColumnOptions {
  if (queryRunner.connection.options.type === 'mysql') {
    return {
      name,
      type: 'datetime',
      precision: 3,
      isNullable: false,
      default: 'CURRENT_TIMESTAMP(3)',
      ...(onUpdate ? { onUpdate: 'CURRENT_TIMESTAMP(3)' } : {}),
    };
  }
  return { name, type: 'datetime', precision: 3, isNullable: false, default: "datetime('now')" };
}
